import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { BIN, jsonLines, runCli } from "../helpers/cli.ts";
import { reportFiles } from "../helpers/ingest.ts";

const COUNT = 600;

/** Starts an ingest and kills it with SIGKILL once it has stored `after` documents. */
function ingestKilledAfter(
  dir: string,
  target: string,
  after: number,
): Promise<{ seen: number; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "ingest", dir, "--db", target, "--json"]);
    let seen = 0;
    let buffer = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      seen = buffer.split("\n").length - 1;
      if (seen >= after) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve({ seen, signal, stderr }));
  });
}

describe.each(BACKENDS)("an ingest killed with SIGKILL on %s", (backend) => {
  let place: TestStore;
  let dir: string;
  beforeAll(() => {
    place = testStore(backend);
    dir = reportFiles(COUNT, 30);
  });
  afterAll(() => place.dispose());

  it("leaves only whole documents, and the same command run again completes the batch", async () => {
    const killed = await ingestKilledAfter(dir, place.target, 40);
    expect(killed).toMatchObject({ signal: "SIGKILL", stderr: "" });
    expect(killed.seen).toBeLessThan(COUNT);

    const store = await place.open();
    const rows = await store.db
      .selectFrom("documents")
      .select(["id", "text", "hash", "chars", "author"])
      .execute();
    await store.close();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.length).toBeLessThan(COUNT);
    for (const row of rows) {
      expect(createHash("sha256").update(row.text).digest("hex")).toBe(row.hash);
      expect(row.chars).toBe(row.text.length);
      expect(row.author).toBe("Ann Lee");
    }

    const again = await runCli(["ingest", dir, "--db", place.target, "--json"]);
    expect(again.code).toBe(0);
    const summary = jsonLines(again.stdout).at(-1)?.summary as Record<string, number>;
    expect(summary).toMatchObject({
      unchanged: rows.length,
      added: COUNT - rows.length,
      failed: 0,
      replaced: 0,
    });
  }, 240_000);
});
