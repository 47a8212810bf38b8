import type { OutletComparison } from "../../../src/server/api-types.ts";
import { get } from "../api.ts";
import { link, type Route } from "../route.ts";
import { useLoad } from "../use-api.ts";

/** How outlets differ on an issue: whom they quoted, which stances they reported, what only they carried. */
export function CompareView({ issue }: { route: Route; issue: string }) {
  const profiles = useLoad(() => get<OutletComparison>("/api/compare", { issue }), [issue]);
  return (
    <section>
      {profiles.error && <p class="error">{profiles.error}</p>}
      <table class="compare">
        <thead>
          <tr>
            <th>Outlet</th>
            <th>Articles</th>
            <th>Quotes</th>
            <th>Stances (for / against / neutral)</th>
            <th>Quoted most</th>
            <th>Only here</th>
          </tr>
        </thead>
        <tbody>
          {(profiles.data ?? []).map((p) => (
            <tr key={p.outlet}>
              <td>{p.outlet}</td>
              <td>{p.documents}</td>
              <td>{p.quotes}</td>
              <td>
                {p.stances.support} / {p.stances.oppose} / {p.stances.neutral}
              </td>
              <td>
                {p.speakers
                  .slice(0, 3)
                  .map((s) => `${s.name} (${s.quotes})`)
                  .join(", ")}
              </td>
              <td>
                <ul>
                  {p.only_here.slice(0, 3).map((q) => (
                    <li key={q.id}>
                      <a {...link({ view: "document", id: q.document, quote: q.id })}>
                        {q.speaker ?? "unattributed"}: “
                        {q.text.length > 90 ? `${q.text.slice(0, 89)}…` : q.text}”
                      </a>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
