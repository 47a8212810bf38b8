import { type Kysely, sql, type Transaction } from "kysely";
import { bumpGeneration } from "./cache.ts";
import { EXTRACTED_TABLES, flushHeld, heldRows, insertHeld } from "./held.ts";
import { insertRows } from "./insert.ts";
import { inList } from "./lists.ts";
import type { Database, DocumentTable, DuplicateTable } from "./schema.ts";
import { uncountStances } from "./stances.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Tables holding what is derived from a document's text; cleared when the text changes. */
export const DERIVED_TABLES = ["document_bands", ...EXTRACTED_TABLES] as const;

/** The metadata columns documents and duplicates share. */
export const META_COLUMNS = ["title", "outlet", "author", "published", "url"] as const;
export type StoredMeta = Record<(typeof META_COLUMNS)[number], string | null>;

export interface Identity {
  id: string;
  hash: string;
  meta: StoredMeta;
  /** Set when the id is recorded as a duplicate of another document. */
  duplicateOf: string | null;
}

/** What is stored under ids, and the documents with given text hashes, as read at one moment. */
export interface Identities {
  /** What is stored under the id (a document, else a duplicate record), and another document with the hash. */
  of(id: string, hash: string): { identity?: Identity; twin?: string };
}

/**
 * In one statement: what is stored under each id, and the documents with each text hash, whose
 * duplicate an article with that text is.
 */
export async function findIdentitiesAndTwins(
  db: Db,
  ids: readonly string[],
  hashes: readonly string[],
): Promise<Identities> {
  const rows = await db
    .selectFrom("documents")
    .select([sql<string>`'document'`.as("kind"), "id", "hash", sql<string | null>`null`.as("duplicate_of")])
    .select(META_COLUMNS)
    .where((eb) => eb.or([inList(db, "id", ids), inList(db, "hash", hashes)]))
    .unionAll(
      db
        .selectFrom("duplicates")
        .select([sql<string>`'duplicate'`.as("kind"), "id", "hash", "duplicate_of"])
        .select(META_COLUMNS)
        .where(inList(db, "id", ids)),
    )
    .execute();
  return {
    of(id, hash) {
      const doc = rows.find((r) => r.kind === "document" && r.id === id);
      const dup = rows.find((r) => r.kind === "duplicate" && r.id === id);
      const twin = rows.find((r) => r.kind === "document" && r.id !== id && r.hash === hash)?.id;
      const identity = doc
        ? { id, hash: doc.hash, meta: doc, duplicateOf: null }
        : dup
          ? { id, hash: dup.hash, meta: dup, duplicateOf: dup.duplicate_of }
          : undefined;
      return { ...(identity ? { identity } : {}), ...(twin ? { twin } : {}) };
    },
  };
}

export async function insertDocument(db: Db, doc: DocumentTable): Promise<void> {
  await insertRows(db, "documents", [doc]);
}

export async function deleteDocument(db: Db, id: string): Promise<void> {
  await deleteDerived(db, id);
  await db.deleteFrom("documents").where("id", "=", id).execute();
}

export async function deleteDerived(db: Db, id: string): Promise<void> {
  await flushHeld(db);
  await uncountStances(db, id);
  await bumpGeneration(db);
  for (const table of DERIVED_TABLES) await db.deleteFrom(table).where("document_id", "=", id).execute();
}

export async function insertDuplicate(db: Db, dup: DuplicateTable): Promise<void> {
  await db.insertInto("duplicates").values(dup).execute();
}

export async function deleteDuplicate(db: Db, id: string): Promise<void> {
  await db.deleteFrom("duplicates").where("id", "=", id).execute();
}

export async function duplicatesOf(db: Db, id: string): Promise<DuplicateTable[]> {
  return db.selectFrom("duplicates").selectAll().where("duplicate_of", "=", id).orderBy("id").execute();
}

export async function repointDuplicates(db: Db, from: string, to: string): Promise<void> {
  await db.updateTable("duplicates").set({ duplicate_of: to }).where("duplicate_of", "=", from).execute();
}

export async function getDocument(db: Db, id: string): Promise<DocumentTable | undefined> {
  return db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getDuplicate(db: Db, id: string): Promise<DuplicateTable | undefined> {
  return db.selectFrom("duplicates").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface DocumentSummary {
  id: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  chars: number;
  near_copy_of: string | null;
}

export async function listDocuments(
  db: Db,
  options: { limit?: number; offset?: number } = {},
): Promise<DocumentSummary[]> {
  let query = db
    .selectFrom("documents")
    .select(["id", "outlet", "published", "title", "chars", "near_copy_of"])
    .orderBy("published")
    .orderBy("id");
  if (options.limit !== undefined) query = query.limit(options.limit).offset(options.offset ?? 0);
  return query.execute();
}

export async function countDocuments(db: Db): Promise<{ documents: number; duplicates: number }> {
  const docs = await db
    .selectFrom("documents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  const dups = await db
    .selectFrom("duplicates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return { documents: Number(docs?.n ?? 0), duplicates: Number(dups?.n ?? 0) };
}

export async function insertBands(db: Db, id: string, bands: string[]): Promise<void> {
  await insertHeld(
    db,
    "document_bands",
    bands.map((band) => ({ band, document_id: id })),
    ["band", "document_id"],
  );
}

const MAX_CANDIDATES = 20;

/** Documents sharing a band with the given keys, most shared first: stored, or held by the batch. */
export async function bandCandidates(db: Db, bands: string[], exclude: string): Promise<string[]> {
  if (!bands.length) return [];
  const rows = await db
    .selectFrom("document_bands")
    .select(["document_id", (eb) => eb.fn.countAll<number>().as("shared")])
    .where("band", "in", bands)
    .where("document_id", "!=", exclude)
    .groupBy("document_id")
    .orderBy("shared", "desc")
    .orderBy("document_id")
    .limit(MAX_CANDIDATES)
    .execute();
  const shared = new Map(rows.map((r) => [r.document_id, Number(r.shared)]));
  // A document's bands are all stored or all held, so the two counts never add up.
  const wanted = new Set(bands);
  for (const row of heldRows(db, "document_bands"))
    if (row.document_id !== exclude && wanted.has(row.band))
      shared.set(row.document_id, (shared.get(row.document_id) ?? 0) + 1);
  return [...shared]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_CANDIDATES)
    .map(([id]) => id);
}

export async function textsOf(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; text: string; near_copy_of: string | null }>> {
  if (!ids.length) return [];
  return db.selectFrom("documents").select(["id", "text", "near_copy_of"]).where("id", "in", ids).execute();
}

export async function nearCopiesPointingAt(db: Db, id: string): Promise<Array<{ id: string; text: string }>> {
  return db.selectFrom("documents").select(["id", "text"]).where("near_copy_of", "=", id).execute();
}

export async function setNearCopyOf(db: Db, id: string, of: string | null): Promise<void> {
  await db.updateTable("documents").set({ near_copy_of: of }).where("id", "=", id).execute();
}

export async function deleteExtraction(db: Db, id: string): Promise<void> {
  await flushHeld(db);
  await uncountStances(db, id);
  await bumpGeneration(db);
  for (const table of EXTRACTED_TABLES) await db.deleteFrom(table).where("document_id", "=", id).execute();
}

export async function documentIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("documents").select("id").orderBy("id").execute();
  return rows.map((r) => r.id);
}
