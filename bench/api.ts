/**
 * npm run bench:api — p95 latency of the map, positions, quotes and forum endpoints over HTTP on a
 * generated store (the bench:query store, BENCH_QUOTES quotes, 1,000,000 by default, one document a
 * ten; a SQLite file built on first use under BENCH_DIR, or BENCH_STORE, such as the PostgreSQL
 * schema bench:query built: postgres://…?schema=bench_query_5000000), the web app's JavaScript as
 * served and the time to its first map on the demo store
 * (bench/app-load.ts; `-- --app` runs it alone), and fifty readers at once on a store of 5,000
 * documents (bench/api-load.ts; `-- --load` runs it alone).
 */
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { defaultCodebook } from "../src/codebooks/default.ts";
import { createApp } from "../src/server/app.ts";
import { saveCodebooks } from "../src/store/codebooks.ts";
import { openStore } from "../src/store/open.ts";
import { loadBench } from "./api-load.ts";
import { appBench } from "./app-load.ts";
import { random } from "./generate.ts";
import { buildStore, stateCodes, vocabulary } from "./query-store.ts";

const QUOTES = Number(process.env.BENCH_QUOTES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const DIR = process.env.BENCH_DIR ?? join(tmpdir(), "standpoint-bench-query");

if (process.argv.includes("--load")) {
  await loadBench(DIR);
  process.exit(0);
}
if (process.argv.includes("--app")) {
  await appBench();
  process.exit(0);
}

const TARGET = process.env.BENCH_STORE ?? join(DIR, `quotes-${QUOTES}.db`);
const store = await openStore(TARGET);
const row = await store.db
  .selectFrom("documents")
  .select((eb) => eb.fn.countAll().as("n"))
  .executeTakeFirst();
if (!Number(row?.n)) {
  console.log(`building a store of ${QUOTES} quotes (${QUOTES / 10} documents)`);
  await buildStore(store, QUOTES, (line) => console.log(line));
}
await saveCodebooks(
  store.db,
  ["independence of Kosovo", "independence of Abkhazia", "independence of Western Sahara"].map(
    defaultCodebook,
  ),
  "detected",
);
const server = serve({ fetch: createApp(store).fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function time(name: string, url: (i: number) => string): Promise<number> {
  for (let i = 0; i < 5; i++) await (await fetch(base + url(1000 + i))).arrayBuffer();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const response = await fetch(base + url(i));
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${name}: ${response.status} for ${url(i)}`);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p95 = ms[Math.ceil(0.95 * ms.length) - 1] as number;
  console.log(
    `  ${name.padEnd(30)} p50 ${(ms[ms.length >> 1] as number).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms`,
  );
  return p95;
}

const rand = random(5);
const day = () => `2008-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
const states = stateCodes().slice(0, 30);
const words = vocabulary();
const backend = TARGET.startsWith("postgres") ? "PostgreSQL" : "SQLite";
console.log(`bench:api over HTTP, store of ${QUOTES} quotes (${backend}; ${RUNS} runs each after 5 warm-up)`);
const p95 = [
  await time(
    "map (positions at a date)",
    () => `/api/positions?issue=kosovo-independence&at=${day()}&evidence=0`,
  ),
  await time(
    "positions (a state's)",
    () =>
      `/api/positions?issue=kosovo-independence&actor=state:${states[Math.floor(rand() * states.length)]}`,
  ),
  await time(
    "quotes (a state's, newest)",
    () => `/api/quotes?actor=state:${states[Math.floor(rand() * states.length)]}&limit=50`,
  ),
  await time(
    "quotes (issue and dates)",
    () => `/api/quotes?issue=kosovo-independence&from=2008-02&to=2008-03&limit=50`,
  ),
  await time("quotes (words)", () => `/api/quotes?search=${words[30 + Math.floor(rand() * 3000)]}&limit=50`),
  await time(
    "quotes (words and issue)",
    () => `/api/quotes?search=${words[30 + Math.floor(rand() * 3000)]}&issue=kosovo-independence&limit=50`,
  ),
  await time(
    "forum projection (Council)",
    () => `/api/forums/unsc/project?issue=kosovo-independence&at=${day()}`,
  ),
  await time("forum power (Council)", () => `/api/forums/unsc/power?at=2008`),
];
const worst = Math.max(...p95);
console.log(`  worst p95 ${worst.toFixed(1)} ms: ${worst < 100 ? "meets" : "misses"} the goal of < 100 ms`);
server.close();
await store.close();

await appBench();

await loadBench(DIR);
