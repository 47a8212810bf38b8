import { useState } from "preact/hooks";
import type { Position } from "../../../src/server/api-types.ts";
import { STANCE_COLORS } from "../colors.ts";
import { link } from "../route.ts";
import { type Facet, Facets } from "./facets.tsx";

const STANCES = ["support", "oppose", "neutral", "mixed"] as const;

/** What every mark of the map means. */
export function Legend({
  counts,
  recorded,
  places,
}: {
  counts: Record<(typeof STANCES)[number], number>;
  recorded: number;
  places: string[];
}) {
  return (
    <p class="legend">
      {STANCES.map((s) => (
        <span key={s}>
          <i style={{ background: STANCE_COLORS[s] }} /> {s}
          {s === "mixed" ? " (evidence split evenly)" : ""} ({counts[s]})
        </span>
      ))}
      <span>
        <i style={{ background: STANCE_COLORS.unknown }} /> no position known
      </span>
      <span>
        <svg width="14" height="14" aria-hidden="true">
          <rect width="14" height="14" fill={STANCE_COLORS.support} />
          <rect width="14" height="14" fill="url(#on-record)" />
        </svg>{" "}
        hatched: on record, a recognition or a vote ({recorded})
      </span>
      <span>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4" fill={STANCE_COLORS.unknown} stroke="#1d2330" />
        </svg>{" "}
        circle: a state too small to draw
      </span>
      {places.length > 0 && (
        <span>
          <svg width="14" height="14" aria-hidden="true">
            <rect
              x="1"
              y="1"
              width="12"
              height="12"
              fill="none"
              stroke="#1d2330"
              stroke-width="2"
              stroke-dasharray="3 2"
            />
          </svg>{" "}
          outlined: the disputed territory ({places.join(", ")})
        </span>
      )}
    </p>
  );
}

/** The columns of the positions table, and how each sorts. */
const COLUMNS: Array<{ id: string; label: string; of: (p: Position) => string | number }> = [
  { id: "actor", label: "State or body", of: (p) => p.actor.name },
  { id: "stance", label: "Position", of: (p) => p.stance },
  { id: "since", label: "Since", of: (p) => p.since ?? "" },
  { id: "support", label: "For", of: (p) => p.counts.support },
  { id: "oppose", label: "Against", of: (p) => p.counts.oppose },
  { id: "neutral", label: "Neutral", of: (p) => p.counts.neutral },
  { id: "on_record", label: "On record", of: (p) => (p.on_record ? "yes" : "no") },
];

/** Facets of the positions: choosing a value keeps the rows that have it. */
const POSITION_FACETS: Array<Facet<Position>> = [
  { name: "position", of: (p) => [p.stance] },
  { name: "kind", of: (p) => [p.actor.kind] },
  { name: "since", of: (p) => [p.since?.slice(0, 4) ?? "undated"] },
  { name: "on record", of: (p) => [p.on_record ? "yes" : "no"] },
];

/** The map's data as a table, sorted by any column and faceted: for screen readers, for copying, for small screens. */
export function PositionTable({
  list,
  issue,
  at,
}: {
  list: Position[];
  issue: string;
  at: string | undefined;
}) {
  const [order, setOrder] = useState<{ by: string; up: boolean }>({ by: "stance", up: true });
  const [picked, setPicked] = useState<Record<string, string>>({});
  const column = COLUMNS.find((c) => c.id === order.by) ?? (COLUMNS[1] as (typeof COLUMNS)[number]);
  const kept = list.filter((p) =>
    POSITION_FACETS.every((f) => !picked[f.name] || f.of(p).includes(picked[f.name] as string)),
  );
  const rows = kept.sort((a, b) => {
    const [x, y] = [column.of(a), column.of(b)];
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return order.up ? c : -c;
  });
  return (
    <>
      <Facets
        list={kept}
        facets={POSITION_FACETS}
        picked={picked}
        onPick={(name, value) => {
          const next = { ...picked };
          if (value) next[name] = value;
          else delete next[name];
          setPicked(next);
        }}
      />
      <table class="positions" data-testid="map-table">
        <caption>Positions at {at ?? "the latest date"}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.id}
                scope="col"
                aria-sort={order.by === c.id ? (order.up ? "ascending" : "descending") : "none"}
              >
                <button
                  type="button"
                  class="link"
                  onClick={() => setOrder({ by: c.id, up: order.by === c.id ? !order.up : true })}
                >
                  {c.label}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.actor.id} data-actor={p.actor.id}>
              <th scope="row">
                <a {...link({ view: "state", issue, actor: p.actor.id, at: at ?? "" })}>{p.actor.name}</a>
              </th>
              <td>{p.stance}</td>
              <td>{p.since ?? "undated"}</td>
              <td>{p.counts.support}</td>
              <td>{p.counts.oppose}</td>
              <td>{p.counts.neutral}</td>
              <td>{p.on_record ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
