import type { Kysely, Transaction } from "kysely";
import { StandpointError } from "../errors.ts";
import {
  bandCandidates,
  deleteDocument,
  deleteDuplicate,
  deleteExtraction,
  duplicatesOf,
  findIdentitiesAndTwins,
  getDocument,
  type Identities,
  insertBands,
  insertDocument,
  insertDuplicate,
  META_COLUMNS,
  nearCopiesPointingAt,
  repointDuplicates,
  type StoredMeta,
  setNearCopyOf,
  textsOf,
} from "../store/documents.ts";
import { flushHeld, holdRows } from "../store/held.ts";
import type { Database, DocumentTable } from "../store/schema.ts";
import type { Article } from "./article.ts";
import { type Derive, deriveIn, readAhead, sameMeta, storedMeta } from "./derive-step.ts";
import { hashText } from "./hash.ts";
import { bandKeys, jaccard, NEAR_COPY_JACCARD, shingles } from "./near-copies.ts";

export type SaveStatus = "added" | "unchanged" | "replaced" | "duplicate";

export interface Saved {
  status: SaveStatus;
  id: string;
  /** For a duplicate: the document with the same text. */
  duplicateOf?: string;
  /** For a near-copy: the first document of its group. */
  nearCopyOf?: string;
  /** What extraction had to say about the text. */
  notes?: string[];
}

/** What saving an article works out before its transaction: the text's identity and metadata. */
interface Prepared {
  hash: string;
  meta: StoredMeta;
  set: Set<number>;
  bands: string[];
  now: string;
}

/**
 * Stores one article in one transaction. Its identity is its id plus the hash of its text: the
 * same again is unchanged; a new text or metadata under a stored id replaces that document and all
 * derived from it; the same text under a new id is recorded as a duplicate of the first.
 */
export async function saveArticle(
  db: Kysely<Database>,
  article: Article,
  derive?: Derive,
  ahead?: unknown,
): Promise<Saved> {
  // Another writer may store the same id or text between our reads and our insert (PostgreSQL
  // reads committed rows); run again, the transaction then sees its row and decides from it.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => saveIn(trx, article, derive, ahead));
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

/**
 * Stores articles in one transaction: one commit makes the batch durable (a commit costs as much
 * as storing a small document), and a kill before it loses the batch whole, which the same command
 * run again stores. If anything in the transaction fails (an article the store refuses, a deadlock
 * with another writer), each article is stored again in a transaction of its own, so a bad one
 * comes back as its error and the rest are stored. Batches fail rarely: a savepoint for each
 * article cost two statements of the twenty-odd an article takes. `readFirst` is the batch's
 * reading, when it was begun before (on other threads, while the batch before was written). Rows
 * nothing in the batch reads back are held and written table by table as it ends (store/held.ts).
 */
export async function saveBatch(
  db: Kysely<Database>,
  articles: Article[],
  derive?: Derive,
  readFirst?: Promise<Map<Article, unknown>>,
): Promise<Array<Saved | Error>> {
  const ahead =
    (await readFirst) ?? (derive ? await readAhead(db, articles, derive) : new Map<Article, unknown>());
  try {
    return await db.transaction().execute(async (trx) => {
      holdRows(trx);
      const hashes = articles.map((a) => hashText(a.text));
      const known = await findIdentitiesAndTwins(
        trx,
        articles.map((a) => a.id),
        hashes,
      );
      // What the batch stores changes what an id or hash is found to be: an article whose id or
      // text came earlier in the batch is looked up again, and any replacement (which may turn a
      // duplicate into a document) ends the use of what was read first.
      const seen = new Set<string>();
      let replaced = false;
      const out: Array<Saved | Error> = [];
      for (const [i, article] of articles.entries()) {
        const hash = hashes[i] as string;
        const fresh = !replaced && !seen.has(`id:${article.id}`) && !seen.has(`hash:${hash}`);
        const saved = await saveIn(trx, article, derive, ahead.get(article), fresh ? known : undefined, hash);
        out.push(saved);
        seen.add(`id:${article.id}`).add(`hash:${hash}`);
        replaced ||= saved.status === "replaced";
      }
      await flushHeld(trx);
      return out;
    });
  } catch {
    const out: Array<Saved | Error> = [];
    for (const article of articles)
      out.push(await saveArticle(db, article, derive, ahead.get(article)).catch((e: Error) => e));
    return out;
  }
}

/** A unique key refused the row: PostgreSQL's 23505, SQLite's UNIQUE or PRIMARY KEY constraint. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * `known` is what the batch read of this article's id and hash, when nothing in the batch changed
 * either since; `hash` is its text's, when the batch hashed it already.
 */
async function saveIn(
  trx: Transaction<Database>,
  article: Article,
  derive?: Derive,
  ahead?: unknown,
  known?: Identities,
  hash = hashText(article.text),
): Promise<Saved> {
  const meta = storedMeta(article);
  const set = shingles(article.text);
  const bands = bandKeys(set);
  const now = new Date().toISOString();
  // The text's twin is looked up with the id, before any retiring: retiring removes only this id's
  // document, whose text the twin check passes over, and promotes a duplicate of the old text.
  const { identity: existing, twin } = (
    known ?? (await findIdentitiesAndTwins(trx, [article.id], [hash]))
  ).of(article.id, hash);
  if (existing && existing.hash === hash && sameMeta(existing.meta, meta)) {
    return {
      status: "unchanged",
      id: article.id,
      ...(existing.duplicateOf ? { duplicateOf: existing.duplicateOf } : {}),
    };
  }
  if (existing?.duplicateOf) await deleteDuplicate(trx, article.id);
  else if (existing) await retireDocument(trx, article.id, existing.hash !== hash, derive);
  const replaced = existing !== undefined;

  if (twin && twin !== article.id) {
    await insertDuplicate(trx, {
      id: article.id,
      duplicate_of: twin,
      hash,
      source: article.source,
      ...meta,
      ingested_at: now,
    });
    return { status: replaced ? "replaced" : "duplicate", id: article.id, duplicateOf: twin };
  }
  return storeDocument(trx, article, { hash, meta, set, bands, now }, replaced, derive, ahead);
}

/** Stores a text not seen before as a document, grouped with its near-copies, and derives from it. */
async function storeDocument(
  trx: Transaction<Database>,
  article: Article,
  prepared: Prepared,
  replaced: boolean,
  derive?: Derive,
  ahead?: unknown,
): Promise<Saved> {
  const nearCopyOf = await findNearCopy(trx, article.id, prepared.set, prepared.bands);
  const doc: DocumentTable = {
    id: article.id,
    hash: prepared.hash,
    text: article.text,
    chars: article.text.length,
    ...prepared.meta,
    dateline: article.meta.dateline ?? null,
    format: article.format,
    source: article.source,
    provenance: JSON.stringify(article.provenance),
    extra: Object.keys(article.extra).length ? JSON.stringify(article.extra) : null,
    near_copy_of: nearCopyOf ?? null,
    ingested_at: prepared.now,
  };
  await insertDocument(trx, doc);
  await insertBands(trx, doc.id, prepared.bands);
  if (replaced) await recheckNearCopies(trx, doc.id, prepared.set);
  const notes = derive ? await deriveIn(trx, doc, derive, ahead) : [];
  return {
    status: replaced ? "replaced" : "added",
    id: article.id,
    ...(nearCopyOf ? { nearCopyOf } : {}),
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * Removes a document about to be replaced. When its text changes and other ids were recorded as
 * duplicates of it, the first of them becomes a document of its own with the old text, so that
 * text stays in the corpus.
 */
async function retireDocument(trx: Transaction<Database>, id: string, textChanged: boolean, derive?: Derive) {
  const old = await getDocument(trx, id);
  const dups = textChanged ? await duplicatesOf(trx, id) : [];
  await deleteDocument(trx, id);
  const [heir, ...rest] = dups;
  if (!old || !heir) return;
  await deleteDuplicate(trx, heir.id);
  const promoted: DocumentTable = {
    ...old,
    id: heir.id,
    source: heir.source,
    title: heir.title,
    outlet: heir.outlet,
    author: heir.author,
    published: heir.published,
    url: heir.url,
    ingested_at: heir.ingested_at,
  };
  await insertDocument(trx, promoted);
  await insertBands(trx, heir.id, bandKeys(shingles(old.text)));
  if (rest.length) await repointDuplicates(trx, id, heir.id);
  if (derive) await deriveIn(trx, promoted, derive);
}

async function findNearCopy(
  trx: Transaction<Database>,
  id: string,
  set: Set<number>,
  bands: string[],
): Promise<string | undefined> {
  const candidates = await textsOf(trx, await bandCandidates(trx, bands, id));
  let best: { root: string; score: number } | undefined;
  for (const candidate of candidates) {
    const score = jaccard(set, shingles(candidate.text));
    if (score >= NEAR_COPY_JACCARD && (!best || score > best.score)) {
      best = { root: candidate.near_copy_of ?? candidate.id, score };
    }
  }
  return best?.root;
}

/** After a replacement, documents grouped under it stay grouped only if still near-copies of the new text. */
async function recheckNearCopies(trx: Transaction<Database>, id: string, set: Set<number>): Promise<void> {
  for (const copy of await nearCopiesPointingAt(trx, id)) {
    if (jaccard(set, shingles(copy.text)) < NEAR_COPY_JACCARD) await setNearCopyOf(trx, copy.id, null);
  }
}

/**
 * Extracts a stored document again (new rules, new issues), replacing what was derived from it in
 * one transaction: a failure leaves the old results. Reviews refer to stable keys and still apply.
 * `readFirst` is its reading begun elsewhere (`reextract --jobs`), with the document as it was read.
 */
export async function rederive(
  db: Kysely<Database>,
  id: string,
  derive: Derive,
  readFirst?: Promise<{ doc: DocumentTable; read: unknown }>,
): Promise<string[]> {
  // Read elsewhere if begun there; a failure there is read again here, to be reported as its own.
  const first = readFirst ? await readFirst.catch(() => undefined) : undefined;
  const before = first?.doc ?? (await getDocument(db, id));
  if (!before) throw new StandpointError("not_found", "no such document", id);
  const ahead = first ? first.read : derive.read(before);
  return db.transaction().execute(async (trx) => {
    const doc = await getDocument(trx, id);
    if (!doc) throw new StandpointError("not_found", "no such document", id);
    await deleteExtraction(trx, id);
    // Replaced meanwhile by another writer: what was read no longer fits.
    const same = doc.hash === before.hash && META_COLUMNS.every((c) => doc[c] === before[c]);
    return deriveIn(trx, doc, derive, same ? ahead : undefined);
  });
}
