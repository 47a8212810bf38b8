import type { Issues } from "../../src/server/api-types.ts";
import { get } from "./api.ts";
import { link, update, useRoute } from "./route.ts";
import { useLoad } from "./use-api.ts";
import { CompareView } from "./views/compare.tsx";
import { DocumentPage } from "./views/document.tsx";
import { ForumView } from "./views/forum.tsx";
import { MapView } from "./views/map.tsx";
import { QuotesView } from "./views/quotes.tsx";
import { ReviewView } from "./views/review.tsx";
import { StateView } from "./views/state.tsx";
import { TimelineView } from "./views/timeline.tsx";

const VIEWS = [
  ["map", "Map"],
  ["quotes", "Quotes"],
  ["timeline", "Timeline"],
  ["compare", "Outlets"],
  ["forum", "Forums"],
  ["review", "Review"],
] as const;

export function App() {
  const route = useRoute();
  const issues = useLoad(() => get<Issues>("/api/issues"), []);
  const view = route.view ?? "map";
  const issue = route.issue ?? issues.data?.[0]?.id ?? "";
  const props = { route, issue };
  return (
    <>
      <header>
        <a class="brand" {...link({ view: "map", issue })}>
          standpoint
        </a>
        <nav>
          {VIEWS.map(([id, label]) => (
            <a
              key={id}
              class={view === id ? "active" : ""}
              {...link({ view: id, issue, ...(route.at ? { at: route.at } : {}) })}
            >
              {label}
            </a>
          ))}
        </nav>
        <label>
          Issue{" "}
          <select value={issue} onChange={(e) => update({ issue: (e.target as HTMLSelectElement).value })}>
            {(issues.data ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        {issues.error && <p class="error">{issues.error}</p>}
        {!issues.loading && !issue && view !== "document" && (
          <p>No issue in this store yet: ingest articles with --issue.</p>
        )}
        {issue && view === "map" && <MapView {...props} />}
        {issue && view === "state" && <StateView {...props} />}
        {view === "quotes" && <QuotesView {...props} />}
        {view === "document" && <DocumentPage route={route} />}
        {issue && view === "timeline" && <TimelineView {...props} />}
        {issue && view === "compare" && <CompareView {...props} />}
        {issue && view === "forum" && <ForumView {...props} />}
        {view === "review" && <ReviewView {...props} />}
      </main>
    </>
  );
}
