import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from "node:fs";
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

/** An open SQLite store; `readOnly` when its file cannot be written (it is then read as it is). */
export interface SqliteConnection {
  db: Kysely<Database>;
  readOnly: boolean;
}

/** Opens (or creates) the one-file embedded store. */
export function connectSqlite(path: string, mustExist: boolean): SqliteConnection {
  const file = path !== ":memory:";
  if (mustExist && file && !existsSync(path)) {
    throw new StandpointError("store", "no store here yet (run `standpoint ingest` first)", path);
  }
  if (file && existsSync(path)) refuseNonStore(path);
  // A store the user may only read (a shared copy, a read-only mount) is opened for reading.
  const readOnly = mustExist && file && !writable(path);
  let database: SQLite;
  try {
    database = new SQLite(path, readOnly ? { readonly: true, fileMustExist: true } : {});
    if (!readOnly) {
      // WAL keeps readers going during an ingest; NORMAL still survives a kill -9 of the process.
      database.pragma("journal_mode = WAL");
      database.pragma("synchronous = NORMAL");
      // Each multi-row insert in a batch's transaction keeps a statement journal, which past 64 KiB
      // went to a temporary file: 816 MB written for 4 MB of articles. In memory it is freed with
      // the statement.
      database.pragma("temp_store = MEMORY");
      // Checkpointing the WAL every 1,000 pages (the default) copied the same index pages back
      // again and again during an ingest: every 10,000 (40 MB) cut its CPU by 8%.
      database.pragma("wal_autocheckpoint = 10000");
    }
    database.pragma("busy_timeout = 10000");
    database.pragma("foreign_keys = ON");
  } catch (error) {
    throw new StandpointError("store", `cannot open SQLite store: ${(error as Error).message}`, path);
  }
  const db = new Kysely<Database>({ dialect: new StoreDialect({ database: withStatementCache(database) }) });
  return { db, readOnly };
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** An existing file that is empty or not SQLite is someone else's: it is never turned into a store. */
function refuseNonStore(path: string): void {
  if (!statSync(path).isFile()) throw new StandpointError("store", "not a file", path);
  const head = Buffer.alloc(16);
  let read = 0;
  try {
    const fd = openSync(path, "r");
    try {
      read = readSync(fd, head, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new StandpointError("store", `cannot read: ${(error as Error).message}`, path);
  }
  if (read === 0)
    throw new StandpointError("store", "an empty file, not a store: remove it or give a new path", path);
  if (read < 16 || head.toString("latin1") !== "SQLite format 3\0")
    throw new StandpointError("store", "not a SQLite file, so not a store: give a new path", path);
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
