import { type Expression, PostgresAdapter, type SqlBool, sql } from "kysely";

/**
 * Whether `column` is one of `values` (or, negated, none of them), the list bound as one value
 * whatever its length: a list of one variable each would fail past SQLite's 32,766 variables a
 * statement, which a store's reviews can pass. SQLite reads the list with json_each, PostgreSQL as
 * an array.
 */
export function inList(
  db: { getExecutor(): { adapter: unknown } },
  column: string,
  values: readonly string[],
  negate = false,
): Expression<SqlBool> {
  const ref = sql.ref(column);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return negate
      ? sql<SqlBool>`NOT (${ref} = ANY(${[...values]}::text[]))`
      : sql<SqlBool>`${ref} = ANY(${[...values]}::text[])`;
  }
  const list = sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`;
  return negate ? sql<SqlBool>`${ref} NOT IN ${list}` : sql<SqlBool>`${ref} IN ${list}`;
}
