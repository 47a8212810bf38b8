/**
 * Running the CLI as users do, from a bench: wall and CPU time of a child process, and a check
 * that the bundle in dist/ is not older than the sources.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BIN = join(ROOT, "bin/standpoint");

const quote = (args: string[]) => args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");

/** Wall and CPU milliseconds of one run of a command, through bash so that `times` gives the child's CPU. */
export function runTimed(args: string[]): { wall: number; cpu: number } {
  return timedShell(`${quote(args)} > /dev/null; status=$?`, args.join(" "));
}

/** Wall and CPU milliseconds of commands run at once, each its own process, till the last ends. */
export function runTogether(commands: string[][]): { wall: number; cpu: number } {
  const started = commands.map((args, i) => `${quote(args)} > /dev/null & p${i}=$!`).join("; ");
  const waited = commands.map((_, i) => `wait $p${i} || status=1`).join("; ");
  return timedShell(`status=0; ${started}; ${waited}`, commands.map((c) => c.join(" ")).join(" & "));
}

function timedShell(script: string, what: string): { wall: number; cpu: number } {
  const t = performance.now();
  const r = spawnSync("bash", ["-c", `${script}; times; exit $status`], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${what} failed: ${r.stderr}`);
  // `times` prints the shell's user and system time, then its children's: "0m0.123s 0m0.045s".
  const children = r.stdout.trim().split("\n").pop() ?? "";
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { wall, cpu: 1000 * seconds.reduce((a, b) => a + b, 0) };
}

/** The newest modification time of the files in a folder. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

/** bin/standpoint runs the sources through tsx while they are newer than the bundle: not what users run. */
export function requireFreshBundle(): void {
  const bundle = join(ROOT, "dist/standpoint.mjs");
  if (
    !existsSync(bundle) ||
    statSync(bundle).mtimeMs < Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "data")))
  )
    throw new Error("the bundle in dist/ is missing or older than the sources: run npm run build first");
}
