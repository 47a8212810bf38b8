import { existsSync } from "node:fs";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { StandpointError } from "../../errors.ts";
import type { Database } from "../schema.ts";

/** Opens (or creates) the one-file embedded store. */
export function connectSqlite(path: string, mustExist: boolean): Kysely<Database> {
  if (mustExist && path !== ":memory:" && !existsSync(path)) {
    throw new StandpointError("store", "no store here yet (run `standpoint ingest` first)", path);
  }
  let database: SQLite.Database;
  try {
    database = new SQLite(path);
    // WAL keeps readers going during an ingest; NORMAL still survives a kill -9 of the process.
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("busy_timeout = 10000");
    database.pragma("foreign_keys = ON");
  } catch (error) {
    throw new StandpointError("store", `cannot open SQLite store: ${(error as Error).message}`, path);
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}
