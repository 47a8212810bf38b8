import { CompiledQuery, type Insertable, type Kysely, type QueryResult, type Transaction } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown>;

/** Under both databases' limits on parameters a statement (SQLite 32,766, PostgreSQL 65,535). */
const MAX_PARAMETERS = 30_000;

/**
 * The SQL of each multi-row insert by its shape (table, columns, rows, conflict rule), one cache
 * per dialect: building an insert through Kysely cost more CPU than SQLite spent running it.
 */
const compiledSql = new WeakMap<object, Map<string, string>>();
/** Shapes kept per dialect, the oldest dropped first: a store's inserts take a few hundred. */
const KEPT_SHAPES = 2048;

/**
 * Inserts rows of one shape in as few statements as the parameter limit allows. Each shape is
 * built through Kysely once; later inserts of that shape reuse its SQL with the new values.
 * `ignore` skips rows that clash on the given unique columns.
 * With `returning`, gives that column of the rows inserted (not of those skipped).
 */
export async function insertRows<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  ignore?: readonly string[],
  returning?: keyof Database[T] & string,
): Promise<unknown[]> {
  const out: unknown[] = [];
  const first = rows[0] as Row | undefined;
  if (!first) return out;
  const columns = Object.keys(first);
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size) as Row[];
    const parameters = flatten(chunk, columns);
    const key = `${table}\0${columns.join(",")}\0${chunk.length}\0${(ignore ?? []).join(",")}\0${returning ?? ""}`;
    const cache = cacheOf(db);
    const sql = parameters && cache.get(key);
    if (sql && parameters) {
      collect(out, await db.executeQuery<Row>(CompiledQuery.raw(sql, parameters)), returning);
      continue;
    }
    const query = build(db, table, chunk, ignore, returning).compile();
    // Kept only where Kysely bound every value in row order, as the reuse will.
    if (parameters && sameValues(query.parameters, parameters)) {
      if (cache.size >= KEPT_SHAPES) cache.delete(cache.keys().next().value as string);
      cache.set(key, query.sql);
    }
    collect(out, await db.executeQuery<Row>(query as CompiledQuery<Row>), returning);
  }
  return out;
}

function collect(out: unknown[], result: QueryResult<Row>, returning: string | undefined): void {
  if (returning) for (const row of result.rows) out.push(row[returning]);
}

function cacheOf(db: Db): Map<string, string> {
  const adapter = db.getExecutor().adapter;
  let cache = compiledSql.get(adapter);
  if (!cache) {
    cache = new Map();
    compiledSql.set(adapter, cache);
  }
  return cache;
}

/** The values row by row in column order; undefined when a row has other columns or a value left out. */
function flatten(rows: Row[], columns: string[]): unknown[] | undefined {
  const out: unknown[] = [];
  for (const row of rows) {
    let n = 0;
    for (const column in row) {
      if (row[column] === undefined || column !== columns[n]) return undefined;
      out.push(row[column]);
      n++;
    }
    if (n !== columns.length) return undefined;
  }
  return out;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function build<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: Row[],
  ignore: readonly string[] | undefined,
  returning: string | undefined,
) {
  const values = db.insertInto(table).values(rows as Insertable<Database[T]>[]);
  const insert = returning ? values.returning(returning as never) : values;
  if (ignore?.length) return insert.onConflict((oc) => oc.columns(ignore as never).doNothing());
  return insert;
}
