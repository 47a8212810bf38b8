import type { Kysely } from "kysely";
import { StandpointError } from "../errors.ts";
import { type Evidence, type Position, positions } from "../resolve/positions.ts";
import { listCodebooks } from "../store/codebooks.ts";
import type { Database } from "../store/schema.ts";
import { stateName } from "../world/states.ts";
import { type ForumDef, forumBearsOn, type Member, membersAt } from "./data.ts";
import { type RecordedVote, recordedVotes } from "./recorded.ts";
import { type Decision, decide, type RuleChoice, VOTES, type Vote } from "./rules.ts";

/** How a position becomes a vote on a draft that endorses the issue. */
const VOTE_OF: Record<string, Vote> = { support: "yes", oppose: "no", neutral: "abstain" };
const ASSUMPTION_WORDS: Record<string, Vote> = {
  yes: "yes",
  for: "yes",
  support: "yes",
  no: "no",
  against: "no",
  oppose: "no",
  veto: "no",
  abstain: "abstain",
  neutral: "abstain",
  absent: "absent",
};

export interface MemberVote {
  member: string;
  name: string;
  seat: Member["seat"];
  vote: Vote | "unknown";
  /** Where the vote comes from: the member's position, an assumption, or nothing known. */
  source: "position" | "assumed" | "unknown";
  stance: string | null;
  since: string | null;
  evidence: Evidence[];
}

export interface Projection {
  forum: string;
  issue: string;
  at: string;
  rule: RuleChoice;
  /** The outcome with members whose position is unknown not voting. */
  adopted: boolean;
  /** Whether the outcome stays the same however the unknown members vote. */
  determined: boolean;
  vetoes: string[];
  votes: MemberVote[];
  unknown: string[];
  decision: Decision;
  /** The outcome if every member whose position is unknown voted the same way. */
  scenarios: Array<{ unknown_vote: Vote; adopted: boolean; reasons: string[] }>;
  /** Members whose vote alone would change the outcome, and the vote that would. */
  pivotal: Array<{ member: string; name: string; vote: Vote; adopted: boolean }>;
  /** How many of the unknown members, voting one way with the rest not voting, would change the outcome. */
  turning: { vote: Vote; members: number } | null;
  /** The forum's recorded votes that day on decisions bearing on the issue, beside the projection. */
  recorded: RecordedVote[];
}

/** `--assume CHN=abstain`, checked: a member of the forum, a vote it can cast, one value each. */
export function parseAssumptions(
  values: string[],
  members: Member[],
  forum: ForumDef,
  at: string,
): Map<string, Vote> {
  const out = new Map<string, Vote>();
  for (const value of values) {
    const m = /^([A-Za-z]{3})\s*=\s*([A-Za-z]+)$/.exec(value.trim());
    if (!m)
      throw new StandpointError(
        "usage",
        `not an assumption: ${value} (write CODE=vote, e.g. CHN=abstain)`,
        "--assume",
      );
    const code = (m[1] as string).toUpperCase();
    const vote = ASSUMPTION_WORDS[(m[2] as string).toLowerCase()];
    if (!vote)
      throw new StandpointError(
        "usage",
        `not a vote: ${m[2]} (${VOTES.join(", ")}, or support, oppose, neutral)`,
        "--assume",
      );
    if (!members.some((x) => x.code === code))
      throw new StandpointError("invalid", `${code} is not a member of ${forum.id} on ${at}`, "--assume");
    const before = out.get(code);
    if (before && before !== vote)
      throw new StandpointError(
        "usage",
        `contradictory assumptions for ${code}: ${before} and ${vote}`,
        "--assume",
      );
    out.set(code, vote);
  }
  return out;
}

const nameOf = (code: string) => stateName(code);

/**
 * Projects a draft endorsing an issue onto a forum at a date: each member's position then (reviewed
 * values first) becomes its vote, assumptions override, unknown members are tried every way.
 */
export async function project(
  db: Kysely<Database>,
  forum: ForumDef,
  options: { issue: string; at: string; rule: RuleChoice; assume: string[] },
): Promise<Projection> {
  const members = membersAt(forum, options.at);
  const book = (await listCodebooks(db)).find((b) => b.id === options.issue);
  if (book && !forumBearsOn(forum, [...book.target, ...book.parent]))
    throw new StandpointError(
      "invalid",
      `${forum.id} does not bear on ${book.label}: ${forum.bears_on?.note ?? "it is a forum of another region"}`,
    );
  const assumed = parseAssumptions(options.assume, members, forum, options.at);
  const list = await positions(db, options.issue, { at: options.at, evidence: 2 });
  const votes = memberVotes(members, list, assumed);
  const unknown = votes.filter((v) => v.vote === "unknown").map((v) => v.member);
  const known = new Map<string, Vote>();
  for (const v of votes) if (v.vote !== "unknown") known.set(v.member, v.vote);
  const run = (fill: Vote) => {
    const all = new Map(known);
    for (const code of unknown) all.set(code, fill);
    return decide(forum, options.at, members, all, options.rule);
  };
  const scenarios = unknown.length
    ? (["yes", "abstain", "no"] as const).map((fill) => {
        const d = run(fill);
        return { unknown_vote: fill, adopted: d.adopted, reasons: d.reasons };
      })
    : [];
  // The rules are monotone (no < abstain < yes), so all-yes and all-no bound every other way.
  const best = run("yes");
  const worst = run("no");
  // The decision shown: unknown members counted as not voting.
  const decision = run("absent");
  const baseline = new Map(known);
  for (const code of unknown) baseline.set(code, "absent");
  const projected = new Map(votes.map((v) => [v.member, v.vote]));
  return {
    forum: forum.id,
    issue: options.issue,
    at: options.at,
    rule: options.rule,
    adopted: decision.adopted,
    determined: best.adopted === worst.adopted && best.adopted === decision.adopted,
    vetoes: [...new Set([...best.vetoes, ...decision.vetoes])],
    votes,
    unknown,
    decision,
    scenarios,
    pivotal: pivotalMembers(forum, options, members, baseline, decision),
    turning: turningPoint(forum, options, members, baseline, unknown, decision),
    recorded: await recordedVotes(db, forum, book, options.at, members, projected),
  };
}

/**
 * The fewest unknown members that, voting the way that would change the outcome while the rest
 * do not vote, change it: permanent members and the heaviest first. Null when none would.
 */
function turningPoint(
  forum: ForumDef,
  options: { at: string; rule: RuleChoice },
  members: Member[],
  baseline: Map<string, Vote>,
  unknown: string[],
  decision: Decision,
): Projection["turning"] {
  const seat = new Map(members.map((m) => [m.code, m]));
  const order = [...unknown].sort(
    (a, b) =>
      Number(seat.get(b)?.seat === "permanent") - Number(seat.get(a)?.seat === "permanent") ||
      (seat.get(b)?.weight ?? seat.get(b)?.population ?? 0) -
        (seat.get(a)?.weight ?? seat.get(a)?.population ?? 0),
  );
  const vote: Vote = decision.adopted ? "no" : "yes";
  const votes = new Map(baseline);
  for (let i = 0; i < order.length; i++) {
    votes.set(order[i] as string, vote);
    if (decide(forum, options.at, members, votes, options.rule).adopted !== decision.adopted)
      return { vote, members: i + 1 };
  }
  return null;
}

/** Each member's vote: as assumed, else from its position (the Soviet Union's is Russia's), else unknown. */
function memberVotes(members: Member[], list: Position[], assumed: Map<string, Vote>): MemberVote[] {
  const byCode = new Map(
    list.filter((p) => p.actor.id.startsWith("state:")).map((p) => [p.actor.id.slice(6), p]),
  );
  return members.map((m) => {
    const position = byCode.get(m.code) ?? (m.code === "SUN" ? byCode.get("RUS") : undefined);
    const fromPosition = position ? VOTE_OF[position.stance] : undefined;
    const vote = assumed.get(m.code) ?? fromPosition ?? "unknown";
    return {
      member: m.code,
      name: nameOf(m.code),
      seat: m.seat,
      vote,
      source: assumed.has(m.code) ? "assumed" : fromPosition ? "position" : "unknown",
      stance: position?.stance ?? null,
      since: position?.since ?? null,
      evidence: position?.evidence ?? [],
    };
  });
}

/** Members whose vote alone, the first other way tried (yes, abstain, no), would change the decision. */
function pivotalMembers(
  forum: ForumDef,
  options: { at: string; rule: RuleChoice },
  members: Member[],
  baseline: Map<string, Vote>,
  decision: Decision,
): Projection["pivotal"] {
  const pivotal: Projection["pivotal"] = [];
  for (const m of members) {
    for (const alternative of ["yes", "abstain", "no"] as const) {
      if (baseline.get(m.code) === alternative) continue;
      const changed = new Map(baseline).set(m.code, alternative);
      const outcome = decide(forum, options.at, members, changed, options.rule);
      if (outcome.adopted !== decision.adopted) {
        pivotal.push({ member: m.code, name: nameOf(m.code), vote: alternative, adopted: outcome.adopted });
        break;
      }
    }
  }
  return pivotal;
}
