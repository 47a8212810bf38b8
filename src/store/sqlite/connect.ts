import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type SQLiteModule from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";
import { StandpointError } from "../../errors.ts";
import type { Database } from "../schema.ts";

// Required, not imported: an ESM import of this CommonJS module makes Node scan its source for
// exports first, about 7 ms of every command's start.
const SQLite = createRequire(import.meta.url)("better-sqlite3") as typeof SQLiteModule;
type SQLite = SQLiteModule.Database;

/** Opens (or creates) the one-file embedded store. */
export function connectSqlite(path: string, mustExist: boolean): Kysely<Database> {
  if (mustExist && path !== ":memory:" && !existsSync(path)) {
    throw new StandpointError("store", "no store here yet (run `standpoint ingest` first)", path);
  }
  let database: SQLite;
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
  return new Kysely<Database>({ dialect: new StoreDialect({ database: withStatementCache(database) }) });
}

/**
 * A transaction takes the write lock as it begins ("immediate"): a second writer then waits its
 * turn for up to busy_timeout, where a deferred one fails at once with "database is locked" when
 * its read lock cannot be upgraded.
 */
class ImmediateDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/** SQLite keeps DDL in transactions; saying so makes Kysely run each migration whole or not at all,
 * so a kill while a store is created or upgraded leaves it as it was. */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class StoreDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateDriver(this.#config);
  }
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlAdapter();
  }
}

/**
 * Kysely prepares every statement anew; preparing costs more than running most of ours, so the
 * statements of the last few hundred distinct queries are kept and reused.
 */
function withStatementCache(database: SQLite, size = 256): SQLite {
  const cache = new Map<string, SQLiteModule.Statement>();
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
