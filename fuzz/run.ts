import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mutant } from "./mutate.ts";

export const BIN = fileURLToPath(new URL("../bin/standpoint", import.meta.url));
const GOOD = "The envoy said on Monday that the talks would resume in Vienna next week.";
/** Peak memory above this is a finding. */
export const MEMORY_LIMIT = 1 << 30;

/** What went wrong in one run of ingest over a batch of mutants. */
export interface Findings {
  tried: number;
  crashes: string[];
  hangs: string[];
  overMemory: string[];
  unclear: string[];
  goodLost: string[];
  peakBytes: number;
}

export function noFindings(): Findings {
  return { tried: 0, crashes: [], hangs: [], overMemory: [], unclear: [], goodLost: [], peakBytes: 0 };
}

/** An error line a user can act on: `standpoint: WHERE: what`, nothing from inside the program. */
const CLEAR = /^standpoint: (warning: )?\S[^\n]*: \S/;
const INTERNAL =
  /unexpected error|Maximum call stack|\[object |undefined|NaN|TypeError|RangeError|ReferenceError/;

/** The peak resident memory of a running process, from /proc. */
function peakOf(pid: number | undefined): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

function runIngest(
  args: string[],
  input: Buffer | undefined,
  timeoutMs: number,
): Promise<{
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  peak: number;
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let peak = 0;
    let timedOut = false;
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    // VmHWM is the process's own high-water mark: a peak between two looks is still seen.
    const watch = setInterval(() => {
      peak = Math.max(peak, peakOf(child.pid));
      if (peak > MEMORY_LIMIT) child.kill("SIGKILL");
    }, 50);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearInterval(watch);
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, peak });
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input ?? "");
  });
}

/** Judges one run: its exit, its time, its memory, its messages, and whether the good file got in. */
function judge(
  findings: Findings,
  label: string,
  run: Awaited<ReturnType<typeof runIngest>>,
  goodPath: string | undefined,
): void {
  findings.peakBytes = Math.max(findings.peakBytes, run.peak);
  if (run.timedOut) findings.hangs.push(label);
  else if (run.peak > MEMORY_LIMIT) findings.overMemory.push(label);
  else if (run.signal || (run.code !== 0 && run.code !== 1))
    findings.crashes.push(`${label}: exit ${run.code ?? run.signal}`);
  for (const line of run.stderr.split("\n").filter(Boolean)) {
    if (!CLEAR.test(line) || INTERNAL.test(line)) findings.unclear.push(`${label}: ${line.slice(0, 200)}`);
  }
  if (goodPath && !run.timedOut) {
    const stored = run.stdout
      .split("\n")
      .filter(Boolean)
      .some((l) => {
        try {
          const item = JSON.parse(l) as { where?: string; status?: string };
          return item.where === goodPath && item.status === "added";
        } catch {
          return false;
        }
      });
    if (!stored) findings.goodLost.push(label);
  }
}

/**
 * Ingests mutants `from`..`from + count - 1` of a seed, `batch` files to a run with a good file
 * after them, and reports what went wrong.
 */
export async function fuzzFiles(
  format: string,
  ext: string,
  seed: Buffer,
  from: number,
  count: number,
  options: { batch: number; timeoutMs: number },
): Promise<Findings> {
  const findings = noFindings();
  for (let start = from; start < from + count; start += options.batch) {
    const dir = mkdtempSync(join(tmpdir(), "standpoint-fuzz-"));
    const end = Math.min(from + count, start + options.batch);
    for (let n = start; n < end; n++)
      writeFileSync(join(dir, `m${String(n).padStart(7, "0")}${ext}`), mutant(format, seed, n));
    const goodPath = join(dir, "zz-good.txt");
    writeFileSync(goodPath, GOOD);
    const run = await runIngest(
      ["ingest", dir, "--db", join(dir, "s.db"), "--json", "--quiet"],
      undefined,
      options.timeoutMs,
    );
    findings.tried += end - start;
    judge(findings, `${ext} mutants ${start}-${end - 1}`, run, goodPath);
    if (!findings.hangs.length && !findings.crashes.length) rmSync(dir, { recursive: true, force: true });
  }
  return findings;
}

/** Pipes mutants of a seed to `ingest -`, one run each. */
export async function fuzzStdin(
  format: string,
  seed: Buffer,
  from: number,
  count: number,
  options: { timeoutMs: number },
): Promise<Findings> {
  const findings = noFindings();
  for (let n = from; n < from + count; n++) {
    const dir = mkdtempSync(join(tmpdir(), "standpoint-fuzz-"));
    const run = await runIngest(
      ["ingest", "-", "--db", join(dir, "s.db"), "--json", "--quiet"],
      mutant(format, seed, n),
      options.timeoutMs,
    );
    findings.tried++;
    judge(findings, `stdin mutant ${n}`, run, undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  return findings;
}
