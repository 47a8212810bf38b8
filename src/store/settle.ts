import type { Store } from "./open.ts";
import { settle as settlePostgres } from "./postgres/settle.ts";
import { settle as settleSqlite } from "./sqlite/settle.ts";

/** Leaves a store ready to read after a batch wrote to it: statistics fresh, and on PostgreSQL its rows settled. */
export async function settle(store: Store): Promise<void> {
  await (store.backend === "postgres" ? settlePostgres(store.db) : settleSqlite(store.db));
}
