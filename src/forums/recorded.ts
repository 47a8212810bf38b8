import type { Kysely } from "kysely";
import type { Codebook } from "../codebooks/codebook.ts";
import { type Agreement, agreementOf, asEndorsement } from "../resolve/agreement.ts";
import { type Bearing, bearingsFor } from "../resolve/record-stances.ts";
import type { Database, RollCallTable } from "../store/schema.ts";
import { stateName } from "../world/states.ts";
import type { ForumDef, Member } from "./data.ts";
import { decide, defaultRule, type Vote } from "./rules.ts";

export type { Agreement };

/** A member's vote as recorded, and what it comes to on a draft endorsing the issue. */
export interface RecordedMember {
  member: string;
  name: string;
  /** As recorded: yes, no, abstain, absent, veto; `unrecorded` where the record names only some (vetoes). */
  recorded: string;
  /** The recorded vote as a vote on a draft endorsing the issue (a yes on a text against it is a no). */
  as_endorsement: Vote | "unrecorded";
  /** The projection's vote for this member (from its position or an assumption), or unknown. */
  projected: Vote | "unknown";
  /**
   * How the two compare: the same vote, opposite votes (yes against no), otherwise different (an
   * abstention or absence against a yes or no), or nothing to compare.
   */
  agreement: Agreement;
}

/** A recorded vote of the forum on the projection's date on a decision that bears on the issue. */
export interface RecordedVote {
  roll_call: string;
  symbol: string;
  title: string;
  date: string;
  bears: Bearing["bears"];
  /** The stance on the issue a yes showed. */
  yes_means: Bearing["yes"];
  note: string;
  source: string;
  counts: RecordCounts;
  /** Adopted or not, as the forum's rule decides from the recorded votes, or as the record says (a veto). */
  adopted: boolean | null;
  outcome: string;
  members: RecordedMember[];
  /** Members whose recorded vote is not the vote projected from their known position: contradictions, then other differences. */
  differences: RecordedMember[];
}

const ACT_ORDER = ["yes", "no", "abstain", "absent", "veto", "unrecorded"] as const;

/** How many members did each act on a roll call; `unrecorded` where the record names only some. */
export type RecordCounts = Record<(typeof ACT_ORDER)[number], number>;

/**
 * What a roll call came to on record: the counts of each act, and the outcome as the forum's rule
 * decides it from the recorded votes (members with no record absent), or as the record says where
 * it names only some members (a veto).
 */
export function outcomeOnRecord(
  forum: ForumDef,
  call: Pick<RollCallTable, "date" | "important" | "outcome">,
  members: Member[],
  acts: Map<string, string>,
): { counts: RecordCounts; adopted: boolean | null; outcome: string } {
  const tally: Record<string, number> = {};
  for (const m of members) {
    const act = acts.get(m.code) ?? "unrecorded";
    tally[act] = (tally[act] ?? 0) + 1;
  }
  // Every act, in the order a reader expects them, whatever order the members came in.
  const counts = Object.fromEntries(ACT_ORDER.map((a) => [a, tally[a] ?? 0])) as RecordCounts;
  if (call.outcome === "vetoed") {
    const vetoes = members.filter((m) => acts.get(m.code) === "veto").map((m) => stateName(m.code));
    return { counts, adopted: false, outcome: `vetoed by ${vetoes.join(", ")}` };
  }
  if (counts.unrecorded && counts.unrecorded === members.length)
    return { counts, adopted: null, outcome: call.outcome };
  const votes = new Map(members.map((m) => [m.code, (acts.get(m.code) ?? "absent") as Vote]));
  const rule =
    forum.rule.kind === "majority-of-voting" ? (call.important ? "important" : "simple") : defaultRule(forum);
  const d = decide(forum, call.date, members, votes, rule);
  return {
    counts,
    adopted: d.adopted,
    outcome: `${d.adopted ? "adopted" : "not adopted"}: ${d.reasons.join("; ")}`,
  };
}

/** Each member's act on a stored roll call, by member code. */
export async function actsOnRecord(db: Kysely<Database>, rollCall: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("records")
    .select(["actor_id", "act"])
    .where("roll_call_id", "=", rollCall)
    .execute();
  return new Map(rows.map((r) => [r.actor_id.replace(/^state:/, ""), r.act]));
}

/**
 * The forum's recorded votes on the day, on decisions bearing on the issue, each beside the
 * projection member by member. `projected` gives each member's projected vote.
 */
export async function recordedVotes(
  db: Kysely<Database>,
  forum: ForumDef,
  book: Codebook | undefined,
  at: string,
  members: Member[],
  projected: Map<string, Vote | "unknown">,
): Promise<RecordedVote[]> {
  const bearings = new Map(bearingsFor(book).map((b) => [b.symbol, b]));
  if (!bearings.size || at.length !== 10) return [];
  const calls = await db
    .selectFrom("roll_calls")
    .selectAll()
    .where("forum", "=", forum.id)
    .where("date", "=", at)
    .where("symbol", "in", [...bearings.keys()])
    .where("part", "=", "whole")
    .orderBy("id")
    .execute();
  const out: RecordedVote[] = [];
  for (const call of calls) {
    const bearing = bearings.get(call.symbol) as Bearing;
    const acts = await actsOnRecord(db, call.id);
    const list = members.map((m): RecordedMember => {
      const recorded = acts.get(m.code) ?? "unrecorded";
      const endorsement = asEndorsement(recorded, bearing.yes);
      const mine = projected.get(m.code) ?? "unknown";
      return {
        member: m.code,
        name: stateName(m.code),
        recorded,
        as_endorsement: endorsement,
        projected: mine,
        agreement: agreementOf(mine, endorsement),
      };
    });
    const { counts, adopted, outcome } = outcomeOnRecord(forum, call, members, acts);
    out.push({
      roll_call: call.id,
      symbol: call.symbol,
      title: call.title,
      date: call.date,
      bears: bearing.bears,
      yes_means: bearing.yes,
      note: bearing.note,
      source: call.source,
      counts,
      adopted,
      outcome,
      members: list,
      differences: list
        .filter((r) => r.agreement === "contradicts" || r.agreement === "differs")
        .sort((a, b) => Number(b.agreement === "contradicts") - Number(a.agreement === "contradicts")),
    });
  }
  return out;
}
