/**
 * The pipeline mode of bench:ingest: the same text extracted alone, then ingested with extraction
 * into a new SQLite store and a new PostgreSQL schema, each in this process, with its CPU and wall
 * time. CPU is this process's only: on PostgreSQL the server's own work shows in the wall time.
 * `persons` fills each store first with that many persons of made-up names, as a store that has
 * taken a large corpus holds. Then the same through the CLI's bundle, as users run it, with
 * `--jobs 1` and `--jobs 2`: `extract --json` and `ingest` into SQLite and PostgreSQL, wall and CPU
 * of the whole process (run `npm run build` first); last, two extract processes at once, the most
 * two jobs can gain on the machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { deriveWith } from "../src/ingest/derive.ts";
import { count, emptyTally, ingestInputs } from "../src/ingest/ingest.ts";
import { collectInputs } from "../src/ingest/inputs.ts";
import { extractWithIssues } from "../src/pipeline/document.ts";
import { initialsOf } from "../src/store/initials.ts";
import { openStore, type Store } from "../src/store/open.ts";
import { BIN, requireFreshBundle, runTimed, runTogether } from "./child.ts";
import { random } from "./generate.ts";
import { newsArticle } from "./news.ts";

const PG = process.env.STANDPOINT_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";

interface Timed {
  cpu: number;
  wall: number;
}

async function timed(run: () => Promise<unknown>): Promise<Timed> {
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  await run();
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / 1e6, wall: Number(process.hrtime.bigint() - wall0) / 1e9 };
}

/** Made-up persons, a thousand a statement, as extraction would have stored them. */
async function fillPersons(store: Store, n: number): Promise<void> {
  const rand = random(17);
  const word = () =>
    Array.from({ length: 4 + Math.floor(rand() * 6) }, () =>
      String.fromCharCode(97 + Math.floor(rand() * 26)),
    ).join("");
  for (let i = 0; i < n; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, n - i) }, (_, k) => {
      const [first, last] = [word(), word()];
      const name = `${first[0]?.toUpperCase()}${first.slice(1)} ${last[0]?.toUpperCase()}${last.slice(1)}`;
      return {
        id: `person:${first}-${last}-${i + k}`,
        name,
        kind: "person",
        country: null,
        same_as: null,
        initials: initialsOf(name),
      };
    });
    await store.db.insertInto("actors").values(rows).execute();
  }
}

async function ingestInto(store: Store, file: string): Promise<void> {
  const tally = emptyTally();
  for await (const result of ingestInputs(store.db, await collectInputs([file]), {
    maxBytes: 1 << 30,
    derive: deriveWith([], true),
  }))
    count(tally, result);
  if (tally.failed) throw new Error(`${tally.failed} documents failed`);
}

export async function pipeline(options: { mb: number; persons: number }): Promise<void> {
  requireFreshBundle();
  const texts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < options.mb * 1e6; i++) {
    texts.push(newsArticle(i));
    bytes += Buffer.byteLength(texts[i] as string);
  }
  const dir = mkdtempSync(join(tmpdir(), "standpoint-bench-pipeline-"));
  const file = join(dir, "articles.jsonl");
  writeArticles(file, texts, "p");
  console.log(
    `bench:ingest --pipeline on ${texts.length} generated articles (${(bytes / 1e6).toFixed(1)} MB), extraction with issue detection, node ${process.version}${options.persons ? `; each store first holds ${options.persons} persons` : ""}`,
  );
  const schema = "bench_pipeline";
  const client = new pg.Client({ connectionString: PG });
  await client.connect();
  try {
    const extract = await timed(async () => {
      for (const [i, text] of texts.entries())
        extractWithIssues({ id: `p${i}`, text, published: "2008-02-18" }, { detect: true });
    });
    const line = (label: string, t: Timed) =>
      `${label.padEnd(18)} ${t.wall.toFixed(1).padStart(6)} s wall ${t.cpu.toFixed(1).padStart(6)} s CPU, ${(t.cpu / extract.cpu).toFixed(2)}× extract's CPU, ${(bytes / 1e6 / t.wall).toFixed(2)} MB/s`;
    console.log(line("extract", extract));
    const sqlite = await openStore(join(dir, "store.db"));
    await fillPersons(sqlite, options.persons);
    console.log(line("ingest, SQLite", await timed(() => ingestInto(sqlite, file))));
    await sqlite.close();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const url = new URL(PG);
    url.searchParams.set("schema", schema);
    const postgres = await openStore(url.toString());
    await fillPersons(postgres, options.persons);
    console.log(line("ingest, PostgreSQL", await timed(() => ingestInto(postgres, file))));
    await postgres.close();
    await byTheCli(file, dir, bytes, async () => {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      return url.toString();
    });
    twoProcesses(texts, dir);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI's extract and ingest with one and two jobs; CPU against `extract --jobs 1`, wall against one job. */
async function byTheCli(file: string, dir: string, bytes: number, freshPostgres: () => Promise<string>) {
  console.log("by the CLI (bundle), each a new process: wall and CPU of the process and its threads");
  const base: Record<string, { wall: number; cpu: number }> = {};
  let extractCpu = 0;
  for (const jobs of [1, 2]) {
    const runs: Array<[string, string[]]> = [
      ["extract", ["extract", file, "--json"]],
      ["ingest, SQLite", ["ingest", file, "--db", join(dir, `cli-${jobs}.db`)]],
      ["ingest, PostgreSQL", ["ingest", file, "--db", await freshPostgres()]],
    ];
    for (const [label, args] of runs) {
      const t = runTimed([BIN, ...args, "-q", "--jobs", String(jobs)]);
      if (jobs === 1) base[label] = t;
      if (jobs === 1 && label === "extract") extractCpu = t.cpu;
      const speedup =
        jobs === 1 ? "" : `, ${((base[label]?.wall ?? 0) / t.wall).toFixed(2)}× one job's speed`;
      console.log(
        `${`${label} --jobs ${jobs}`.padEnd(27)} ${(t.wall / 1000).toFixed(1).padStart(6)} s wall ${(t.cpu / 1000).toFixed(1).padStart(6)} s CPU, ${(t.cpu / extractCpu).toFixed(2)}× extract --jobs 1's CPU, ${(bytes / 1e3 / t.wall).toFixed(2)} MB/s${speedup}`,
      );
    }
  }
}

/** Articles as the JSON Lines input of the CLI, ids `prefix` and a number. */
function writeArticles(file: string, texts: string[], prefix: string): void {
  const lines = texts.map((text, i) =>
    JSON.stringify({ id: `${prefix}${i}`, published: "2008-02-18", text }),
  );
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/**
 * What any pool of threads can reach on this machine: `extract --jobs 1` on each half of the text,
 * two processes at once against one after the other. They share nothing but the machine, so a
 * second core that does not double their speed bounds what `--jobs 2` can gain.
 */
function twoProcesses(texts: string[], dir: string): void {
  const half = Math.ceil(texts.length / 2);
  const halves = [texts.slice(0, half), texts.slice(half)].map((part, h) => {
    const file = join(dir, `half-${h}.jsonl`);
    writeArticles(file, part, `h${h}-`);
    return [BIN, "extract", file, "--json", "-q", "--jobs", "1"];
  });
  const apart = halves.reduce((sum, args) => sum + runTimed(args).wall, 0);
  const together = runTogether(halves).wall;
  console.log(
    `the machine's bound for two jobs: extract --jobs 1 on each half, two processes at once ${(together / 1000).toFixed(1)} s wall, one after the other ${(apart / 1000).toFixed(1)} s: ${(apart / together).toFixed(2)}×`,
  );
}
