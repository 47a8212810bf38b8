import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeContents } from "../../fuzz/contents.ts";
import { QUEUE, queueSchema, startBoss } from "../../src/queue/boss.ts";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { BIN, jsonLines, ROOT, runCli } from "../helpers/cli.ts";
import { reportFiles } from "../helpers/ingest.ts";

const CODEBOOK = "examples/codebooks/kosovo-independence.json";

describe("the queue's usage errors", () => {
  it("refuses a SQLite store for ingest --queue, worker and queue, on one line and before making a file", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "standpoint-queue-"));
    for (const args of [["ingest", join(ROOT, "examples/articles"), "--queue"], ["worker"], ["queue"]]) {
      const run = await runCli(args, { cwd, env: { STANDPOINT_DB: "" } });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(
        /^standpoint: .*needs a PostgreSQL store .*standpoint\.db would be a SQLite file\n$/,
      );
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("refuses a lease under pg-boss's 10 s, a batch of 0 and --queue without extraction", async () => {
    const pgUrl = "postgres://nobody@127.0.0.1:1/none";
    const lease = await runCli(["ingest", "x.txt", "--queue", "--lease", "5", "--db", pgUrl]);
    expect(lease).toMatchObject({ code: 2 });
    expect(lease.stderr).toMatch(/not a lease in whole seconds from 10 to 86400: 5\n$/);
    const batch = await runCli(["worker", "--batch", "0", "--db", pgUrl]);
    expect(batch).toMatchObject({ code: 2 });
    expect(batch.stderr).toMatch(/not a batch size from 1 to 1000: 0\n$/);
    const bare = await runCli(["ingest", "examples/articles", "--queue", "--no-extract", "--db", pgUrl]);
    expect(bare).toMatchObject({ code: 2 });
    expect(bare.stderr).toMatch(/^standpoint: --queue and --no-extract: workers extract; .*\n$/);
  });
});

const queueTests = BACKENDS.includes("postgres") ? describe : describe.skip;

queueTests("ingest --queue and workers on PostgreSQL", () => {
  const places: TestStore[] = [];
  const place = () => {
    const made = testStore("postgres");
    places.push(made);
    return made;
  };
  afterAll(async () => {
    for (const p of places) {
      await p.dispose();
      await dropQueue(p.target);
    }
  });

  it("one worker stores the sample corpus as ingest does, duplicate and near-copy included", async () => {
    const [queued, direct] = [place(), place()];
    const enqueue = await runCli([
      "ingest",
      "examples/articles",
      "--codebook",
      CODEBOOK,
      "--queue",
      "--db",
      queued.target,
    ]);
    expect(enqueue.stderr).toBe("");
    expect(enqueue.stdout).toMatch(
      /: 9 queued, 0 queued before, 0 failed .*`standpoint worker` with the same --db stores them\n$/,
    );
    const work = await runCli(["worker", "--drain", "--db", queued.target]);
    expect(work).toMatchObject({ code: 0, stderr: "" });
    expect(work.stdout).toMatch(
      /8 added, 0 unchanged, 0 replaced, 1 duplicate, 0 failed; 1 near-copy grouped/,
    );
    await runCli(["ingest", "examples/articles", "--codebook", CODEBOOK, "--db", direct.target]);
    const [a, b] = await Promise.all([contents(queued), contents(direct)]);
    expect(a.stances.length).toBeGreaterThan(5);
    expect(a).toEqual(b);
  }, 120_000);

  describe("a worker killed with kill -9 mid-batch, two others taking over", () => {
    const COUNT = 120;
    let target: string;
    beforeAll(async () => {
      target = place().target;
      const enqueue = await runCli([
        "ingest",
        reportFiles(COUNT, 60),
        "--queue",
        "--lease",
        "10",
        "--db",
        target,
      ]);
      expect(enqueue.stdout).toMatch(new RegExp(`: ${COUNT} queued, 0 queued before, 0 failed`));
    }, 60_000);

    it("loses nothing: the killed batch goes to another worker after its lease, each document stored once", async () => {
      // A worker runs alone until it has stored more than a batch (after its first, pg-boss may wait a
      // poll before the next fetch; after a second it fetches at once), so the jobs held when it is
      // killed are its own. A kill that lands between two batches, or while a fetch is under way (the
      // database then rolls the fetch back), leaves nothing held: another worker is then tried.
      const victims: Worker[] = [];
      let held = 0;
      while (held === 0 && victims.length < 5) {
        const victim = startWorker(target);
        victims.push(victim);
        await victim.stored(9);
        victim.child.kill("SIGKILL");
        await victim.done;
        held = Number(jsonLines((await runCli(["queue", "--json", "--db", target])).stdout)[0]?.active);
      }
      expect(held).toBeGreaterThan(0);
      const workers = [startWorker(target), startWorker(target)];
      const finished = await Promise.all(workers.map((w) => w.done));
      for (const run of finished) expect(run.code).toBe(0);
      const stored = [...victims, ...workers].flatMap((w) => w.rows());
      expect(stored.every((r) => r.status === "added" || r.status === "unchanged")).toBe(true);
      const added = stored.filter((r) => r.status === "added").map((r) => r.id);
      expect(new Set(added).size).toBe(added.length);
      // A worker killed while printing has stored articles it never reported: the one that takes
      // its batch over reports them unchanged.
      expect(new Set(stored.map((r) => r.id)).size).toBe(COUNT);
      const status = jsonLines((await runCli(["queue", "--json", "--db", target])).stdout)[0];
      expect(status).toMatchObject({ queued: 0, active: 0, done: COUNT, failed: 0 });
      expect(await retried(target)).toBeGreaterThan(0);
      const docs = jsonLines((await runCli(["docs", "--json", "--limit", "1000", "--db", target])).stdout);
      expect(docs).toHaveLength(COUNT);
    }, 180_000);
  });

  it("fails a malformed job with its error for good, stores the rest, and queues nothing twice", async () => {
    const { target } = place();
    const dir = reportFiles(5, 3);
    await runCli(["ingest", dir, "--queue", "--db", target]);
    const again = await runCli(["ingest", dir, "--queue", "--db", target]);
    expect(again.stdout).toMatch(/: 0 queued, 5 queued before, 0 failed/);
    await sendJob(target, { article: { id: "broken", source: "feed:7" }, issues: null, seq: 0 });
    const work = await runCli(["worker", "--drain", "--db", target]);
    expect(work.code).toBe(1);
    expect(work.stderr).toBe("standpoint: feed:7: the job's article has no text (a string)\n");
    expect(work.stdout).toMatch(/5 added, 0 unchanged, 0 replaced, 0 duplicates, 1 failed/);
    const status = jsonLines((await runCli(["queue", "--json", "--db", target])).stdout)[0];
    expect(status).toMatchObject({
      queued: 0,
      done: 5,
      failed: 1,
      failures: [{ where: "feed:7", error: "the job's article has no text (a string)" }],
    });
    const shown = await runCli(["queue", "--db", target]);
    expect(shown.stdout).toMatch(
      /failed articles \(1 of 1, newest first\):\n {2}feed:7: the job's article has no text/,
    );
  }, 120_000);

  it("carries --learned to the workers: stances read by the learned model are stored for its jobs only", async () => {
    const { target } = place();
    const text =
      "Kosovo declared independence on Sunday. Serbia recalled its ambassador from Washington in protest.";
    const [plain, learned] = ["plain", "learned"].map((name) => {
      const dir = mkdtempSync(join(tmpdir(), `standpoint-${name}-`));
      writeFileSync(join(dir, `${name}.txt`), `${text} The ${name} copy.`);
      return dir;
    }) as [string, string];
    const issue = ["--issue", "independence of Kosovo"];
    await runCli(["ingest", plain, "--queue", ...issue, "--db", target]);
    await runCli(["ingest", learned, "--queue", ...issue, "--learned", "--db", target]);
    await runCli(["worker", "--drain", "--db", target]);
    const client = new pg.Client({ connectionString: target.replace(/\?.*$/, "") });
    await client.connect();
    try {
      const rows = await client.query(
        `SELECT d.source, s.rule FROM "${schemaOf(target)}".stances s JOIN "${schemaOf(target)}".documents d ON d.id = s.document_id`,
      );
      const rulesOf = (name: string) =>
        rows.rows.filter((r) => String(r.source).endsWith(`${name}.txt`)).map((r) => r.rule);
      expect(rulesOf("plain").length).toBeGreaterThan(0);
      expect(rulesOf("plain")).not.toContain("learned:stance-pairs");
      expect(rulesOf("learned")).toContain("learned:stance-pairs");
    } finally {
      await client.end();
    }
  }, 120_000);

  it("a worker that cannot reach the database says so on one line and keeps trying until stopped", async () => {
    const worker = startWorker("postgres://postgres@127.0.0.1:1/test", []);
    // Two tries told, however long a loaded machine takes to start the worker.
    await worker.complained(2);
    worker.child.kill("SIGTERM");
    const run = await worker.done;
    const lines = run.stderr.trim().split("\n");
    expect(lines.pop()).toBe("standpoint: worker: stopped before the store could be reached");
    expect(run.code).toBe(0);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines)
      expect(line).toMatch(/^standpoint: worker: .*cannot connect to PostgreSQL.*; trying again in \d+ s$/);
    expect(lines[1]).toMatch(/trying again in 2 s$/);
  }, 30_000);
});

async function contents(place: TestStore) {
  const store = await place.open();
  try {
    return await storeContents(store);
  } finally {
    await store.close();
  }
}

interface Worker {
  child: ReturnType<typeof spawn>;
  /** Resolves once the worker has reported `n` stored documents. */
  stored(n: number): Promise<void>;
  /** Resolves once the worker has written `n` lines to standard error. */
  complained(n: number): Promise<void>;
  rows(): Array<Record<string, unknown>>;
  done: Promise<{ code: number | null; stderr: string }>;
}

function startWorker(target: string, extra = ["--drain", "--batch", "8", "--json"]): Worker {
  const child = spawn(process.execPath, [BIN, "worker", "--db", target, ...extra], { cwd: ROOT });
  let stdout = "";
  let stderr = "";
  const waiting: Array<{ n: number; resolve: () => void }> = [];
  const complaints: Array<{ n: number; resolve: () => void }> = [];
  const rows = () =>
    jsonLines(stdout.slice(0, stdout.lastIndexOf("\n") + 1)).filter((r) => !("summary" in r));
  child.stdout?.on("data", (d) => {
    stdout += d;
    const count = rows().length;
    for (const w of waiting.filter((w) => count >= w.n)) w.resolve();
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
    const lines = stderr.split("\n").length - 1;
    for (const w of complaints.filter((w) => lines >= w.n)) w.resolve();
  });
  return {
    child,
    stored: (n) => new Promise((resolve) => waiting.push({ n, resolve })),
    complained: (n) => new Promise((resolve) => complaints.push({ n, resolve })),
    rows,
    done: new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr }))),
  };
}

/** The store's schema, from its URL. */
const schemaOf = (target: string) => new URL(target).searchParams.get("schema") ?? "public";

/** Jobs that were taken again after a worker held them: the killed worker's batch. */
async function retried(target: string): Promise<number> {
  const client = new pg.Client({ connectionString: target.replace(/\?.*$/, "") });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM ${queueSchema(schemaOf(target))}.job WHERE name = $1 AND retry_count > 0`,
      [QUEUE],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Queues a job as any program with the database could, bypassing `ingest --queue`. */
async function sendJob(target: string, data: object): Promise<void> {
  const boss = await startBoss(target, schemaOf(target), { supervise: false });
  try {
    await boss.send(QUEUE, data);
  } finally {
    await boss.stop({ graceful: false });
  }
}

async function dropQueue(target: string): Promise<void> {
  const client = new pg.Client({ connectionString: target.replace(/\?.*$/, "") });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${queueSchema(schemaOf(target))} CASCADE`);
  await client.end();
}
