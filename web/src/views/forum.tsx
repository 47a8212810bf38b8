import * as Plot from "@observablehq/plot";
import { useEffect, useRef, useState } from "preact/hooks";
import { LISTED_UNKNOWN, projectionSummary } from "../../../src/forums/summary.ts";
import type { Forums, Power, Projection } from "../../../src/server/api-types.ts";
import { get } from "../api.ts";
import { type Route, update } from "../route.ts";
import { useLoad } from "../use-api.ts";

const CYCLE = ["", "yes", "abstain", "no", "absent"];

/** A forum, a date and the issue: would a draft endorsing it pass, who vetoes, who is pivotal; what if a member voted otherwise. */
export function ForumView({ route, issue }: { route: Route; issue: string }) {
  // Only the forums that bear on the issue are offered (the Contact Group for former Yugoslavia).
  const forums = useLoad(() => get<Forums>("/api/forums", { issue }), [issue]);
  const forum = route.forum ?? "unsc";
  const at = route.at ?? "2008-02-18";
  const assume = route.assume ?? "";
  const assumed = new Map(
    assume
      .split(",")
      .filter(Boolean)
      .map((a) => a.split("=") as [string, string]),
  );
  const projection = useLoad(
    () => get<Projection>(`/api/forums/${forum}/project`, { issue, at, assume }),
    [forum, at, issue, assume],
  );
  const power = useLoad(() => get<Power>(`/api/forums/${forum}/power`, { at }), [forum, at]);
  const chart = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const rows = (power.data?.members ?? []).flatMap((m) => [
      ...(m.shapley_shubik_decimal !== undefined
        ? [{ member: m.member, index: "Shapley–Shubik", value: m.shapley_shubik_decimal }]
        : []),
      { member: m.member, index: "Banzhaf", value: m.banzhaf_decimal },
    ]);
    if (!rows.length || rows.length > 120) {
      chart.current?.replaceChildren();
      return;
    }
    const plot = Plot.plot({
      ariaLabel: "voting power of each member",
      ariaDescription: "Banzhaf and Shapley–Shubik indices of the forum's members, largest first",
      width: 640,
      marginLeft: 50,
      // Room for the facet labels ("Shapley–Shubik") on the right.
      marginRight: 110,
      height: Math.max(160, rows.length * 14 + 60),
      x: { label: "voting power", grid: true },
      y: { label: null },
      color: { legend: true },
      fy: { label: null },
      marks: [Plot.barX(rows, { x: "value", y: "member", fy: "index", fill: "index", sort: { y: "-x" } })],
    });
    // Plot names its groups ("bar") without a role, and a name on a bare <g> is not allowed.
    for (const g of plot.querySelectorAll("g[aria-label]:not([role])")) g.setAttribute("role", "group");
    chart.current?.replaceChildren(plot);
  }, [power.data]);
  const toggle = (member: string) => {
    const next = CYCLE[(CYCLE.indexOf(assumed.get(member) ?? "") + 1) % CYCLE.length] as string;
    if (next) assumed.set(member, next);
    else assumed.delete(member);
    update({ assume: [...assumed].map(([m, v]) => `${m}=${v}`).join(",") }, true);
  };
  const p = projection.data;
  // Many unknown members: the table lists the known and those that decide it, the rest on request.
  const [showAll, setShowAll] = useState(false);
  const pivotal = new Set(p?.pivotal.map((x) => x.member));
  const folded = (p?.unknown.length ?? 0) > LISTED_UNKNOWN && !showAll;
  const rows = (p?.votes ?? []).filter(
    (v) => !folded || v.vote !== "unknown" || pivotal.has(v.member) || assumed.has(v.member),
  );
  return (
    <section>
      <div class="toolbar">
        <label>
          Forum{" "}
          <select
            value={forum}
            onChange={(e) => update({ forum: (e.target as HTMLSelectElement).value, assume: "" })}
          >
            {(forums.data ?? []).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Date{" "}
          {/* ISO like every other date of the app; a browser's date picker would show its locale's order. */}
          <input
            type="text"
            inputMode="numeric"
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            placeholder="YYYY-MM-DD"
            size={11}
            value={at}
            onChange={(e) => update({ at: (e.target as HTMLInputElement).value.trim() })}
          />
        </label>
        {assume && (
          <button type="button" onClick={() => update({ assume: "" })}>
            clear what-ifs
          </button>
        )}
      </div>
      {projection.error && <p class="error">{projection.error}</p>}
      {p && (
        <>
          <div
            class={`verdict ${p.determined ? (p.adopted ? "adopted" : "rejected") : "open"}`}
            data-testid="verdict"
          >
            {projectionSummary(p).map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          {p.pivotal.length > 0 && (
            <p>
              Pivotal:{" "}
              {p.pivotal
                .map((x) => `${x.name} (${x.vote} would make it ${x.adopted ? "pass" : "fail"})`)
                .join(", ")}
            </p>
          )}
          <table class="votes">
            <thead>
              <tr>
                <th>Member</th>
                <th>Seat</th>
                <th>Vote</th>
                <th>From</th>
                <th>What if</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.member} data-member={v.member} class={`vote-${v.vote}`}>
                  <td>{v.name}</td>
                  <td>{v.seat}</td>
                  <td>{v.vote}</td>
                  <td>{v.source === "position" ? `${v.stance} since ${v.since ?? "?"}` : v.source}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => toggle(v.member)}
                      aria-label={`what if ${v.name} voted otherwise`}
                    >
                      {assumed.get(v.member) ?? "as found"}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length < p.votes.length && (
            <p>
              {p.votes.length - rows.length} other members have no known position.{" "}
              <button type="button" onClick={() => setShowAll(true)}>
                list all {p.votes.length} members
              </button>
            </p>
          )}
          {p.recorded.map((r) => (
            <RecordedVoteView key={r.roll_call} r={r} />
          ))}
        </>
      )}
      <h3>Voting power</h3>
      <div ref={chart} class="chart" />
    </section>
  );
}

/** A recorded vote of the day beside the projection: the outcome on record and who voted otherwise than projected. */
function RecordedVoteView({ r }: { r: Projection["recorded"][number] }) {
  const counts = Object.entries(r.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ");
  return (
    <section class="recorded" data-testid="recorded">
      <h3>
        <span class="kind">record</span> {r.symbol}, {r.date}
      </h3>
      <p>{r.title}</p>
      <p>
        {counts}: {r.outcome}
      </p>
      <p class="muted">
        {r.bears === "own-issue"
          ? `A vote on a question of its own; a yes leans ${r.yes_means}. ${r.note}`
          : `A yes on it ${r.yes_means === "support" ? "supports" : "opposes"} the issue. ${r.note}`}
      </p>
      {r.differences.length > 0 ? (
        <table class="votes">
          <caption>Members who voted otherwise than projected</caption>
          <thead>
            <tr>
              <th>Member</th>
              <th>Projected</th>
              <th>Recorded</th>
              <th>As a vote on the draft</th>
              <th>Comparison</th>
            </tr>
          </thead>
          <tbody>
            {r.differences.map((m) => (
              <tr key={m.member} data-member={m.member}>
                <td>{m.name}</td>
                <td>{m.projected}</td>
                <td>{m.recorded}</td>
                <td>{m.as_endorsement}</td>
                <td>{m.agreement}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Every member with a projected vote voted as projected.</p>
      )}
      <p class="muted">Source: {r.source}</p>
    </section>
  );
}
