import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

const bumped = new WeakSet<object>();

/**
 * Marks the store changed: results cached before no longer hold. Part of the writer's
 * transaction, once: readers compare generations, they do not count writes. The first bump locks
 * the row until the commit, so writers of the same store take turns from their first write on.
 */
export async function bumpGeneration(db: Db): Promise<void> {
  if (db.isTransaction) {
    if (bumped.has(db)) return;
    bumped.add(db);
  }
  await db
    .updateTable("generations")
    .set((eb) => ({ n: eb("n", "+", 1) }))
    .where("id", "=", 1)
    .execute();
}

const memo = new WeakMap<object, Map<string, { generation: number; value: unknown }>>();

/** The store's generation: it grows with every write, so a result computed at one still holds while it is current. */
export async function storeGeneration(db: Db): Promise<number> {
  const row = await db.selectFrom("generations").select("n").where("id", "=", 1).executeTakeFirst();
  return row?.n ?? 0;
}

/**
 * A result computed from the store, from the cache while the store is unchanged since, else
 * computed now and kept. The generation is read before computing: a write meanwhile makes the
 * result stale at once rather than pass for new.
 */
export async function cached<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>): Promise<T> {
  const current = await storeGeneration(db);
  // A long-running process (the server) keeps what it parsed; the generation still decides.
  const memory = memo.get(db) ?? new Map<string, { generation: number; value: unknown }>();
  memo.set(db, memory);
  const kept = memory.get(key);
  if (kept && kept.generation === current) return kept.value as T;
  const row = await db.selectFrom("caches").selectAll().where("key", "=", key).executeTakeFirst();
  if (row && row.generation === current) {
    const value = JSON.parse(row.body) as T;
    memory.set(key, { generation: current, value });
    return value;
  }
  const value = await compute();
  memory.set(key, { generation: current, value });
  const body = JSON.stringify(value);
  await db
    .insertInto("caches")
    .values({ key, generation: current, body })
    .onConflict((oc) => oc.column("key").doUpdateSet({ generation: current, body }))
    .execute();
  return value;
}
