import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type SQLiteModule from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { jsonLines, runCli } from "../helpers/cli.ts";

const SQLite = createRequire(import.meta.url)("better-sqlite3") as typeof SQLiteModule;
const NOBODY = 65534;

function place(): string {
  const dir = mkdtempSync(join(tmpdir(), "standpoint-files-"));
  chmodSync(dir, 0o755);
  writeFileSync(
    join(dir, "a.jsonl"),
    `${JSON.stringify({ id: "a", title: "Talks \u001b[2J\u001b]8;;http://evil.example\u0007resume", text: "The envoy said the talks would resume." })}\n`,
  );
  return dir;
}

describe("what --db is given", () => {
  it("never turns an empty file, another file or another program's database into a store", async () => {
    const dir = place();
    writeFileSync(join(dir, "empty.db"), "");
    writeFileSync(join(dir, "notes.db"), "my notes\n");
    const other = new SQLite(join(dir, "app.db"));
    other.exec("create table users (id integer)");
    other.close();
    for (const [file, message] of [
      ["empty.db", /empty\.db: an empty file, not a store/],
      ["notes.db", /notes\.db: not a SQLite file/],
      ["app.db", /app\.db: a SQLite database of something else \(tables users\)/],
    ] as const) {
      for (const args of [["docs"], ["ingest", join(dir, "a.jsonl")]]) {
        const run = await runCli([...args, "--db", join(dir, file)]);
        expect(run.code, `${args[0]} ${file}`).not.toBe(0);
        expect(run.stderr.trim().split("\n"), `${args[0]} ${file}`).toEqual([expect.stringMatching(message)]);
      }
    }
  });

  it("reads a store its user may not write", async () => {
    const dir = place();
    const db = join(dir, "s.db");
    expect((await runCli(["ingest", join(dir, "a.jsonl"), "--db", db])).code).toBe(0);
    chmodSync(db, 0o444);
    chmodSync(dir, 0o777);
    const run = await runCli(["docs", "--db", db, "--json"], { uid: NOBODY });
    expect(run.stderr).toBe("");
    expect(jsonLines(run.stdout).map((d) => d.id)).toEqual(["a"]);
  });

  it("prints no control character of a stored title to the terminal", async () => {
    const dir = place();
    const db = join(dir, "s.db");
    await runCli(["ingest", join(dir, "a.jsonl"), "--db", db]);
    const run = await runCli(["docs", "--db", db]);
    expect(run.stdout).toContain("Talks \ufffd[2J\ufffd]8;;http://evil.example\ufffdresume");
    expect(run.stdout.replace(/[\t\n]/g, "")).not.toMatch(/\p{Cc}/u);
  });
});
