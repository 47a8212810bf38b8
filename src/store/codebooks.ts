import type { Kysely, Transaction } from "kysely";
import type { Codebook } from "../codebooks/codebook.ts";
import { StandpointError } from "../errors.ts";
import { bumpGeneration } from "./cache.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type CodebookOrigin = "given" | "detected";

/**
 * Stores codebooks so later commands can name the issue by its id or free text. A given codebook
 * replaces the stored one of its id; a detected one never replaces anything.
 */
export async function saveCodebooks(
  db: Db,
  books: Codebook[],
  origin: CodebookOrigin = "given",
): Promise<void> {
  for (const book of books) {
    const row = {
      id: book.id,
      label: book.label,
      source: book.source ?? null,
      body: JSON.stringify(book),
      stored_at: new Date().toISOString(),
      origin,
    };
    await db
      .insertInto("codebooks")
      .values(row)
      .onConflict((oc) =>
        origin === "detected"
          ? oc.column("id").doNothing()
          : oc.column("id").doUpdateSet({
              label: row.label,
              source: row.source,
              body: row.body,
              stored_at: row.stored_at,
              origin,
            }),
      )
      .execute();
  }
  // The issues the store knows are part of what it answers.
  if (books.length) await bumpGeneration(db);
}

/** The stored codebooks (only those of one origin, if asked): checked when saved, so read as they are. */
export async function listCodebooks(db: Db, origin?: CodebookOrigin): Promise<Codebook[]> {
  let query = db.selectFrom("codebooks").select(["id", "body"]);
  if (origin) query = query.where("origin", "=", origin);
  const rows = await query.orderBy("id").execute();
  return rows.map((r) => JSON.parse(r.body) as Codebook);
}

/**
 * The issue a user names: a stored codebook's id, the free text it came from, or free text whose
 * default codebook is stored ("independence of Kosovo" for kosovo-independence).
 */
export async function findIssue(db: Db, text: string): Promise<Codebook> {
  const stored = await listCodebooks(db);
  const wanted = text.trim().toLowerCase();
  const known = stored.find((b) => b.id === wanted || b.source?.toLowerCase() === wanted);
  if (known) return known;
  let id: string | undefined;
  try {
    const { defaultCodebook } = await import("../codebooks/default.ts");
    id = defaultCodebook(text).id;
  } catch {
    id = undefined;
  }
  const byDefault = stored.find((b) => b.id === id);
  if (byDefault) return byDefault;
  const list = stored.map((b) => b.id).join(", ") || "none yet; ingest with --issue";
  throw new StandpointError("not_found", `unknown issue: ${text} (stored issues: ${list})`, "--issue");
}
