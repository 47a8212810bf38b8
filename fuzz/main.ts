import { parseArgs } from "node:util";
import { type KillFindings, killCorpus, killIngests } from "./kill.ts";
import { type Findings, fuzzFiles, fuzzStdin, MEMORY_LIMIT } from "./run.ts";
import { SEEDS } from "./seeds.ts";

/**
 * `npm run fuzz [-- --cases N --from S --kills K]`: N mutants of each format's seed (and N/10 piped to
 * standard input), from mutant S on, through `standpoint ingest`; prints per format the inputs
 * tried and the findings, lists each finding by its mutant number (`mutant(format, seed, n)`
 * rebuilds it); then kills ingest at K moments on SQLite and on PostgreSQL and runs it again
 * (fuzz/kill.ts). Exits 1 if anything was found.
 */
const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "1000" },
    from: { type: "string", default: "0" },
    kills: { type: "string", default: "20" },
  },
});
const cases = Number(values.cases);
const from = Number(values.from);
const PG = process.env.STANDPOINT_TEST_PG || "postgres://postgres@127.0.0.1:5432/test";

const rows: Array<[string, Findings]> = [];
for (const [format, ext, seed] of SEEDS) {
  const started = Date.now();
  const findings = await fuzzFiles(format, ext, seed, from, cases, { batch: 100, timeoutMs: 120_000 });
  rows.push([format, findings]);
  console.log(`${format}: ${findings.tried} inputs in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
for (const [format, , seed] of SEEDS.filter(([f]) => f === "jsonl" || f === "warc.gz" || f === "html")) {
  const findings = await fuzzStdin(format, seed, from, Math.max(1, Math.round(cases / 10)), {
    timeoutMs: 60_000,
  });
  rows.push([`stdin (${format})`, findings]);
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
console.log(
  `\nformat            tried  crashes  hangs  over ${mb(MEMORY_LIMIT)}  unclear  good lost  peak memory`,
);
for (const [format, f] of rows) {
  console.log(
    `${format.padEnd(16)} ${String(f.tried).padStart(6)} ${String(f.crashes.length).padStart(8)} ${String(f.hangs.length).padStart(6)} ${String(f.overMemory.length).padStart(12)} ${String(f.unclear.length).padStart(8)} ${String(f.goodLost.length).padStart(10)}  ${mb(f.peakBytes)}`,
  );
}
const all = rows.flatMap(([, f]) => [...f.crashes, ...f.hangs, ...f.overMemory, ...f.unclear, ...f.goodLost]);

// Kills: ingest killed with SIGKILL at many moments, on each backend, then run again.
const corpus = killCorpus(60);
console.log("\nbackend     kills  unusable after kill  differing after rerun");
for (const backend of ["sqlite", "postgres"] as const) {
  let found: KillFindings;
  try {
    found = await killIngests(backend, corpus, Number(values.kills), PG);
  } catch (error) {
    console.log(`${backend.padEnd(10)}  not run: ${(error as Error).message}`);
    all.push(`${backend}: kills not run`);
    continue;
  }
  console.log(
    `${backend.padEnd(10)} ${String(found.tried).padStart(6)} ${String(found.unusable.length).padStart(20)} ${String(found.differing.length).padStart(22)}`,
  );
  all.push(
    ...found.unusable.map((f) => `${backend}: ${f}`),
    ...found.differing.map((f) => `${backend}: ${f}`),
  );
}
for (const finding of all.slice(0, 50)) console.log(`  ${finding}`);
process.exitCode = all.length ? 1 : 0;
