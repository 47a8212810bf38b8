import type { Kysely, Transaction } from "kysely";
import { findIdentitiesAndTwins, META_COLUMNS, type StoredMeta } from "../store/documents.ts";
import type { Database, DocumentTable } from "../store/schema.ts";
import type { Article } from "./article.ts";
import { hashText } from "./hash.ts";

/** What a document's extraction reads: its text and metadata. */
export type DerivedFrom = Pick<
  DocumentTable,
  "id" | "text" | "title" | "outlet" | "author" | "published" | "url"
>;

/**
 * Work done on each document stored. `read` needs no store, so it runs before the transaction:
 * locks are held while writing only, and several writers extract at once. `write` stores what was
 * read in the document's transaction and returns notes for the user (a text not in English, say).
 */
export interface Derive<R = unknown> {
  read(doc: DerivedFrom): R;
  /** The same reading on other threads (`--jobs`), so this one writes meanwhile. */
  readElsewhere?(doc: DerivedFrom): Promise<R>;
  write(trx: Transaction<Database>, doc: DerivedFrom, read: R): Promise<string[]>;
}

/** Reads a document and writes what was read, in the transaction: for documents not read ahead. */
export const deriveIn = <R>(trx: Transaction<Database>, doc: DerivedFrom, derive: Derive<R>, ahead?: R) =>
  derive.write(trx, doc, ahead ?? derive.read(doc));

export function derivedFrom(article: Article): DerivedFrom {
  const meta = storedMeta(article);
  return {
    id: article.id,
    text: article.text,
    title: meta.title,
    outlet: meta.outlet,
    author: meta.author,
    published: meta.published,
    url: meta.url,
  };
}

export function storedMeta(article: Article): StoredMeta {
  const meta = {} as StoredMeta;
  for (const column of META_COLUMNS) meta[column] = article.meta[column] ?? null;
  return meta;
}

export const sameMeta = (a: StoredMeta, b: StoredMeta) => META_COLUMNS.every((c) => a[c] === b[c]);

/**
 * Extracts, before the batch's transaction, the articles that will be stored as new documents:
 * not those already stored as they are (a rerun). What the transaction then finds decides; an
 * article it stores without a reading here is read there.
 */
export async function readAhead(
  db: Kysely<Database>,
  articles: Article[],
  derive: Derive,
): Promise<Map<Article, unknown>> {
  const ahead = new Map<Article, unknown>();
  const stored = await findIdentitiesAndTwins(
    db,
    articles.map((a) => a.id),
    [],
  );
  const toRead = articles.filter((article) => {
    const existing = stored.of(article.id, "").identity;
    return !(
      existing &&
      existing.hash === hashText(article.text) &&
      sameMeta(existing.meta, storedMeta(article))
    );
  });
  const { readElsewhere } = derive;
  if (readElsewhere) {
    const read = await Promise.allSettled(toRead.map((article) => readElsewhere(derivedFrom(article))));
    // A failed reading is done again in the article's transaction, where its error is its own.
    read.forEach((r, i) => {
      if (r.status === "fulfilled") ahead.set(toRead[i] as Article, r.value);
    });
    return ahead;
  }
  for (const article of toRead) {
    try {
      ahead.set(article, derive.read(derivedFrom(article)));
    } catch {
      // Read again in its savepoint, where the failure is reported as the article's own.
    }
  }
  return ahead;
}
