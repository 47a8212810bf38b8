import type { Kysely } from "kysely";
import type { Codebook } from "../codebooks/codebook.ts";
import { disputeKindOf } from "../codebooks/kinds.ts";
import type { Database } from "../store/schema.ts";
import {
  type Act,
  actKind,
  actStance,
  nameKey,
  normalSymbol,
  type ResolutionBearing,
  resolutionBearings,
} from "../world/records.ts";
import type { StanceValue } from "./reviewed-stances.ts";

/** How a recorded decision bears on an issue, and who says so. */
export interface Bearing extends Omit<ResolutionBearing, "targets" | "kinds"> {
  /** `reference`: standpoint's data/records/resolutions.json; `codebook`: the issue's own codebook. */
  from: "reference" | "codebook";
}

/** A recorded act read for an issue: a stance when it bears as one, else a lean for the check. */
export interface RecordStance {
  id: string;
  actor: string;
  date: string;
  act: Act;
  object: string;
  forum: string | null;
  title: string | null;
  roll_call_id: string | null;
  source: string;
  origin: string;
  /** The stance the act shows, or for a vote on a question of its own the way it leans. */
  stance: StanceValue | null;
  bears: "stance" | "own-issue";
  bearing: Bearing | null;
}

/**
 * The decisions that bear on an issue: the reference list's for its target and kind of dispute,
 * then its codebook's own. A codebook whose id does not say its kind gets its own only.
 */
export function bearingsFor(book: Codebook | undefined): Bearing[] {
  if (!book) return [];
  const targets = new Set(book.target.map(nameKey));
  const kind = disputeKindOf(book);
  const out = new Map<string, Bearing>();
  for (const b of resolutionBearings())
    if (kind && b.kinds.includes(kind) && b.targets.some((t) => targets.has(nameKey(t)))) {
      const { targets: _t, kinds: _k, ...rest } = b;
      out.set(normalSymbol(b.symbol), { ...rest, symbol: normalSymbol(b.symbol), from: "reference" });
    }
  for (const v of book.records?.votes ?? [])
    out.set(normalSymbol(v.symbol), { ...v, symbol: normalSymbol(v.symbol), from: "codebook" });
  return [...out.values()];
}

/** A vote's stance on a draft whose yes shows `yes`: no (and a veto) the other way, abstention neutral. */
export function voteStance(act: Act, yes: "support" | "oppose"): StanceValue | null {
  const other = yes === "support" ? "oppose" : "support";
  if (act === "yes") return yes;
  if (act === "no" || act === "veto") return other;
  if (act === "abstain") return "neutral";
  return null;
}

/**
 * The recorded acts that bear on an issue: recognitions of its target and their withdrawals,
 * where the issue is its independence (or the record names the issue), and votes on the decisions
 * that bear on it. Absences are left out: a member that did not vote took no position.
 */
export async function recordStances(
  db: Kysely<Database>,
  issue: string,
  book: Codebook | undefined,
): Promise<RecordStance[]> {
  const bearings = new Map(bearingsFor(book).map((b) => [b.symbol, b]));
  // A recognition naming the target and no issue bears on its independence, not on its membership of a body.
  const targets = book && disputeKindOf(book) === "independence" ? book.target.map(nameKey) : [];
  const rows = await db
    .selectFrom("records")
    .leftJoin("roll_calls", "roll_calls.id", "records.roll_call_id")
    .selectAll("records")
    .select(["roll_calls.forum", "roll_calls.title"])
    .where((eb) =>
      eb.or([
        eb("records.issue", "=", issue),
        ...(bearings.size ? [eb("records.object", "in", [...bearings.keys()])] : []),
        ...(targets.length
          ? [eb("records.issue", "is", null).and("records.act", "in", ["recognised", "withdrew-recognition"])]
          : []),
      ]),
    )
    .where("records.act", "!=", "absent")
    // A vote on an amendment or a procedural motion carries the draft's symbol but is not a vote on it.
    .where((eb) => eb.or([eb("records.roll_call_id", "is", null), eb("roll_calls.part", "=", "whole")]))
    .orderBy("records.date")
    .orderBy("records.actor_id")
    .execute();
  const out: RecordStance[] = [];
  for (const r of rows) {
    const act = r.act as Act;
    const base = {
      id: r.id,
      actor: r.actor_id,
      date: r.date,
      act,
      object: r.object,
      forum: r.forum,
      title: r.title,
      roll_call_id: r.roll_call_id,
      source: r.source,
      origin: r.origin,
    };
    if (actKind(act) === "recognition") {
      if (r.issue !== issue && (r.issue !== null || !targets.includes(nameKey(r.object)))) continue;
      out.push({ ...base, stance: actStance(act) ?? null, bears: "stance", bearing: null });
      continue;
    }
    const bearing = bearings.get(r.object);
    if (!bearing) continue;
    out.push({ ...base, stance: voteStance(act, bearing.yes), bears: bearing.bears, bearing });
  }
  return out;
}

const ACT_WORDS: Record<Act, string> = {
  recognised: "recognised",
  "withdrew-recognition": "withdrew its recognition of",
  yes: "voted yes on",
  no: "voted no on",
  abstain: "abstained on",
  absent: "was absent for",
  veto: "vetoed",
};

/** What a record says, in a line: "voted yes on A/RES/68/262 (Territorial integrity of Ukraine)". */
export function recordText(r: Pick<RecordStance, "act" | "object" | "title">): string {
  const title = r.title ? ` (${r.title.length > 120 ? `${r.title.slice(0, 119)}…` : r.title})` : "";
  return `${ACT_WORDS[r.act]} ${r.object}${title}`;
}
