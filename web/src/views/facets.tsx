import type { Quotes } from "../../../src/server/api-types.ts";
import { type Route, update } from "../route.ts";

type Quote = Quotes[number];

/** How a list of quotes may be ordered, and the order each gives. */
export const SORTS: Record<string, { label: string; compare: (a: Quote, b: Quote) => number }> = {
  newest: { label: "newest first", compare: (a, b) => (b.published ?? "").localeCompare(a.published ?? "") },
  oldest: { label: "oldest first", compare: (a, b) => (a.published ?? "").localeCompare(b.published ?? "") },
  speaker: {
    label: "speaker",
    compare: (a, b) => (a.speaker?.name ?? "~").localeCompare(b.speaker?.name ?? "~"),
  },
  outlet: { label: "outlet", compare: (a, b) => (a.outlet ?? "~").localeCompare(b.outlet ?? "~") },
};

/** A facet: its name and a row's values for it (a quote may bear on several issues). */
export interface Facet<T> {
  name: string;
  of: (row: T) => string[];
}

/** The filter each value of a quote facet sets when chosen. */
const QUOTE_FACETS: Array<Facet<Quote> & { pick: (v: string) => Route }> = [
  { name: "speaker", of: (q) => (q.speaker ? [q.speaker.name] : []), pick: (v) => ({ speaker: v }) },
  { name: "state", of: (q) => (q.state ? [q.state.name] : []), pick: (v) => ({ actor: v }) },
  { name: "outlet", of: (q) => (q.outlet ? [q.outlet] : []), pick: (v) => ({ outlet: v }) },
  // Choosing an issue leaves "all issues" for that one.
  { name: "issue", of: (q) => q.issues, pick: (v) => ({ issue: v, all: "" }) },
  {
    name: "month",
    of: (q) => (q.published ? [q.published.slice(0, 7)] : []),
    pick: (v) => ({ from: v, to: v }),
  },
];

/** The most common values shown. */
const SHOWN = 8;

/** Quote facets: choosing a value filters the list through the address, as the filters above do. */
export function QuoteFacets({ list }: { list: Quote[] }) {
  return (
    <Facets
      list={list}
      facets={QUOTE_FACETS}
      onPick={(name, value) => {
        const facet = QUOTE_FACETS.find((f) => f.name === name);
        if (facet && value) update(facet.pick(value));
      }}
    />
  );
}

/**
 * Facets of the rows shown, as Datasette gives them: for each facet the most common values with
 * their counts; choosing one calls `onPick`, and a chosen value (in `picked`) can be cleared.
 */
export function Facets<T>({
  list,
  facets,
  picked = {},
  onPick,
}: {
  list: T[];
  facets: Array<Facet<T>>;
  picked?: Record<string, string>;
  onPick: (name: string, value: string | undefined) => void;
}) {
  if (!list.length) return null;
  return (
    <div class="facets" data-testid="facets">
      {facets.map((f) => {
        const counts = new Map<string, number>();
        for (const row of list) for (const v of f.of(row)) counts.set(v, (counts.get(v) ?? 0) + 1);
        if (!counts.size) return null;
        const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, SHOWN);
        return (
          <p key={f.name} class="facet" data-facet={f.name}>
            <strong>{f.name}</strong>:{" "}
            {top.map(([value, n], i) => (
              <span key={value}>
                {i ? " · " : ""}
                <button type="button" class="link" onClick={() => onPick(f.name, value)}>
                  {value}
                </button>{" "}
                ({n})
              </span>
            ))}
            {picked[f.name] && (
              <>
                {" "}
                <button type="button" class="link" onClick={() => onPick(f.name, undefined)}>
                  (any {f.name})
                </button>
              </>
            )}
          </p>
        );
      })}
    </div>
  );
}
