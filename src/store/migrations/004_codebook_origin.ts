import type { Kysely } from "kysely";

/**
 * Where a stored codebook came from: `given` (--issue, --codebook) or `detected` (an issue a text
 * was found to be about). Only given ones apply to every later text; a detected one applies to the
 * texts that are about it, so that ingesting a corpus in parts gives what ingesting it whole does.
 * Codebooks stored before this are taken as given, as they were used.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("codebooks")
    .addColumn("origin", "text", (c) => c.notNull().defaultTo("given"))
    .execute();
}
