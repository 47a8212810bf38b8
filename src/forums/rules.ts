import { StandpointError } from "../errors.ts";
import type { ForumDef, Member, QmvEraDef } from "./data.ts";

export type Vote = "yes" | "no" | "abstain" | "absent";
export const VOTES: readonly Vote[] = ["yes", "no", "abstain", "absent"];

/** Which of a forum's rules decides: the Council's substantive or procedural vote, the Assembly's simple or two-thirds majority, the EU Council's unanimity or qualified majority. */
/** The rules a forum may decide by: the CLI's --rule and the API's `rule` take these. */
export const RULE_CHOICES = [
  "substantive",
  "procedural",
  "simple",
  "important",
  "unanimity",
  "qmv",
  "consensus",
] as const;
export type RuleChoice = (typeof RULE_CHOICES)[number];

export interface Decision {
  adopted: boolean;
  /** Permanent members voting no on a substantive Council decision. */
  vetoes: string[];
  counts: Record<Vote, number>;
  /** What the rule asks of the votes in favour, in words: "9 of 15", "2/3 of those voting". */
  needed: string;
  /** Votes in favour beyond what was needed (negative: short by that many). */
  margin: number;
  reasons: string[];
}

export function defaultRule(forum: ForumDef): RuleChoice {
  const kind = forum.rule.kind;
  return kind === "veto-quota"
    ? "substantive"
    : kind === "majority-of-voting"
      ? "simple"
      : kind === "eu"
        ? "unanimity"
        : "consensus";
}

export function checkRule(forum: ForumDef, rule: RuleChoice): void {
  const allowed: Record<string, RuleChoice[]> = {
    "veto-quota": ["substantive", "procedural"],
    "majority-of-voting": ["simple", "important"],
    consensus: ["consensus"],
    eu: ["unanimity", "qmv"],
  };
  const ok = allowed[forum.rule.kind] ?? [];
  if (!ok.includes(rule))
    throw new StandpointError("usage", `${forum.id} decides by ${ok.join(" or ")}, not ${rule}`, "--rule");
}

/** The Security Council's seats and votes needed on a date. */
export function councilEra(forum: ForumDef, date: string): { seats: number; quota: number } {
  if (forum.rule.kind !== "veto-quota") throw new Error(`${forum.id} has no eras`);
  const era = [...forum.rule.eras].reverse().find((e) => e.from <= date) ?? forum.rule.eras[0];
  if (!era) throw new Error(`${forum.id} has no eras`);
  return era;
}

export function qmvEra(forum: ForumDef, date: string): QmvEraDef {
  if (forum.rule.kind !== "eu") throw new Error(`${forum.id} has no qualified majority`);
  const era = [...forum.rule.qmv].reverse().find((e) => e.from <= date);
  if (!era) throw new StandpointError("invalid", `no qualified majority rule on record for ${date}`, "--at");
  return era;
}

/** The Nice threshold of weighted votes for the Council's size: 232 of 321, 255 of 345, 260 of 352. */
export function niceThreshold(total: number): number {
  const thresholds: Record<number, number> = { 321: 232, 345: 255, 352: 260 };
  const t = thresholds[total];
  if (t === undefined)
    throw new StandpointError("invalid", `no Nice threshold on record for ${total} weighted votes`);
  return t;
}

/** What every rule reads: the members, how each votes (absent when not given), and the count. */
interface Ballot {
  members: Member[];
  voteOf: (m: Member) => Vote;
  counts: Record<Vote, number>;
}

/** The outcome of votes under a forum's rule on a date. */
export function decide(
  forum: ForumDef,
  date: string,
  members: Member[],
  votes: Map<string, Vote>,
  rule: RuleChoice,
): Decision {
  const counts: Record<Vote, number> = { yes: 0, no: 0, abstain: 0, absent: 0 };
  for (const m of members) counts[votes.get(m.code) ?? "absent"]++;
  const ballot: Ballot = { members, voteOf: (m) => votes.get(m.code) ?? "absent", counts };
  if (forum.rule.kind === "veto-quota") return councilDecision(ballot, councilEra(forum, date), rule);
  if (forum.rule.kind === "majority-of-voting") return assemblyDecision(ballot, rule);
  if (forum.rule.kind === "consensus") return consensusDecision(ballot);
  if (rule === "unanimity") return unanimityDecision(ballot);
  const era = qmvEra(forum, date);
  return era.kind === "nice" ? niceDecision(ballot) : doubleMajorityDecision(ballot, era);
}

/** The Security Council: the quota of votes in favour, and on substantive matters no permanent member against. */
function councilDecision(
  { members, voteOf, counts }: Ballot,
  { seats, quota }: { seats: number; quota: number },
  rule: RuleChoice,
): Decision {
  const vetoes =
    rule === "substantive"
      ? members.filter((m) => m.seat === "permanent" && voteOf(m) === "no").map((m) => m.code)
      : [];
  const reasons = [
    `${counts.yes} in favour of the ${quota} of ${seats} needed`,
    ...(vetoes.length ? [`vetoed by ${vetoes.join(", ")}`] : []),
  ];
  return {
    adopted: counts.yes >= quota && vetoes.length === 0,
    vetoes,
    counts,
    needed: `${quota} of ${seats}${rule === "substantive" ? ", no permanent member against" : ""}`,
    margin: counts.yes - quota,
    reasons,
  };
}

/** The General Assembly: a majority, or two thirds, of the members present and voting. */
function assemblyDecision({ counts }: Ballot, rule: RuleChoice): Decision {
  const voting = counts.yes + counts.no;
  // Simple: more in favour than against. Important: at least two thirds of those voting.
  const need = rule === "important" ? Math.ceil((2 * voting) / 3) : Math.floor(voting / 2) + 1;
  return {
    adopted: voting > 0 && counts.yes >= need,
    vetoes: [],
    counts,
    needed: `${rule === "important" ? "two thirds" : "a majority"} of those voting (${need} of ${voting})`,
    margin: counts.yes - need,
    reasons: [`${counts.yes} in favour, ${counts.no} against, ${counts.abstain} abstaining; ${need} needed`],
  };
}

function consensusDecision({ members, voteOf, counts }: Ballot): Decision {
  const against = members.filter((m) => voteOf(m) === "no").map((m) => m.code);
  return {
    adopted: against.length === 0 && counts.yes > 0,
    vetoes: against,
    counts,
    needed: "consensus: no member against",
    margin: -against.length,
    reasons: against.length ? [`objected to by ${against.join(", ")}`] : ["no member objects"],
  };
}

/** The EU Council's unanimity, with constructive abstention. */
function unanimityDecision({ members, voteOf, counts }: Ballot): Decision {
  const against = members.filter((m) => voteOf(m) === "no").map((m) => m.code);
  const abstaining = members.filter((m) => voteOf(m) === "abstain" || voteOf(m) === "absent");
  const population = members.reduce((s, m) => s + (m.population ?? 0), 0);
  const abstainPop = abstaining.reduce((s, m) => s + (m.population ?? 0), 0);
  // Art. 31(1) TEU: abstainers of a third of the members and of the population stop the decision.
  const tooMany = abstaining.length * 3 >= members.length && population > 0 && abstainPop * 3 >= population;
  return {
    adopted: against.length === 0 && !tooMany && counts.yes > 0,
    vetoes: against,
    counts,
    needed: "unanimity; abstention does not block unless a third of members and population abstain",
    margin: -against.length,
    reasons: [
      ...(against.length ? [`blocked by ${against.join(", ")}`] : []),
      ...(tooMany ? ["abstentions of a third of the members and population"] : []),
      ...(!against.length && !tooMany ? ["no member against"] : []),
    ],
  };
}

/** The EU Council's qualified majority under the Treaty of Nice: weighted votes and a majority of members. */
function niceDecision({ members, voteOf, counts }: Ballot): Decision {
  const n = members.length;
  const yes = members.filter((m) => voteOf(m) === "yes");
  const total = members.reduce((s, m) => s + (m.weight ?? 0), 0);
  const threshold = niceThreshold(total);
  const weight = yes.reduce((s, m) => s + (m.weight ?? 0), 0);
  const majority = Math.floor(n / 2) + 1;
  return {
    adopted: weight >= threshold && yes.length >= majority,
    vetoes: [],
    counts,
    needed: `${threshold} of ${total} weighted votes and ${majority} of ${n} members`,
    margin: weight - threshold,
    reasons: [`${weight} weighted votes of ${threshold} needed from ${yes.length} members`],
  };
}

/** The EU Council's double majority: members and population, unless too few block it. */
function doubleMajorityDecision({ members, voteOf, counts }: Ballot, era: QmvEraDef): Decision {
  const n = members.length;
  const yes = members.filter((m) => voteOf(m) === "yes");
  const membersNeeded = Math.max(Math.ceil((era.members_share ?? 0.55) * n), era.members_min ?? 15);
  const population = members.reduce((s, m) => s + (m.population ?? 0), 0);
  const yesPop = yes.reduce((s, m) => s + (m.population ?? 0), 0);
  const popShare = population ? yesPop / population : 0;
  const blockers = n - yes.length;
  const adopted =
    yes.length >= membersNeeded &&
    (popShare >= (era.population_share ?? 0.65) || blockers < (era.blocking_min ?? 4));
  return {
    adopted,
    vetoes: [],
    counts,
    needed: `${membersNeeded} of ${n} members and ${Math.round((era.population_share ?? 0.65) * 100)}% of the population, or a blocking minority under ${era.blocking_min ?? 4}`,
    margin: yes.length - membersNeeded,
    reasons: [`${yes.length} members with ${(popShare * 100).toFixed(1)}% of the population in favour`],
  };
}
