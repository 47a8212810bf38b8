/**
 * The load part of bench:api: fifty readers at once against the API over a generated store of
 * 5,000 documents (50,000 quotes; built on first use under BENCH_DIR), asking what the app asks
 * (the map at many dates, a state's panel, an issue's quotes, a state's quotes, actors, the
 * timeline, outlets compared, documents). Prints requests a second, p50, p95 and the slowest, and the errors.
 */

import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultCodebook } from "../src/codebooks/default.ts";
import { saveCodebooks } from "../src/store/codebooks.ts";
import { openStore } from "../src/store/open.ts";
import { random } from "./generate.ts";
import { buildStore, stateCodes } from "./query-store.ts";

const BIN = fileURLToPath(new URL("../bin/standpoint", import.meta.url));
const QUOTES = 50_000;
const CONCURRENT = 50;
const REQUESTS = Number(process.env.BENCH_LOAD_REQUESTS ?? 5000);

export async function loadBench(dir: string): Promise<{ p95: number; errors: number }> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `quotes-${QUOTES}.db`);
  const store = await openStore(path);
  const row = await store.db
    .selectFrom("documents")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  if (!Number(row?.n)) await buildStore(store, QUOTES, (line) => console.log(line));
  await saveCodebooks(
    store.db,
    ["independence of Kosovo", "independence of Abkhazia", "independence of Western Sahara"].map(
      defaultCodebook,
    ),
    "detected",
  );
  await store.close();
  // The server runs as users run it, in a process of its own, so the readers' work is not its own.
  const server = spawn(process.execPath, [BIN, "serve", "--db", path, "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const url = /at (http:\/\/[^/\s]+)\//.exec(out)?.[1];
      if (url) resolve(url);
    });
    server.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
  });

  const rand = random(11);
  const states = stateCodes().slice(0, 40);
  const days = Array.from(
    { length: 60 },
    (_, i) => `2008-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + ((i * 7) % 28)).padStart(2, "0")}`,
  );
  const issue = () =>
    ["kosovo-independence", "abkhazia-independence", "western-sahara-independence"][Math.floor(rand() * 3)];
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
  const MIX: Array<() => string> = [
    // The map (all dates, then the slider's), and a state's panel, as the app asks them.
    () => `/api/positions?issue=${issue()}&evidence=0`,
    () => `/api/positions?issue=${issue()}&at=${pick(days)}&evidence=0`,
    () => `/api/positions?issue=${issue()}&actor=state:${pick(states)}&evidence=20`,
    () => `/api/quotes?issue=${issue()}&limit=50`,
    () => `/api/quotes?actor=state:${pick(states)}&limit=50`,
    () => `/api/actors?kind=${pick(["state", "person", "organization"])}`,
    () => "/api/actors",
    () => `/api/timeline?issue=${issue()}`,
    () => `/api/compare?issue=${issue()}`,
    () => `/api/documents?limit=20&offset=${Math.floor(rand() * 50) * 20}`,
    () => "/api/issues",
  ];

  const ms: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const reader = async () => {
    while (next < REQUESTS) {
      next++;
      const url = base + pick(MIX)();
      const t = performance.now();
      try {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      ms.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT }, reader));
  const seconds = (performance.now() - started) / 1000;
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] as number;
  console.log(
    `load: ${CONCURRENT} readers, ${REQUESTS} requests on 5,000 documents: ${(REQUESTS / seconds).toFixed(0)} requests/s, p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, slowest ${at(1).toFixed(1)} ms, ${errors} errors (goal: p95 < 150 ms, 0 errors: ${at(0.95) < 150 && !errors ? "met" : "missed"})`,
  );
  server.kill();
  return { p95: at(0.95), errors };
}
