/**
 * npm run bench:query — p50 and p95 latency of the questions users ask (quote searches with each
 * filter, positions now and at a date) on a generated store of 1,000,000 quotes, on SQLite and on
 * PostgreSQL (when one runs at STANDPOINT_TEST_PG). BENCH_QUOTES sets the size; the stores are kept
 * under BENCH_DIR (default: the system's temporary folder) and reused by later runs.
 */
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { positions } from "../src/resolve/positions.ts";
import { findQuotes, type QuoteFilters } from "../src/resolve/quotes.ts";
import { openStore, type Store } from "../src/store/open.ts";
import { random } from "./generate.ts";
import { buildStore, ISSUES, stateCodes, vocabulary } from "./query-store.ts";

const QUOTES = Number(process.env.BENCH_QUOTES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DIR = process.env.BENCH_DIR ?? join(tmpdir(), "standpoint-bench-query");
const PG = process.env.STANDPOINT_TEST_PG || "postgres://postgres@127.0.0.1:5432/test";
const GOAL_MS = 50;

async function postgresUp(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ready(target: string, label: string): Promise<Store> {
  const store = await openStore(target);
  const row = await store.db
    .selectFrom("quotes")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  const have = Number(row?.n ?? 0);
  if (have === QUOTES) return store;
  if (have) throw new Error(`${label} holds ${have} quotes, not ${QUOTES}: remove it or set BENCH_DIR`);
  console.log(`${label}: building a store of ${QUOTES} quotes`);
  const seconds = await buildStore(store, QUOTES, (line) => console.log(line));
  console.log(`${label}: built in ${seconds.toFixed(0)} s`);
  return store;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function time(name: string, run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await run(1000 + i);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p95 = percentile(ms, 95);
  console.log(
    `  ${name.padEnd(34)} p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  max ${(ms[ms.length - 1] as number).toFixed(1).padStart(6)} ms`,
  );
  return p95;
}

async function bench(store: Store, label: string): Promise<void> {
  const rand = random(9);
  const words = vocabulary();
  const states = stateCodes().slice(0, 40);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
  // Words from the vocabulary's middle and tail: a few hundred to a few thousand quotes each.
  const searchWord = () => words[30 + Math.floor(rand() * 3000)] as string;
  const day = () => `2008-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
  const quotes = (filters: () => QuoteFilters) => (_: number) =>
    findQuotes(store, { limit: 50, ...filters() });
  console.log(`${label} (${RUNS} runs each, after 5 warm-up runs):`);
  const p95s = [
    await time(
      "quotes --speaker",
      quotes(() => ({ speaker: `person:p${Math.floor(rand() * 300)}` })),
    ),
    await time(
      "quotes --actor (officials too)",
      quotes(() => ({ actor: `state:${pick(states)}` })),
    ),
    await time(
      "quotes --issue --from --to",
      quotes(() => ({ issue: pick(ISSUES), from: "2008-02", to: "2008-03" })),
    ),
    await time(
      "quotes --outlet",
      quotes(() => ({ outlet: `Outlet ${Math.floor(rand() * 40)}` })),
    ),
    await time(
      "quotes --search (one word)",
      quotes(() => ({ search: searchWord() })),
    ),
    await time(
      "quotes --search (two words)",
      quotes(() => ({ search: `${searchWord()} ${words[3 + Math.floor(rand() * 20)]}` })),
    ),
    await time(
      "quotes --search --issue",
      quotes(() => ({ search: searchWord(), issue: "kosovo-independence" })),
    ),
    await time("positions --issue", () => positions(store.db, pick(ISSUES))),
    await time("positions --issue --at", () => positions(store.db, pick(ISSUES), { at: day() })),
  ];
  const worst = Math.max(...p95s);
  console.log(
    `  worst p95 ${worst.toFixed(1)} ms: ${worst < GOAL_MS ? "meets" : "misses"} the goal of < ${GOAL_MS} ms`,
  );
}

mkdirSync(DIR, { recursive: true });
console.log(`bench:query on ${QUOTES} generated quotes (node ${process.version})`);
const sqlite = await ready(join(DIR, `quotes-${QUOTES}.db`), "SQLite");
try {
  await bench(sqlite, "SQLite");
} finally {
  await sqlite.close();
}
if (await postgresUp()) {
  const url = new URL(PG);
  url.searchParams.set("schema", `bench_query_${QUOTES}`);
  const postgres = await ready(url.toString(), "PostgreSQL");
  try {
    await bench(postgres, "PostgreSQL");
  } finally {
    await postgres.close();
  }
} else {
  console.log(`PostgreSQL: skipped (none reachable at ${PG})`);
}
if (!existsSync(DIR)) throw new Error("bench folder vanished");
