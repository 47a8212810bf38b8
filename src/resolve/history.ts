import type { Kysely } from "kysely";
import { cached } from "../store/cache.ts";
import { listCodebooks } from "../store/codebooks.ts";
import type { Database } from "../store/schema.ts";
import { addedStances } from "./added-stances.ts";
import { type Owners, ownersOf } from "./owners.ts";
import { type RecordStance, recordStances } from "./record-stances.ts";
import {
  type ReviewedRow,
  reviewed,
  reviewedStances,
  STANCE_VALUES,
  type StanceValue,
  stanceReviews,
} from "./reviewed-stances.ts";
import type { ReviewState } from "./reviews.ts";

/** An owner's evidence on one day: date, then machine counts and reviewed counts for support, oppose, neutral. */
type DayRow = [string, number, number, number, number, number, number];

/** Every owner's evidence by day on an issue, reviews and owners applied: what positions at any date are read from. */
export interface History {
  /** Per owner, its days in order and, six numbers a day, the counts of those days (columns, not rows: read fast). */
  days: Record<string, { dates: string[]; counts: number[] }>;
  /** For each owner, the stored actor ids whose stances count for it. */
  ids: Record<string, string[]>;
  names: Record<string, { name: string; kind: string }>;
  /** Keys of the stances a reviewer decided on. */
  reviewed: string[];
  /** For each stored actor seen, whose stance its stance is, and the person it is when that differs. */
  owner: Record<string, string>;
  speaker: Record<string, string>;
  /** Recorded acts that are positions on the issue (recognitions, votes that bear as stances). */
  records: RecordStance[];
}

/** Bumped when History changes shape: a history cached in another shape is not read. */
const HISTORY_FORMAT = 5;

const INDEX: Record<StanceValue, number> = { support: 1, oppose: 2, neutral: 3 };

/** Reads stance_days once per store generation (cached): a position at any date is then a slice of it. */
export async function history(
  db: Kysely<Database>,
  issue: string,
  options: { records?: boolean } = {},
): Promise<History> {
  const withRecords = options.records ?? true;
  return cached(db, `history|${HISTORY_FORMAT}|${issue}|${withRecords ? "records" : "reports"}`, async () => {
    const days = await db
      .selectFrom("stance_days")
      .select(["actor_id", "date", "stance", "n"])
      .where("issue", "=", issue)
      .execute();
    const states = await stanceReviews(db, issue);
    const reviewedRows = await reviewedStances(db, states);
    const book = (await listCodebooks(db)).find((b) => b.id === issue);
    const records = withRecords
      ? (await recordStances(db, issue, book)).filter((r) => r.bears === "stance" && r.stance)
      : [];
    const added = await addedStances(db, issue);
    const seen = [
      ...new Set([
        ...days.map((d) => d.actor_id),
        ...records.map((r) => r.actor),
        ...added.map((r) => r.actor_id),
        ...reviewedRows.flatMap((r) => [r.actor_id, reviewed(r, states.get(r.key)).actor_id]),
      ]),
    ];
    const owners = await ownersOf(db, seen);
    // Acts on record and stances reviewers added count as reviewed evidence, with nothing of the machine's to replace.
    const authoritative = [
      ...records.map((r) => ({ actor: r.actor, date: r.date, stance: r.stance as string })),
      ...added.map((r) => ({ actor: r.actor_id, date: r.date ?? "", stance: r.stance })),
    ];
    const byOwner = countsByOwner(days, reviewedRows, states, owners, authoritative);
    const names = await actorNames(db, [...byOwner.keys()]);
    return {
      days: Object.fromEntries(
        [...byOwner].map(([owner, byDay]) => {
          const rows = [...byDay.values()].sort((x, y) => x[0].localeCompare(y[0]));
          return [
            owner,
            { dates: rows.map((r) => r[0]), counts: rows.flatMap((r) => r.slice(1) as number[]) },
          ];
        }),
      ),
      ids: Object.fromEntries([...byOwner.keys()].map((owner) => [owner, owners.idsFor(owner)])),
      owner: Object.fromEntries(seen.map((id) => [id, owners.owner(id)])),
      speaker: Object.fromEntries(
        seen.flatMap((id) => (owners.speaker(id) ? [[id, owners.speaker(id) as string]] : [])),
      ),
      names: Object.fromEntries(names),
      reviewed: [...states.keys()],
      records,
    };
  });
}

/**
 * Each owner's counts by day: the stored counts, less the machine's values of reviewed stances,
 * plus their values as reviewed (counted again as reviewed), rejected ones left out. A recorded
 * act counts as reviewed (it is what the state did, not what a text says it said), and so does a
 * stance a reviewer added.
 */
function countsByOwner(
  days: Array<{ actor_id: string; date: string; stance: string; n: number }>,
  reviewedRows: ReviewedRow[],
  states: Map<string, ReviewState>,
  owners: Owners,
  authoritative: Array<{ actor: string; date: string; stance: string }>,
): Map<string, Map<string, DayRow>> {
  const byOwner = new Map<string, Map<string, DayRow>>();
  const add = (actor: string, date: string, stance: string, n: number, isReviewed: boolean) => {
    if (!STANCE_VALUES.includes(stance as StanceValue)) return;
    const owner = owners.owner(actor);
    const byDay = byOwner.get(owner) ?? new Map<string, DayRow>();
    const row = byDay.get(date) ?? [date, 0, 0, 0, 0, 0, 0];
    const i = INDEX[stance as StanceValue];
    row[i] = (row[i] as number) + n;
    if (isReviewed) row[i + 3] = (row[i + 3] as number) + n;
    byDay.set(date, row);
    byOwner.set(owner, byDay);
  };
  for (const d of days) add(d.actor_id, d.date, d.stance, d.n, false);
  for (const r of authoritative) add(r.actor, r.date, r.stance, 1, true);
  for (const row of reviewedRows) {
    const state = states.get(row.key);
    if (!state) continue;
    add(row.actor_id, row.date ?? "", row.stance, -1, false);
    if (state.status === "rejected") continue;
    const now = reviewed(row, state);
    add(now.actor_id, now.date ?? "", now.stance, 1, true);
  }
  return byOwner;
}

/** Names and kinds of actors by id. */
export async function actorNames(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, { name: string; kind: string }>> {
  const out = new Map<string, { name: string; kind: string }>();
  for (let i = 0; i < ids.length; i += 400) {
    const rows = await db
      .selectFrom("actors")
      .select(["id", "name", "kind"])
      .where("id", "in", ids.slice(i, i + 400))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}
