/**
 * npm run bench:queue [-- --articles N] — generated news articles through `ingest --queue` and
 * `worker` processes into PostgreSQL: with one worker and with two (articles/s each way and the
 * ratio), then two workers of which one is killed with kill -9 a third of the way through:
 * documents stored, stored twice (must be 0) and how long its batch waited for another worker.
 * The PostgreSQL server runs on the same machine as the workers. STANDPOINT_BENCH_PG names it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { QUEUE, queueSchema } from "../src/queue/boss.ts";
import { newsArticle } from "./news.ts";

const { values } = parseArgs({ options: { articles: { type: "string", default: "20000" } } });
const N = Number(values.articles);
const BASE = process.env.STANDPOINT_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const BIN = new URL("../bin/standpoint", import.meta.url).pathname;
const LEASE = 10;

const dir = mkdtempSync(join(tmpdir(), "standpoint-bench-queue-"));
const client = new pg.Client({ connectionString: BASE });
await client.connect();

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "inherit"] });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));

async function freshStore(label: string): Promise<{ url: string; schema: string }> {
  const schema = `bench_queue_${label}`;
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.query(`DROP SCHEMA IF EXISTS ${queueSchema(schema)} CASCADE`);
  const url = new URL(BASE);
  url.searchParams.set("schema", schema);
  return { url: url.toString(), schema };
}

async function counts(schema: string) {
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM ${schema}.documents)::int AS documents,
            (SELECT count(DISTINCT id) FROM ${schema}.documents)::int AS ids,
            (SELECT count(*) FROM ${schema}.duplicates)::int AS duplicates,
            (SELECT count(*) FROM ${schema}.quotes)::int AS quotes,
            (SELECT count(*) FROM ${queueSchema(schema)}.job WHERE name = $1 AND state = 'failed')::int AS failed`,
    [QUEUE],
  );
  return rows[0] as { documents: number; ids: number; duplicates: number; quotes: number; failed: number };
}

/** Queues the corpus, then runs `workers` processes until the queue is empty; kills one after `killAt` documents. */
async function run(label: string, file: string, workers: number, killAt?: number) {
  const { url, schema } = await freshStore(label);
  const queuedAt = Date.now();
  if ((await exited(cli(["ingest", file, "--queue", "--lease", String(LEASE), "-q", "--db", url]))) !== 0)
    throw new Error(`${label}: ingest --queue failed`);
  const enqueueSeconds = (Date.now() - queuedAt) / 1000;
  const started = Date.now();
  const children = Array.from({ length: workers }, () => cli(["worker", "--drain", "-q", "--db", url]));
  const ends = children.map(exited);
  let killedAt: number | undefined;
  if (killAt !== undefined) {
    while ((await counts(schema)).documents < killAt) await new Promise((r) => setTimeout(r, 200));
    children[0]?.kill("SIGKILL");
    killedAt = Date.now();
  }
  await Promise.all(ends);
  const seconds = (Date.now() - started) / 1000;
  const stored = await counts(schema);
  const recovered = killedAt
    ? await client.query(
        `SELECT extract(epoch FROM max(completed_on))::float * 1000 AS last FROM ${queueSchema(schema)}.job
          WHERE name = $1 AND retry_count > 0`,
        [QUEUE],
      )
    : undefined;
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.query(`DROP SCHEMA IF EXISTS ${queueSchema(schema)} CASCADE`);
  return {
    enqueueSeconds,
    seconds,
    rate: N / seconds,
    stored,
    killedAt,
    retriedDone: recovered?.rows[0]?.last,
  };
}

try {
  const file = join(dir, "articles.jsonl");
  const lines: string[] = [];
  for (let i = 0; i < N; i++)
    lines.push(
      JSON.stringify({
        id: `q${i}`,
        outlet: `Outlet ${i % 13}`,
        published: "2008-02-18",
        text: newsArticle(i),
      }),
    );
  writeFileSync(file, `${lines.join("\n")}\n`);
  const mb = Buffer.byteLength(lines.join("\n")) / 1e6;
  console.log(
    `bench:queue on ${N} generated articles (${mb.toFixed(1)} MB), PostgreSQL at ${BASE}, node ${process.version}`,
  );
  const one = await run("one", file, 1);
  console.log(
    `1 worker:  queued in ${one.enqueueSeconds.toFixed(1)} s; stored in ${one.seconds.toFixed(1)} s, ${one.rate.toFixed(1)} articles/s (${one.stored.documents} documents, ${one.stored.quotes} quotes)`,
  );
  const two = await run("two", file, 2);
  console.log(
    `2 workers: queued in ${two.enqueueSeconds.toFixed(1)} s; stored in ${two.seconds.toFixed(1)} s, ${two.rate.toFixed(1)} articles/s (${two.stored.documents} documents, ${two.stored.quotes} quotes); ${(two.rate / one.rate).toFixed(2)}× one worker`,
  );
  const killed = await run("killed", file, 2, Math.floor(N / 3));
  // Every article is distinct: a document or duplicate row beyond N, or quotes beyond one
  // worker's, would be something stored twice.
  const twice = killed.stored.documents + killed.stored.duplicates - N;
  const sameQuotes = killed.stored.quotes === one.stored.quotes && two.stored.quotes === one.stored.quotes;
  const waited =
    killed.retriedDone && killed.killedAt
      ? ((killed.retriedDone - killed.killedAt) / 1000).toFixed(1)
      : "n/a";
  console.log(
    `2 workers, one killed with kill -9 after ${Math.floor(N / 3)} documents: ${killed.stored.documents} of ${N} stored, ${killed.stored.failed} failed, stored twice ${twice}, quotes ${sameQuotes ? "as with one worker" : `${killed.stored.quotes} against one worker's ${one.stored.quotes}`}; the killed batch stored ${waited} s after the kill (lease ${LEASE} s); all in ${killed.seconds.toFixed(1)} s`,
  );
} finally {
  await client.end();
  rmSync(dir, { recursive: true, force: true });
}
