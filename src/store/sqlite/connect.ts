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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

/**
 * Kysely prepares every statement anew; preparing costs more than running most of ours, so the
 * statements of the last few hundred distinct queries are kept and reused.
 */
function withStatementCache(database: SQLite.Database, size = 256): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== "prepare") {
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      }
      return (sql: string) => {
        let statement = cache.get(sql);
        if (statement) {
          cache.delete(sql);
        } else {
          statement = prepare(sql);
          if (cache.size >= size) cache.delete(cache.keys().next().value as string);
        }
        cache.set(sql, statement);
        return statement;
      };
    },
  });
}
