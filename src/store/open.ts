import type { Kysely } from "kysely";
import { Migrator } from "kysely";
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
  if (backend === "postgres") {
    const postgres = await import("./postgres/connect.ts");
    db = await postgres.connectPostgres(target);
    location = postgres.redactUrl(target);
    schema = await postgres.currentSchema(db);
  } else {
    const sqlite = await import("./sqlite/connect.ts");
    db = sqlite.connectSqlite(target, options.mustExist ?? false);
  }
  try {
    await migrate(db, schema);
  } catch (error) {
    await db.destroy();
    throw error instanceof StandpointError
      ? error
      : new StandpointError("store", `cannot prepare the store: ${(error as Error).message}`, location);
  }
  return { db, backend, location, close: () => db.destroy() };
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
