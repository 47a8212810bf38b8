import type { Kysely, Transaction } from "kysely";
import { type Codebook, parseCodebook } from "../stances/codebook.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Stores codebooks, a new version replacing the old: later commands can name the issue by its id. */
export async function saveCodebooks(db: Db, books: Codebook[]): Promise<void> {
  for (const book of books) {
    const row = {
      id: book.id,
      label: book.label,
      source: book.source ?? null,
      body: JSON.stringify(book),
      stored_at: new Date().toISOString(),
    };
    await db
      .insertInto("codebooks")
      .values(row)
      .onConflict((oc) =>
        oc
          .column("id")
          .doUpdateSet({ label: row.label, source: row.source, body: row.body, stored_at: row.stored_at }),
      )
      .execute();
  }
}

export async function listCodebooks(db: Db): Promise<Codebook[]> {
  const rows = await db.selectFrom("codebooks").select(["id", "body"]).orderBy("id").execute();
  return rows.map((r) => parseCodebook(JSON.parse(r.body), `stored codebook ${r.id}`));
}
