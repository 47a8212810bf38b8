import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open.ts";
import { BIN } from "../helpers/cli.ts";

/**
 * Starts an ingest that creates `db` and kills it `after` ms after the first file of the store
 * appears: the one it is made in under a temporary name, or the store itself.
 */
function killWhileCreating(db: string, input: string, after: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "ingest", input, "--db", db], { stdio: "ignore" });
    const poll = setInterval(() => {
      if (!existsSync(`${db}.${child.pid}.new`) && !existsSync(db)) return;
      clearInterval(poll);
      setTimeout(() => child.kill("SIGKILL"), after);
    }, 1);
    child.on("error", reject);
    child.on("close", () => {
      clearInterval(poll);
      resolve();
    });
  });
}

describe("a store killed while its schema is made", () => {
  it("opens whole at every moment of the kill", async () => {
    const dir = mkdtempSync(join(tmpdir(), "standpoint-migrate-"));
    const input = join(dir, "a.txt");
    await import("node:fs").then((fs) => fs.writeFileSync(input, "The envoy said the talks would resume."));
    for (const after of [0, 1, 2, 3, 5, 8, 12, 16, 20, 25, 30, 40]) {
      const db = join(dir, `store-${after}.db`);
      await killWhileCreating(db, input, after);
      const store = await openStore(db);
      const count = await sql<{ n: number }>`select count(*) as n from stances`.execute(store.db);
      expect(Number(count.rows[0]?.n)).toBe(0);
      await store.close();
    }
  }, 120_000);

  it("names a store made by a newer version", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "standpoint-newer-")), "s.db");
    const store = await openStore(db);
    await sql`insert into kysely_migration (name, timestamp) values ('999_from_the_future', '2030-01-01')`.execute(
      store.db,
    );
    await store.close();
    await expect(openStore(db)).rejects.toThrow(
      /written by a newer standpoint \(its schema has migration 999_from_the_future/,
    );
  });
});
