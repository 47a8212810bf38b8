import type { Evidence } from "../../../src/server/api-types.ts";
import { STANCE_COLORS } from "../colors.ts";
import { link } from "../route.ts";

/**
 * One piece of evidence. A report: its words, where and when, and a link to its sentence in the
 * article. A record: the act on record, marked as such, with the source it rests on.
 */
export function EvidenceItem({ e }: { e: Evidence }) {
  const tag = (
    <span class="tag" style={{ background: STANCE_COLORS[e.stance] }}>
      {e.stance}
    </span>
  );
  if (e.kind === "record")
    return (
      <li class="evidence record">
        {tag} <span class="kind">record</span>{" "}
        <span class="muted">
          {e.date ?? "undated"}
          {e.outlet ? ` · ${e.outlet}` : ""}
        </span>
        <p>{e.text.join(" ")}</p>
        {e.source && /^https?:\/\//.test(e.source) ? (
          <a href={e.source} rel="noreferrer">
            source
          </a>
        ) : (
          <span class="muted">source: {e.source}</span>
        )}
      </li>
    );
  return (
    <li class="evidence">
      {tag} <span class="kind">report</span>{" "}
      <span class="muted">
        {e.date ?? "undated"} · {e.outlet ?? e.document}
        {e.via_name ? ` · via ${e.via_name}` : ""}
        {e.review !== "unreviewed" ? ` · ${e.review}` : ""}
      </span>
      <blockquote>{e.text.join(" … ")}</blockquote>
      <a
        {...link({
          view: "document",
          id: e.document ?? "",
          from: String(e.spans[0]?.[0] ?? ""),
          to: String(e.spans[0]?.[1] ?? ""),
        })}
      >
        read in the article
      </a>
    </li>
  );
}
