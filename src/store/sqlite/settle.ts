import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/**
 * Refreshes the planner's statistics of every table a batch changed enough to need it (0x10002:
 * all tables, not only those this connection read), each read no further than a sample.
 */
export async function settle(db: Kysely<Database>): Promise<void> {
  await sql`PRAGMA analysis_limit = 1000`.execute(db);
  await sql`PRAGMA optimize = 0x10002`.execute(db);
}
