import type { Kysely, Transaction } from "kysely";
import { chunks } from "./chunks.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

interface DayCount {
  issue: string;
  actor_id: string;
  date: string;
  stance: string;
  n: number;
}

function dayCounts(rows: StanceCountRow[]): DayCount[] {
  const counts = new Map<string, DayCount>();
  for (const r of rows) {
    const date = r.date ?? "";
    const key = `${r.issue}\u0000${r.actor_id}\u0000${date}\u0000${r.stance}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { issue: r.issue, actor_id: r.actor_id, date, stance: r.stance, n: 1 });
  }
  return [...counts.values()];
}

/** How many stances each issue has, from the per-day counts (no scan of the stances). */
export async function stancesByIssue(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("stance_days")
    .select((eb) => ["issue", eb.fn.sum<number | string>("n").as("n")])
    .groupBy("issue")
    .execute();
  return new Map(rows.map((r) => [r.issue, Number(r.n)]));
}

/** What the per-day counts are kept from: a stance's issue, actor, date and direction. */
export type StanceCountRow = { issue: string; actor_id: string; date: string | null; stance: string };

/** Adds stances to the per-day counts, each day's count once in one upsert. */
export async function countStances(db: Db, rows: StanceCountRow[]): Promise<void> {
  for (const chunk of chunks(dayCounts(rows), 1000)) {
    await db
      .insertInto("stance_days")
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(["issue", "actor_id", "date", "stance"])
          .doUpdateSet((eb) => ({ n: eb("stance_days.n", "+", eb.ref("excluded.n")) })),
      )
      .execute();
  }
}

/** Takes a document's stances out of the per-day counts, before they are deleted. */
export async function uncountStances(db: Db, documentId: string): Promise<void> {
  const rows = await db
    .selectFrom("stances")
    .select(["issue", "actor_id", "date", "stance"])
    .where("document_id", "=", documentId)
    .execute();
  for (const c of dayCounts(rows)) {
    const where = db
      .updateTable("stance_days")
      .set((eb) => ({ n: eb("n", "-", c.n) }))
      .where("issue", "=", c.issue)
      .where("actor_id", "=", c.actor_id)
      .where("date", "=", c.date)
      .where("stance", "=", c.stance);
    await where.execute();
  }
  if (rows.length) await db.deleteFrom("stance_days").where("n", "<=", 0).execute();
}
