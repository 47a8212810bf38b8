import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { StandpointError } from "../../errors.ts";
import type { Database } from "../schema.ts";

// Counts come back as int8; they stay far below 2^53, so numbers are safe and simpler.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");
}

/** A store URL as the driver takes it, and the schema its `schema` parameter names, checked. */
export function splitSchema(url: string): { connectionString: string; schema: string | undefined } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new StandpointError("store", `schema name must be lower-case letters, digits and _: ${schema}`);
  }
  return { connectionString: parsed.toString(), schema };
}

/**
 * Connects to PostgreSQL. A `schema` query parameter keeps the store in that schema (created if
 * missing), so several stores can share one database.
 */
export async function connectPostgres(url: string): Promise<Kysely<Database>> {
  const { connectionString, schema } = splitSchema(url);
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  try {
    const client = await pool.connect();
    try {
      if (schema) await createSchema(client, schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw new StandpointError(
      "store",
      `cannot connect to PostgreSQL: ${(error as Error).message}`,
      redactUrl(url),
    );
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Creates the store's schema. Two processes creating the same one at once can both pass "IF NOT
 * EXISTS" and one then fails on the catalogue's unique key: the schema is there, which is all we want.
 */
async function createSchema(client: pg.PoolClient, schema: string): Promise<void> {
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    const { rowCount } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
    if (!rowCount) throw error;
  }
}

/** The schema the store's tables go in: the first of the search path. */
export async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new StandpointError("store", "PostgreSQL has no current schema (check search_path)");
  return schema;
}
