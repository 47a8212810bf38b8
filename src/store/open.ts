import { existsSync, linkSync, rmSync } from "node:fs";
import type { Kysely } from "kysely";
import { Migrator, sql } from "kysely";
import { StandpointError } from "../errors.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import type { Database } from "./schema.ts";
import { isPostgresUrl } from "./target.ts";

export type Backend = "sqlite" | "postgres";

export interface Store {
  db: Kysely<Database>;
  backend: Backend;
  /** Where the store is, fit to print (no password). */
  location: string;
  close(): Promise<void>;
}

/** Opens a store and brings its schema up to date. `mustExist` refuses to create a new SQLite file. */
export async function openStore(target: string, options: { mustExist?: boolean } = {}): Promise<Store> {
  const backend: Backend = isPostgresUrl(target) ? "postgres" : "sqlite";
  // Each backend's driver is loaded only when used: the CLI starts faster without the other.
  let db: Kysely<Database>;
  let location = target;
  let schema: string | undefined;
  let readOnly = false;
  if (backend === "postgres") {
    const postgres = await import("./postgres/connect.ts");
    db = await postgres.connectPostgres(target);
    location = postgres.redactUrl(target);
    schema = await postgres.currentSchema(db);
  } else {
    const sqlite = await import("./sqlite/connect.ts");
    if (!options.mustExist && target !== ":memory:" && !existsSync(target))
      await createSqlite(sqlite, target);
    const connection = sqlite.connectSqlite(target, options.mustExist ?? false);
    db = connection.db;
    readOnly = connection.readOnly;
  }
  try {
    if (backend === "sqlite") await refuseForeign(db);
    if (readOnly) await checkSchema(db);
    else await migrate(db, schema);
  } catch (error) {
    await db.destroy();
    if (error instanceof StandpointError) throw new StandpointError(error.code, error.message, location);
    if (readOnly && /readonly/i.test((error as Error).message))
      throw new StandpointError(
        "store",
        "read-only, and so is its folder: SQLite writes a .db-shm file beside a store to read it; copy the store to a folder you can write",
        location,
      );
    throw new StandpointError("store", `cannot prepare the store: ${(error as Error).message}`, location);
  }
  return { db, backend, location, close: () => db.destroy() };
}

/**
 * Makes a new SQLite store whole under a temporary name and links it into place. SQLite creates a
 * file as it opens it: a kill before the schema is written would leave an empty or partial file
 * at the path, which is no store. A link never replaces a file, so when two processes make the
 * same store at once, both use the first one's.
 */
async function createSqlite(sqlite: typeof import("./sqlite/connect.ts"), target: string): Promise<void> {
  const temp = `${target}.${process.pid}.new`;
  try {
    const { db } = sqlite.connectSqlite(temp, false);
    try {
      await migrate(db, undefined);
    } finally {
      // Closing writes the log into the file, which is then whole on its own.
      await db.destroy();
    }
    linkSync(temp, target);
  } catch (error) {
    if (error instanceof StandpointError) throw new StandpointError(error.code, error.message, target);
    if ((error as NodeJS.ErrnoException).code !== "EEXIST")
      throw new StandpointError("store", `cannot create the store: ${(error as Error).message}`, target);
  } finally {
    for (const file of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(file, { force: true });
  }
}

/** A SQLite database with tables but none of a store's is another program's: it is left alone. */
async function refuseForeign(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(
    db,
  );
  const names = rows.map((r) => r.name);
  if (names.length && !names.includes("kysely_migration"))
    throw new StandpointError(
      "store",
      `a SQLite database of something else (tables ${names.slice(0, 3).join(", ")}), not a store: give a new path`,
    );
}

/** A store opened for reading only is read as it is: it must already have this version's schema. */
async function checkSchema(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const done = new Set(rows.map((r) => r.name));
  const unknown = [...done].find((name) => !(name in MIGRATIONS));
  if (unknown)
    throw new StandpointError(
      "store",
      `written by a newer standpoint (its schema has migration ${unknown}, unknown to this version): use that version or a later one`,
    );
  const missing = Object.keys(MIGRATIONS).filter((name) => !done.has(name));
  if (missing.length)
    throw new StandpointError(
      "store",
      `read-only, and its schema needs upgrading by this version (${missing.join(", ")}): make it writable once`,
    );
}

/** `schema`: where PostgreSQL keeps the migration tables; named, lest those of another store in the database count. */
async function migrate(db: Kysely<Database>, schema: string | undefined): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const newer = /previously executed migration (\S+) is missing/.exec(String((error as Error)?.message));
  if (newer)
    throw new StandpointError(
      "store",
      `written by a newer standpoint (its schema has migration ${newer[1]}, unknown to this version): use that version or a later one`,
    );
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new StandpointError("store", `migration ${failed} failed: ${(error as Error).message}`);
  }
}
