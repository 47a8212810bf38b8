import type { Expression, SqlBool } from "kysely";
import type { Backend } from "./open.ts";
import { quoteMatches as postgresMatches } from "./postgres/search.ts";
import { quoteMatches as sqliteMatches } from "./sqlite/search.ts";

/** Quotes whose text has all the words and "quoted phrases" searched for, by the backend's full-text index. */
export function quoteMatches(backend: Backend, text: string): Expression<SqlBool> {
  return backend === "postgres" ? postgresMatches(text) : sqliteMatches(text);
}
