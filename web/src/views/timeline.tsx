import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "preact/hooks";
import type { Timeline } from "../../../src/server/api-types.ts";
import { get } from "../api.ts";
import { stanceColor } from "../colors.ts";
import { ExportButtons } from "../export.tsx";
import { link, type Route } from "../route.ts";
import { useLoad } from "../use-api.ts";

/** What happened when: a chart of events and changes of stance, and the list beneath it. */
export function TimelineView({ route, issue }: { route: Route; issue: string }) {
  const entries = useLoad(
    () => get<Timeline>("/api/timeline", { issue, from: route.from, to: route.to }),
    [issue, route.from, route.to],
  );
  const chart = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const data = (entries.data ?? []).map((e) => ({
      date: new Date(e.date),
      row: e.kind === "event" ? "events" : e.kind === "record" ? "on record" : e.actor.name,
      color: e.kind === "stance" ? stanceColor(e.stance) : "#555",
      symbol: e.kind === "record" ? "square" : "circle",
      label:
        e.kind === "stance" ? `${e.actor.name}: ${e.previous ? `${e.previous} → ` : ""}${e.stance}` : e.text,
    }));
    const rows = [...new Set(data.map((d) => d.row))];
    const svg = Plot.plot({
      width: 960,
      height: Math.max(160, rows.length * 18 + 60),
      marginLeft: 160,
      // The axis spans the entries, not up to today: 1999–2008 is not a thin strip of 1999–2026.
      x: { type: "utc", label: null, nice: true },
      y: { domain: rows, label: null },
      marks: [
        // Records are squares, reports circles: told apart by shape as well as by their row.
        Plot.dot(data, { x: "date", y: "row", fill: "color", symbol: "symbol", r: 4, title: "label" }),
      ],
    });
    chart.current?.replaceChildren(svg);
  }, [entries.data]);
  return (
    <section>
      {entries.error && <p class="error">{entries.error}</p>}
      {entries.loading && !entries.data && <p class="muted">Loading the timeline…</p>}
      {entries.data?.length === 0 && (
        <p>Nothing dated on this issue{route.from || route.to ? " in this period" : ""}.</p>
      )}
      <ExportButtons
        data={
          entries.data && {
            name: `timeline-${issue}`,
            records: entries.data,
            table: entries.data.map((e) => ({
              date: e.date,
              kind: e.kind,
              what:
                e.kind === "stance"
                  ? `${e.actor.name}: ${e.previous ? `${e.previous} -> ` : ""}${e.stance}`
                  : e.text,
              source:
                e.kind === "record"
                  ? e.source
                  : e.kind === "event"
                    ? e.sources.map((x) => x.outlet ?? x.document).join("; ")
                    : (e.evidence?.document ?? ""),
            })),
          }
        }
      />
      <div ref={chart} class="chart" />
      <ul class="timeline">
        {(entries.data ?? []).map((e, i) => (
          <li key={`${e.date}-${i}`} class={e.kind}>
            <time>{e.date}</time>{" "}
            {e.kind === "record" ? (
              <>
                <span class="kind">record</span> {e.text}{" "}
                {/^https?:\/\//.test(e.source) ? (
                  <a href={e.source} rel="noreferrer">
                    source
                  </a>
                ) : (
                  <span class="muted">({e.source})</span>
                )}
              </>
            ) : e.kind === "event" ? (
              <>
                {e.text}{" "}
                <a
                  {...link({
                    view: "document",
                    id: e.sources[0]?.document ?? "",
                    from: String(e.sources[0]?.span[0] ?? ""),
                    to: String(e.sources[0]?.span[1] ?? ""),
                  })}
                >
                  {e.sources.length > 1 ? `${e.sources.length} sources` : (e.sources[0]?.outlet ?? "source")}
                </a>
              </>
            ) : (
              <>
                <strong>{e.actor.name}</strong>: {e.previous ? `${e.previous} → ` : ""}
                <span style={{ color: stanceColor(e.stance) }}>{e.stance}</span>{" "}
                {e.evidence && (
                  <a
                    {...link({
                      view: "document",
                      id: e.evidence.document,
                      from: String(e.evidence.span[0]),
                      to: String(e.evidence.span[1]),
                    })}
                  >
                    evidence
                  </a>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
