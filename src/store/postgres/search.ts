import { type Expression, type Kysely, type SqlBool, sql } from "kysely";

/**
 * Latin letters with diacritics (U+00C0–U+024F) and their bare letters, for `translate`, which,
 * unlike the unaccent extension, needs nothing installed and may stand in an index. NFD is
 * stable, so the pairs never change and the index stays valid.
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

/** The indexed expression: quote text without diacritics, as an English text search vector. */
const vector = sql`to_tsvector('english', translate(quotes.text, ${sql.lit(FROM)}, ${sql.lit(TO)}))`;

/** Full-text search of quotes in PostgreSQL: a GIN index over their text search vectors. */
export async function createQuoteSearch(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX quotes_text_search ON quotes USING gin (${vector})`.execute(db);
}

/** Quotes whose text has all the words and "quoted phrases" searched for (web search syntax). */
export function quoteMatches(text: string): Expression<SqlBool> {
  let bare = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  for (let i = 0; i < FROM.length; i++) bare = bare.replaceAll(FROM[i] as string, TO[i] as string);
  return sql<SqlBool>`${vector} @@ websearch_to_tsquery('english', ${bare})`;
}
