import { type Expression, type Kysely, type SqlBool, sql } from "kysely";

/**
 * Full-text search of quotes in SQLite: an FTS5 index over the quotes table's text (stemmed,
 * diacritics folded), kept in step by triggers. It refers to quotes by rowid, which a manual
 * VACUUM may renumber: after one, `INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild')`.
 */
export async function createQuoteSearch(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
  await sql`CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text); END`.execute(db);
  await sql`CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END`.execute(db);
  await sql`CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text); END`.execute(db);
  await sql`INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')`.execute(db);
}

/** Words and "quoted phrases" of a search, each quoted for FTS5 so no input is read as its syntax. */
export function ftsQuery(text: string): string {
  const terms = text.match(/"[^"]*"|[^\s"]+/g) ?? [];
  return terms
    .map((t) => t.replace(/"/g, "").trim())
    .filter(Boolean)
    .map((t) => `"${t}"`)
    .join(" ");
}

/** Quotes whose text has all the words and phrases searched for. */
export function quoteMatches(text: string): Expression<SqlBool> {
  return sql<SqlBool>`quotes.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ${ftsQuery(text)})`;
}
