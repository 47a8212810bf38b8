import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { jsonLines, runCli } from "../helpers/cli.ts";
import { HAVE_SEEDS, SEEDS } from "../helpers/shared.ts";

const STORY =
  "Russia said the declaration was illegal and asked the Council to annul it. Western members said the status process had run its course and that independence was the only option left.";

function badBatch(): string {
  const dir = mkdtempSync(join(tmpdir(), "standpoint-cli-"));
  chmodSync(dir, 0o755);
  const files: Record<string, string | Buffer> = {
    "good-1.txt": `Title of the first\n\nBy Jane Doe\n23 July 2007\n\n${STORY}`,
    "good-2.md": `# Second\n\n${STORY} More.`,
    "empty.txt": "",
    "binary.html": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    "latin1.txt": Buffer.from("Ko caf\u00e9 au lait", "latin1"),
    "cut.html": `<html><body><article><p>${STORY}</p><p>And then`,
    "mixed.jsonl": [
      JSON.stringify({ id: "line-1", text: `${STORY} One.` }),
      "{broken",
      JSON.stringify({ id: "line-3", text: `${STORY} Three.` }),
    ].join("\n"),
    "huge.txt": Buffer.alloc(50 * 1024 * 1024 + 1, "a word "),
    "locked.txt": STORY,
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  chmodSync(join(dir, "locked.txt"), 0o000);
  return dir;
}

describe.each(BACKENDS)("standpoint ingest on %s", (backend) => {
  let place: TestStore;
  let dir: string;
  beforeAll(() => {
    place = testStore(backend);
    dir = badBatch();
  });
  afterAll(() => place.dispose());

  it("stores every good article and gives each bad input one line naming it and the problem", async () => {
    // root reads any file, so the unreadable file is tested as an unprivileged user where we are root
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const dbDir = mkdtempSync(join(tmpdir(), "standpoint-db-"));
    chmodSync(dbDir, 0o777);
    const target = backend === "sqlite" ? join(dbDir, "store.db") : place.target;
    const run = await runCli(["ingest", dir, join(dir, "missing.txt"), "--db", target], {
      ...asNobody,
      env: { HOME: dbDir },
    });
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/missing\.txt: no such file or folder$/),
        expect.stringMatching(/empty\.txt: empty file$/),
        expect.stringMatching(/binary\.html: binary data, not text/),
        expect.stringMatching(/latin1\.txt: invalid UTF-8 at byte 6$/),
        expect.stringMatching(/mixed\.jsonl:2: malformed JSON/),
        expect.stringMatching(/huge\.txt: too large: 50\.0 MiB over the limit of 10 MiB/),
        expect.stringMatching(/locked\.txt: permission denied$/),
        expect.stringMatching(/warning: .*cut\.html: truncated HTML/),
      ]),
    );
    expect(lines).toHaveLength(8);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/5 added, 0 unchanged, 0 replaced, 0 duplicates, 7 failed/);
    const docs = jsonLines((await runCli(["docs", "--json", "--db", target])).stdout);
    expect(docs.map((d) => d.id).sort()).toEqual(["cut", "good-1", "good-2", "line-1", "line-3"]);
  });
});

describe.each(BACKENDS)("the document commands on %s", (backend) => {
  let place: TestStore;
  beforeAll(() => {
    place = testStore(backend);
  });
  afterAll(() => place.dispose());

  it.skipIf(!HAVE_SEEDS)(
    "ingest the seeds, report them unchanged the second time, list and show them",
    async () => {
      const first = await runCli(["ingest", SEEDS, "--db", place.target]);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(
        /2 added, 0 unchanged, 0 replaced, 0 duplicates, 0 failed; 2 other files passed over/,
      );
      const again = await runCli(["ingest", SEEDS, "--db", place.target, "--json"]);
      const rows = jsonLines(again.stdout);
      expect(rows.slice(0, 2).map((r) => r.status)).toEqual(["unchanged", "unchanged"]);
      expect(rows[2]).toMatchObject({ summary: { added: 0, unchanged: 2, failed: 0 } });

      const docs = jsonLines((await runCli(["docs", "--json", "--db", place.target])).stdout);
      expect(docs).toEqual([
        {
          id: "000_ab43830253b2613d",
          outlet: null,
          published: "2007-07-23",
          title: "US and Russia at loggerheads over Kosovo independence",
          chars: 9923,
          near_copy_of: null,
        },
        {
          id: "003_d2821416fc5f562e",
          outlet: "People's World",
          published: "2008-02",
          title: null,
          chars: 4930,
          near_copy_of: null,
        },
      ]);
      const table = (await runCli(["docs", "--db", place.target])).stdout.split("\n");
      expect(table[0]).toMatch(/^ID\s+OUTLET\s+PUBLISHED\s+CHARS\s+TITLE$/);
      expect(table[1]).toMatch(/^000_ab43830253b2613d\s+-\s+2007-07-23\s+9923\s+US and Russia/);

      const shown = await runCli(["show", "000_ab43830253b2613d", "--db", place.target]);
      expect(shown.stdout).toMatch(/^author\s+Paul Mitchell {2}\(text\)$/m);
      expect(shown.stdout).toContain("Burns told the daily newspaper");
      const json = jsonLines(
        (await runCli(["show", "003_d2821416fc5f562e", "--json", "--db", place.target])).stdout,
      )[0];
      expect(json).toMatchObject({
        published: "2008-02",
        outlet: "People's World",
        provenance: { published: "sidecar" },
      });
      expect(String(json?.text).length).toBe(4930);
    },
  );

  it("ingest the sample corpus: every format, a duplicate and a near-copy", async () => {
    const run = await runCli(["ingest", "examples/articles", "--db", place.target]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(
      /8 added, 0 unchanged, 0 replaced, 1 duplicate, 0 failed; 1 near-copy grouped/,
    );
    const docs = jsonLines((await runCli(["docs", "--json", "--db", place.target])).stdout);
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.get("2008-02-17-kosovo-declares-independence")).toMatchObject({
      outlet: "Meridian Daily",
      published: "2008-02-17",
    });
    expect(byId.get("2008-02-18-security-council-meeting")).toMatchObject({ outlet: "Atlas News Service" });
    expect(byId.get("hg-2008-10-09-icj-vote")).toMatchObject({ near_copy_of: "bw-2008-10-08-icj-vote" });
    expect(byId.has("hg-2008-02-23-putin")).toBe(false);
    const dup = jsonLines(
      (await runCli(["show", "hg-2008-02-23-putin", "--json", "--db", place.target])).stdout,
    )[0];
    expect(dup).toMatchObject({ duplicate_of: "bw-2008-02-22-putin-precedent", outlet: "Harbour Gazette" });
    // The batch leaves its tables settled: vacuumed (PostgreSQL) and with the planner's statistics.
    const store = await place.open();
    try {
      const settled =
        store.backend === "postgres"
          ? await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_user_tables
              WHERE schemaname = current_schema() AND relname = 'quotes' AND last_vacuum IS NOT NULL`.execute(
              store.db,
            )
          : await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_stat1 WHERE tbl = 'quotes'`.execute(
              store.db,
            );
      expect(Number(settled.rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it("stores and extracts again with --jobs 2 what one thread does: documents, quotes, positions, timeline", async () => {
    const [one, two] = [testStore(backend), testStore(backend)];
    try {
      await runCli(["ingest", "examples/articles", "--db", one.target, "--jobs", "1"]);
      const run = await runCli(["ingest", "examples/articles", "--db", two.target, "--jobs", "2"]);
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toMatch(
        /8 added, 0 unchanged, 0 replaced, 1 duplicate, 0 failed; 1 near-copy grouped/,
      );
      const same = async () => {
        for (const args of [
          ["docs", "--json"],
          ["quotes", "--json", "--limit", "1000"],
          ["positions", "--issue", "kosovo-independence", "--json"],
          ["timeline", "--issue", "kosovo-independence", "--json"],
          ["actors", "--json"],
        ]) {
          const alone = await runCli([...args, "--db", one.target]);
          const shared = await runCli([...args, "--db", two.target]);
          expect(shared.stdout, args.join(" ")).toBe(alone.stdout);
        }
      };
      await same();
      const again = ["reextract", "--issue", "independence of Abkhazia", "-q"];
      await runCli([...again, "--db", one.target, "--jobs", "1"]);
      const rerun = await runCli([...again, "--db", two.target, "--jobs", "2"]);
      expect(rerun.stdout).toMatch(/8 documents extracted again, 0 failed/);
      await same();
    } finally {
      await one.dispose();
      await two.dispose();
    }
  });

  it("reads standard input", async () => {
    const run = await runCli(["ingest", "-", "--db", place.target, "--json"], {
      input: `By Ann Lee\n18 February 2008\n\n${STORY}`,
    });
    const [row] = jsonLines(run.stdout);
    expect(row).toMatchObject({ status: "added", where: "<stdin>" });
    const shown = jsonLines(
      (await runCli(["show", String(row?.id), "--json", "--db", place.target])).stdout,
    )[0];
    expect(shown).toMatchObject({ author: "Ann Lee", published: "2008-02-18" });
  });

  it("answers an unknown id, option or command with one line and a non-zero code", async () => {
    const missing = await runCli(["show", "nope", "--db", place.target]);
    expect(missing).toMatchObject({ code: 1, stderr: 'standpoint: no document with id "nope"\n' });
    const option = await runCli(["docs", "--colour", "--db", place.target]);
    expect(option.code).toBe(2);
    expect(option.stderr.trim().split("\n")).toEqual(["error: unknown option '--colour'"]);
    const size = await runCli(["ingest", "x.txt", "--max-size", "lots", "--db", place.target]);
    expect(size.code).toBe(2);
    expect(size.stderr.trim()).toMatch(
      /^error: option '--max-size <size>' argument 'lots' is invalid\. not a size: lots/,
    );
  });
});

describe("a store that is not there", () => {
  it("is not created by a read command", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "standpoint-none-")), "none.db");
    const run = await runCli(["docs", "--db", path]);
    expect(run).toMatchObject({
      code: 1,
      stderr: `standpoint: ${path}: no store here yet (run \`standpoint ingest\` first)\n`,
    });
  });

  it("names an unreachable PostgreSQL server", async () => {
    const run = await runCli(["docs", "--db", "postgres://nobody@127.0.0.1:1/none"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^standpoint: postgres:\/\/nobody@127\.0\.0\.1:1\/none: cannot connect to PostgreSQL: .*ECONNREFUSED.*\n$/,
    );
  });
});
