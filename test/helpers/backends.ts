import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach } from "vitest";
import { openStore, type Store } from "../../src/store/open.ts";
import { requirement } from "./requirement.ts";

export const TEST_PG = process.env.STANDPOINT_TEST_PG || "postgres://postgres@127.0.0.1:5432/test";

async function postgresReachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_PG, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const havePostgres = requirement(
  `PostgreSQL at ${TEST_PG}`,
  await postgresReachable(),
  "its runs of the store tests",
);

/** The backends every store test runs on; PostgreSQL only where one runs. */
export const BACKENDS: Array<"sqlite" | "postgres"> = havePostgres ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestStore {
  /** What `--db` takes to reach this store. */
  target: string;
  open(): Promise<Store>;
  /** Removes the store's file or schema. */
  dispose(): Promise<void>;
}

/** A fresh, empty store: a file in a temporary folder, or a schema of its own in the test database. */
export function testStore(backend: "sqlite" | "postgres"): TestStore {
  if (backend === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "standpoint-test-"));
    return {
      target: join(dir, "store.db"),
      open: () => openStore(join(dir, "store.db")),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `sp_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(TEST_PG);
  url.searchParams.set("schema", schema);
  return {
    target: url.toString(),
    open: () => openStore(url.toString()),
    dispose: async () => {
      const client = new pg.Client({ connectionString: TEST_PG });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/**
 * A fresh store for each test of the enclosing block: opened (and filled, if asked) before it and
 * handed to `use`, closed and removed after it.
 */
export function storePerTest(
  backend: "sqlite" | "postgres",
  use: (store: Store, place: TestStore) => void,
  fill?: (store: Store) => Promise<unknown>,
): void {
  let place: TestStore | undefined;
  let store: Store | undefined;
  beforeEach(async () => {
    place = testStore(backend);
    store = await place.open();
    await fill?.(store);
    use(store, place);
  });
  afterEach(async () => {
    await store?.close();
    await place?.dispose();
  });
}
