import { type Expression, type Kysely, type SqlBool, sql } from "kysely";

/**
 * Latin letters with diacritics (U+00C0–U+024F) and their bare letters, for `translate`, which,
 * unlike the unaccent extension, needs nothing installed and may stand in a generated column. NFD
 * is stable, so the pairs never change and the stored vectors stay valid.
 */
function diacriticPairs(): [string, string] {
  // Letters NFD leaves whole.
  let from = "łŁđĐøØıħĦŧŦ";
  let to = "lLdDoOihHtT";
  for (let code = 0xc0; code <= 0x24f; code++) {
    const letter = String.fromCharCode(code);
    const bare = letter.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (bare !== letter && /^[A-Za-z]$/.test(bare) && !from.includes(letter)) {
      from += letter;
      to += bare;
    }
  }
  return [from, to];
}

const [FROM, TO] = diacriticPairs();

/**
 * Full-text search of quotes in PostgreSQL: each quote's English text search vector, diacritics
 * removed, kept in a generated column with a GIN index. Stored rather than computed in the query,
 * so that walking quotes by date and testing each is cheap when a word is common.
 */
export async function createQuoteSearch(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS
    (to_tsvector('english', translate(text, ${sql.lit(FROM)}, ${sql.lit(TO)}))) STORED`.execute(db);
  await sql`CREATE INDEX quotes_text_search ON quotes USING gin (search)`.execute(db);
}

/** The search as the stored vectors see it: diacritics removed the same way. */
function bare(text: string): string {
  let out = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  for (let i = 0; i < FROM.length; i++) out = out.replaceAll(FROM[i] as string, TO[i] as string);
  return out;
}

/** Quotes whose text has all the words and "quoted phrases" searched for (web search syntax). */
export function quoteMatches(text: string): Expression<SqlBool> {
  return sql<SqlBool>`quotes.search @@ websearch_to_tsquery('english', ${bare(text)})`;
}
