import type { Kysely } from "kysely";
import { saveKnownActors } from "./actors.ts";
import { bumpGeneration } from "./cache.ts";
import { inChunks } from "./chunks.ts";
import type { Database, RecordTable, RollCallTable } from "./schema.ts";

type RollCallIn = Omit<RollCallTable, "imported_at">;
type RecordIn = Omit<RecordTable, "imported_at">;

/**
 * Stores roll calls and acts in one transaction: all of a file or none, and a file imported again
 * replaces its rows (ids are the record's own: roll call and member, or the act's content).
 */
export async function saveRecords(
  db: Kysely<Database>,
  rollCalls: RollCallIn[],
  records: RecordIn[],
): Promise<void> {
  const at = new Date().toISOString();
  // A row given twice (a file listing the same act twice) is stored once, as last given.
  rollCalls = [...new Map(rollCalls.map((r) => [r.id, r])).values()];
  records = [...new Map(records.map((r) => [r.id, r])).values()];
  await db.transaction().execute(async (trx) => {
    await bumpGeneration(trx);
    await saveKnownActors(
      trx,
      records.map((r) => r.actor_id),
    );
    await inChunks(
      rollCalls.map((r) => ({ ...r, imported_at: at })),
      (chunk) =>
        trx
          .insertInto("roll_calls")
          .values(chunk)
          .onConflict((oc) =>
            oc.column("id").doUpdateSet((eb) => ({
              forum: eb.ref("excluded.forum"),
              date: eb.ref("excluded.date"),
              symbol: eb.ref("excluded.symbol"),
              title: eb.ref("excluded.title"),
              part: eb.ref("excluded.part"),
              important: eb.ref("excluded.important"),
              outcome: eb.ref("excluded.outcome"),
              source: eb.ref("excluded.source"),
              origin: eb.ref("excluded.origin"),
              imported_at: eb.ref("excluded.imported_at"),
            })),
          )
          .execute(),
    );
    await inChunks(
      records.map((r) => ({ ...r, imported_at: at })),
      (chunk) =>
        trx
          .insertInto("records")
          .values(chunk)
          .onConflict((oc) =>
            oc.column("id").doUpdateSet((eb) => ({
              act: eb.ref("excluded.act"),
              object: eb.ref("excluded.object"),
              roll_call_id: eb.ref("excluded.roll_call_id"),
              issue: eb.ref("excluded.issue"),
              source: eb.ref("excluded.source"),
              origin: eb.ref("excluded.origin"),
              note: eb.ref("excluded.note"),
              imported_at: eb.ref("excluded.imported_at"),
            })),
          )
          .execute(),
    );
  });
}

export interface RecordFilter {
  actor?: string;
  object?: string;
  act?: string;
  forum?: string;
  from?: string;
  until?: string;
  limit?: number;
}

/** Stored records with their roll call's forum and title, newest first. */
export async function listRecords(db: Kysely<Database>, filter: RecordFilter = {}) {
  let q = db
    .selectFrom("records")
    .leftJoin("roll_calls", "roll_calls.id", "records.roll_call_id")
    .selectAll("records")
    .select(["roll_calls.forum", "roll_calls.title"]);
  if (filter.actor) q = q.where("records.actor_id", "=", filter.actor);
  if (filter.object) q = q.where("records.object", "=", filter.object);
  if (filter.act) q = q.where("records.act", "=", filter.act);
  if (filter.forum) q = q.where("roll_calls.forum", "=", filter.forum);
  if (filter.from) q = q.where("records.date", ">=", filter.from);
  if (filter.until) q = q.where("records.date", "<=", filter.until);
  return q
    .orderBy("records.date", "desc")
    .orderBy("records.object")
    .orderBy("records.actor_id")
    .limit(filter.limit ?? 1000)
    .execute();
}

/** How many roll calls and records the store holds. */
export async function recordCounts(db: Kysely<Database>): Promise<{ roll_calls: number; records: number }> {
  const calls = await db
    .selectFrom("roll_calls")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  const recs = await db
    .selectFrom("records")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return { roll_calls: Number(calls?.n ?? 0), records: Number(recs?.n ?? 0) };
}
