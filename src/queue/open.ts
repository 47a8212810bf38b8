import type { PgBoss } from "pg-boss";
import { StandpointError } from "../errors.ts";
import type { Store } from "../store/open.ts";
import { currentSchema } from "../store/postgres/connect.ts";
import { type BossOptions, startBoss } from "./boss.ts";

export interface OpenQueue {
  boss: PgBoss;
  /** The store's schema, which names the queue's. */
  schema: string;
  close(): Promise<void>;
}

/** The queue of a PostgreSQL store; the queue lives in the store's database, so SQLite has none. */
export async function openQueue(store: Store, url: string, options: BossOptions): Promise<OpenQueue> {
  if (store.backend !== "postgres")
    throw new StandpointError(
      "usage",
      "the queue needs a PostgreSQL store (--db postgres://…); this one is a SQLite file",
      store.location,
    );
  const schema = await currentSchema(store.db);
  const boss = await startBoss(url, schema, options);
  return { boss, schema, close: () => boss.stop({ graceful: true, timeout: 30_000 }) };
}
