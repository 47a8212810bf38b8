/**
 * npm run bench:startup — how long the CLI takes to answer: `--help`, `--version`, `docs` and
 * `positions` over a store of the sample articles, against a bare `node -e 0`. Wall and CPU time
 * (user + system of the child, as bash's `times` reports them), median of BENCH_RUNS runs (10),
 * the commands taking turns so that a slow spell of the machine falls on all. Run `npm run build`
 * first: the bench runs the bundle, as users do.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, ROOT, requireFreshBundle, runTimed as run } from "./child.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** The goal of issue 14: within this much of `node -e 0`. */
const GOAL_MS = 150;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2;
};

requireFreshBundle();
const dir = mkdtempSync(join(tmpdir(), "standpoint-startup-"));
const db = join(dir, "demo.db");
const codebook = join(ROOT, "examples/codebooks/kosovo-independence.json");
run([BIN, "ingest", join(ROOT, "examples/articles"), "--codebook", codebook, "--db", db, "-q"]);
const commands: Record<string, string[]> = {
  "node -e 0": [process.execPath, "-e", "0"],
  "--help": [BIN, "--help"],
  "--version": [BIN, "--version"],
  docs: [BIN, "docs", "--db", db],
  positions: [BIN, "positions", "--issue", "kosovo-independence", "--at", "2008-02-18", "--db", db],
};
const times = new Map(
  Object.keys(commands).map((name) => [name, { wall: [] as number[], cpu: [] as number[] }]),
);
for (let i = 0; i < RUNS; i++)
  for (const [name, args] of Object.entries(commands)) {
    const t = run(args);
    times.get(name)?.wall.push(t.wall);
    times.get(name)?.cpu.push(t.cpu);
  }
rmSync(dir, { recursive: true, force: true });
const base = times.get("node -e 0") as { wall: number[]; cpu: number[] };
const [baseWall, baseCpu] = [median(base.wall), median(base.cpu)];
console.log(`CLI start-up, median of ${RUNS} (goal: within ${GOAL_MS} ms of node -e 0)`);
console.log("command      wall ms   over node   cpu ms   over node");
for (const [name, t] of times) {
  const [wall, cpu] = [median(t.wall), median(t.cpu)];
  const over = (x: number, b: number) => (name === "node -e 0" ? "" : `+${(x - b).toFixed(0)}`);
  console.log(
    `${name.padEnd(12)} ${wall.toFixed(0).padStart(7)}   ${over(wall, baseWall).padStart(9)}   ${cpu.toFixed(0).padStart(6)}   ${over(cpu, baseCpu).padStart(9)}`,
  );
}
