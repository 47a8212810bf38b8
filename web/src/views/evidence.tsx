import type { Evidence } from "../../../src/server/api-types.ts";
import { STANCE_COLORS } from "../colors.ts";
import { link } from "../route.ts";

/** One piece of evidence: its words, where and when, and a link to its sentence in the article. */
export function EvidenceItem({ e }: { e: Evidence }) {
  return (
    <li class="evidence">
      <span class="tag" style={{ background: STANCE_COLORS[e.stance] }}>
        {e.stance}
      </span>{" "}
      <span class="muted">
        {e.date ?? "undated"} · {e.outlet ?? e.document}
        {e.via_name ? ` · via ${e.via_name}` : ""}
        {e.review !== "unreviewed" ? ` · ${e.review}` : ""}
      </span>
      <blockquote>{e.text.join(" … ")}</blockquote>
      <a
        {...link({
          view: "document",
          id: e.document,
          from: String(e.spans[0]?.[0] ?? ""),
          to: String(e.spans[0]?.[1] ?? ""),
        })}
      >
        read in the article
      </a>
    </li>
  );
}
