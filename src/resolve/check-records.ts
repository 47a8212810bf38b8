import type { Kysely } from "kysely";
import type { Codebook } from "../codebooks/codebook.ts";
import type { Vote } from "../forums/rules.ts";
import type { Database } from "../store/schema.ts";
import { stateName } from "../world/states.ts";
import { agreementOf, asEndorsement } from "./agreement.ts";
import { type Evidence, type Position, positions } from "./positions.ts";
import { type Bearing, bearingsFor, type RecordStance, recordStances, recordText } from "./record-stances.ts";

/** A member whose news position and recorded act disagree, with the evidence for each. */
export interface Contradiction {
  member: string;
  name: string;
  position: string;
  since: string | null;
  /** What the position predicts on a draft endorsing the issue, the act on record, and what it comes to. */
  expected: string;
  act: string;
  recorded: string;
  news: Evidence[];
  record: { id: string; text: string; source: string };
}

/** One recorded decision set against the positions the news gave at its date. */
export interface RecordCheck {
  kind: "vote" | "recognition";
  id: string;
  date: string;
  what: string;
  bears: Bearing["bears"];
  source: string;
  /** States on record (voting, not absent; or recognising). */
  on_record: number;
  /** Of those, states with a position read from news at that date. */
  with_news: number;
  agrees: number;
  contradicts: number;
  /** An abstention against a yes or no, a neutral position against a yes or no. */
  differs: number;
  /** Members whose news position the record bears out. */
  agreeing: string[];
  /** Members whose record neither bears out nor contradicts their news position. */
  differing: Array<{ member: string; position: string; act: string; recorded: string }>;
  contradictions: Contradiction[];
}

export interface RecordsReport {
  issue: { id: string; label: string };
  checks: RecordCheck[];
  totals: { on_record: number; with_news: number; agrees: number; contradicts: number; differs: number };
}

const VOTE_OF: Record<Position["stance"], Vote | "unknown"> = {
  support: "yes",
  oppose: "no",
  neutral: "abstain",
  mixed: "unknown",
};

/**
 * How far the news can be trusted on an issue: at each recorded vote bearing on it, and at each
 * recognition or withdrawal on record, the positions read from reports alone (records left out)
 * against what the states did. Coverage is the share of states on record with a news position
 * dated on or before the act; a position from undated articles alone is not counted.
 */
export async function checkAgainstRecords(db: Kysely<Database>, book: Codebook): Promise<RecordsReport> {
  const bearings = new Map(bearingsFor(book).map((b) => [b.symbol, b]));
  const checks: RecordCheck[] = [];
  const calls = bearings.size
    ? await db
        .selectFrom("roll_calls")
        .selectAll()
        .where("symbol", "in", [...bearings.keys()])
        .where("part", "=", "whole")
        .orderBy("date")
        .execute()
    : [];
  for (const call of calls) {
    const bearing = bearings.get(call.symbol) as Bearing;
    const acts = await db
      .selectFrom("records")
      .select(["id", "actor_id", "act", "source"])
      .where("roll_call_id", "=", call.id)
      .where("act", "!=", "absent")
      .execute();
    const news = newsByMember(await positions(db, book.id, { at: call.date, records: false, evidence: 2 }));
    const check = emptyCheck(
      "vote",
      call.id,
      call.date,
      `${call.symbol}: ${call.title}`,
      bearing.bears,
      call.source,
    );
    for (const a of acts) {
      const recorded = asEndorsement(a.act, bearing.yes);
      const text = recordText({ act: a.act as RecordStance["act"], object: call.symbol, title: null });
      tally(check, a.actor_id, news, { act: a.act, recorded }, { id: a.id, text, source: a.source });
    }
    checks.push(check);
  }
  checks.push(...(await recognitionCheck(db, book)));
  return { issue: { id: book.id, label: book.label }, checks, totals: totals(checks) };
}

/** Recognitions and withdrawals on record, one check, each act against the news position at its date. */
async function recognitionCheck(db: Kysely<Database>, book: Codebook): Promise<RecordCheck[]> {
  const acts = (await recordStances(db, book.id, book)).filter((r) => r.bearing === null);
  if (!acts.length) return [];
  const first = acts[0] as RecordStance;
  const last = acts[acts.length - 1] as RecordStance;
  const sources = [...new Set(acts.map((a) => a.source))];
  const check = emptyCheck(
    "recognition",
    "recognitions",
    first.date,
    `${acts.length} recognitions and withdrawals of ${book.target[0]} on record, ${first.date} to ${last.date}`,
    "stance",
    sources.length === 1 ? (sources[0] as string) : `${sources.length} sources`,
  );
  for (const date of [...new Set(acts.map((a) => a.date))]) {
    const news = newsByMember(await positions(db, book.id, { at: date, records: false, evidence: 2 }));
    for (const a of acts.filter((x) => x.date === date))
      tally(
        check,
        a.actor,
        news,
        { act: a.act, recorded: a.stance === "support" ? "yes" : "no" },
        {
          id: a.id,
          text: `${a.date}: ${recordText(a)}`,
          source: a.source,
        },
      );
  }
  return [check];
}

function newsByMember(list: Position[]): Map<string, Position> {
  return new Map(list.filter((p) => p.actor.id.startsWith("state:")).map((p) => [p.actor.id, p]));
}

function emptyCheck(
  kind: RecordCheck["kind"],
  id: string,
  date: string,
  what: string,
  bears: RecordCheck["bears"],
  source: string,
): RecordCheck {
  return {
    kind,
    id,
    date,
    what,
    bears,
    source,
    on_record: 0,
    with_news: 0,
    agrees: 0,
    contradicts: 0,
    differs: 0,
    agreeing: [],
    differing: [],
    contradictions: [],
  };
}

function tally(
  check: RecordCheck,
  actor: string,
  news: Map<string, Position>,
  { act, recorded }: { act: string; recorded: Vote | "unrecorded" },
  record: Contradiction["record"],
): void {
  check.on_record++;
  const p = news.get(actor);
  // Undated news cannot be placed before the act: it is no position at the act's date.
  if (!p?.since) return;
  const expected = VOTE_OF[p.stance];
  const agreement = agreementOf(expected, recorded);
  if (agreement === "no-position" || agreement === "unrecorded") return;
  check.with_news++;
  const member = actor.replace(/^state:/, "");
  if (agreement === "agrees") {
    check.agrees++;
    check.agreeing.push(member);
  } else if (agreement === "differs") {
    check.differs++;
    check.differing.push({ member, position: p.stance, act, recorded });
  } else {
    check.contradicts++;
    check.contradictions.push({
      member: actor.replace(/^state:/, ""),
      name: stateName(actor.replace(/^state:/, "")),
      position: p.stance,
      since: p.since,
      expected,
      act,
      recorded,
      news: p.evidence,
      record,
    });
  }
}

function totals(checks: RecordCheck[]): RecordsReport["totals"] {
  const t = { on_record: 0, with_news: 0, agrees: 0, contradicts: 0, differs: 0 };
  for (const c of checks) {
    t.on_record += c.on_record;
    t.with_news += c.with_news;
    t.agrees += c.agrees;
    t.contradicts += c.contradicts;
    t.differs += c.differs;
  }
  return t;
}
