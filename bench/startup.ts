/**
 * npm run bench:startup — how long the CLI takes to answer: `--help`, `--version`, `docs` and
 * `positions` over a store of the sample articles, against a bare `node -e 0`. Wall and CPU time
 * (user + system of the child, as bash's `times` reports them), median of BENCH_RUNS runs (10),
 * the commands taking turns so that a slow spell of the machine falls on all. Run `npm run build`
 * first: the bench runs the bundle, as users do.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/standpoint");
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** The goal of issue 14: within this much of `node -e 0`. */
const GOAL_MS = 150;

/** Wall and CPU milliseconds of one run of a command, through bash so that `times` gives the child's CPU. */
function run(args: string[]): { wall: number; cpu: number } {
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const t = performance.now();
  const r = spawnSync("bash", ["-c", `${quoted} > /dev/null; status=$?; times; exit $status`], {
    encoding: "utf8",
  });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  // `times` prints the shell's user and system time, then its children's: "0m0.123s 0m0.045s".
  const children = r.stdout.trim().split("\n").pop() ?? "";
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { wall, cpu: 1000 * seconds.reduce((a, b) => a + b, 0) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2;
};

/** The newest modification time of the files in a folder. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

const bundle = join(ROOT, "dist/standpoint.mjs");
// bin/standpoint runs the sources through tsx while they are newer than the bundle: not what users run.
if (
  !existsSync(bundle) ||
  statSync(bundle).mtimeMs < Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "data")))
)
  throw new Error("the bundle in dist/ is missing or older than the sources: run npm run build first");
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
