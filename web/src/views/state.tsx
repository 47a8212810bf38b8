import type { Positions, Quotes } from "../../../src/server/api-types.ts";
import { get } from "../api.ts";
import { STANCE_COLORS } from "../colors.ts";
import { link, type Route } from "../route.ts";
import { useLoad } from "../use-api.ts";
import { EvidenceItem } from "./evidence.tsx";

/** A state's (or any actor's) position on an issue over time, with its evidence and its quotes. */
export function StateView({ route, issue }: { route: Route; issue: string }) {
  const actor = route.actor ?? "";
  const pos = useLoad(
    () => get<Positions>("/api/positions", { issue, actor, at: route.at, evidence: 20 }),
    [issue, actor, route.at],
  );
  const quotes = useLoad(() => get<Quotes>("/api/quotes", { actor, issue, limit: 20 }), [issue, actor]);
  const p = pos.data?.positions[0];
  return (
    <section>
      <h2>{p?.actor.name ?? actor}</h2>
      {pos.error && <p class="error">{pos.error}</p>}
      {pos.loading && !pos.data && <p class="muted">Loading the position…</p>}
      {!pos.loading && !p && <p>No stance on this issue{route.at ? ` by ${route.at}` : ""}.</p>}
      {p && (
        <>
          <p>
            <span class="tag" style={{ background: STANCE_COLORS[p.stance] }} data-testid="state-stance">
              {p.stance}
            </span>{" "}
            since {p.since ?? "undated evidence"}
            {route.at ? `, as of ${route.at}` : ""} — {p.counts.support} for, {p.counts.oppose} against,{" "}
            {p.counts.neutral} neutral
          </p>
          <h3>Over time</h3>
          <ol class="changes">
            {p.changes.map((c) => (
              <li key={c.date}>
                {c.date}: <span style={{ color: STANCE_COLORS[c.stance] }}>{c.stance}</span>
              </li>
            ))}
          </ol>
          <h3>Evidence</h3>
          <ul>
            {p.evidence.map((e) => (
              <EvidenceItem key={e.id} e={e} />
            ))}
          </ul>
          {p.conflicts.length > 0 && (
            <>
              <h3>Evidence against</h3>
              <ul>
                {p.conflicts.map((e) => (
                  <EvidenceItem key={e.id} e={e} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <h3>Quotes</h3>
      {quotes.loading && !quotes.data && <p class="muted">Loading quotes…</p>}
      {quotes.data?.length === 0 && <p>No quotes by this actor or its officials on this issue.</p>}
      <ul>
        {(quotes.data ?? []).map((q) => (
          <li key={q.id}>
            <strong>{q.speaker?.name ?? "unattributed"}</strong> <span class="muted">{q.published}</span>
            <blockquote>{q.text}</blockquote>
            <a {...link({ view: "document", id: q.document, quote: q.id })}>source</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
