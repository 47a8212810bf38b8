import { useEffect } from "preact/hooks";
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

/** Views reached from others rather than from the menu: a state's page, a document. */
const LINKED_VIEWS: Record<string, string> = { state: "State", document: "Document" };

const labelOf = (view: string): string | undefined =>
  VIEWS.find(([id]) => id === view)?.[1] ?? LINKED_VIEWS[view];

export function App() {
  const route = useRoute();
  const issues = useLoad(() => get<Issues>("/api/issues"), []);
  const view = route.view ?? "map";
  // With no issue asked for, the one with the most stances: a store's first issue alphabetically may have none.
  const issue = route.issue ?? [...(issues.data ?? [])].sort((a, b) => b.stances - a.stances)[0]?.id ?? "";
  const props = { route, issue };
  const label = labelOf(view);
  const issueLabel = issues.data?.find((i) => i.id === issue)?.label;
  // An issue the store does not hold is said in the app's words, not the API's.
  const unknownIssue = Boolean(issue && issues.data && !issueLabel && view !== "document");
  const ready = Boolean(issue) && !unknownIssue;
  useEffect(() => {
    document.title = [label, issueLabel, "standpoint"].filter(Boolean).join(" · ");
  }, [label, issueLabel]);
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
        {!label && (
          <p class="error" role="alert">
            There is no view called “{view}”: choose one of {VIEWS.map(([, l]) => l).join(", ")} above.
          </p>
        )}
        {label && unknownIssue && (
          <p class="error" role="alert">
            This store holds no issue “{issue}”: choose one from the Issue list above.
          </p>
        )}
        {!issues.loading && !issue && view !== "document" && (
          <p>No issue in this store yet: ingest articles with --issue.</p>
        )}
        {ready && view === "map" && <MapView {...props} />}
        {ready && view === "state" && <StateView {...props} />}
        {!unknownIssue && view === "quotes" && <QuotesView {...props} />}
        {view === "document" && <DocumentPage route={route} />}
        {ready && view === "timeline" && <TimelineView {...props} />}
        {ready && view === "compare" && <CompareView {...props} />}
        {ready && view === "forum" && <ForumView {...props} />}
        {!unknownIssue && view === "review" && <ReviewView {...props} />}
      </main>
    </>
  );
}
