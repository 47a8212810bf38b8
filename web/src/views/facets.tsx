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

/** A facet's values for one quote (a quote may bear on several issues) and the filter a value sets. */
const FACETS: Array<{ name: string; of: (q: Quote) => string[]; pick: (v: string) => Route }> = [
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

/**
 * Facets of the quotes shown, as Datasette gives them: for speaker, state, outlet, issue and month, the most
 * common values with their counts; choosing one filters the list by it.
 */
export function QuoteFacets({ list }: { list: Quote[] }) {
  if (!list.length) return null;
  return (
    <div class="facets" data-testid="facets">
      {FACETS.map((f) => {
        const counts = new Map<string, number>();
        for (const q of list) for (const v of f.of(q)) counts.set(v, (counts.get(v) ?? 0) + 1);
        if (!counts.size) return null;
        const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, SHOWN);
        return (
          <p key={f.name} class="facet" data-facet={f.name}>
            <strong>{f.name}</strong>:{" "}
            {top.map(([value, n], i) => (
              <span key={value}>
                {i ? " · " : ""}
                <button type="button" class="link" onClick={() => update(f.pick(value))}>
                  {value}
                </button>{" "}
                ({n})
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
