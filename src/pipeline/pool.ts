/**
 * Extraction on all cores: a pool of worker threads, each reading documents with the same issues
 * and options, their records handed back to the caller, who keeps them in input order. Each worker
 * holds a few documents at once, so it never waits on this thread for its next one. A worker that
 * dies fails the documents it held and is replaced; the others go on.
 */
import { Worker } from "node:worker_threads";
import type { Codebook } from "../codebooks/codebook.ts";
import type { DocumentMeta, ExtractionRecord } from "../contract.ts";
import { StandpointError } from "../errors.ts";
import { tuneCompilerForExtraction } from "./tuning.ts";

/** What every worker reads with: the issues (as written, compiled in the worker), the learned model. */
export interface PoolSetup {
  codebooks?: Codebook[];
  /** Also the issues each text is found to be about (as ingest reads). */
  detect?: boolean;
  learned?: boolean;
  withText?: boolean;
  /** Records come back as the UTF-8 bytes of the JSON line `extract --json` prints: made in the
   * worker and moved, not copied, to this thread, which only writes them. */
  jsonLines?: boolean;
}

export interface PoolTask {
  seq: number;
  doc: DocumentMeta & { text: string };
}

/** A document read: its record and the codebooks of issues found in it, or the line that prints
 * the record; with the notes for the user either way. */
export type Extracted =
  | { record: ExtractionRecord; detected: Codebook[]; notes: string[] }
  | { line: Uint8Array; notes: string[] };

export type PoolReply = ({ seq: number } & Extracted) | { seq: number; error: string };

/** Documents a worker holds at once, unless told: one being read, the next ones already in its queue. */
const DEPTH = 3;

/**
 * A worker on the bundle's entry when running from dist/; from the sources (development, tests),
 * on the source, which the worker loads through tsx registered in its own thread.
 */
function startWorker(setup: PoolSetup): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./pool-worker.mjs", here), { workerData: setup });
  const source = new URL("./pool-worker.ts", here).href;
  // Resolved here: a worker run from code has no file of its own to resolve packages from.
  const tsx = typeof import.meta.resolve === "function" ? import.meta.resolve("tsx/esm/api") : "tsx/esm/api";
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData: setup });
}

interface Pending {
  resolve: (extracted: Extracted) => void;
  reject: (error: Error) => void;
  worker?: Worker;
}

export class ExtractPool {
  private readonly workers: Worker[] = [];
  /** How many documents each worker holds. */
  private readonly held = new Map<Worker, number>();
  private readonly waiting: PoolTask[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  /** Whether this thread has a turn to read a document coming. */
  private scheduled = false;

  /** Worker threads to start; with `local`, this thread is one of the `jobs`. */
  private readonly size: number;

  /**
   * `local` reads a document in this thread, which otherwise only reads input and writes output:
   * it takes a waiting document whenever it is free, so with `jobs` threads one worker fewer is
   * started (one isolate fewer compiling the same code). `depth` is how many documents a worker may
   * hold at once.
   */
  constructor(
    jobs: number,
    private readonly setup: PoolSetup,
    private readonly local?: (doc: DocumentMeta & { text: string }) => Extracted,
    private readonly depth = DEPTH,
  ) {
    this.size = local ? jobs - 1 : jobs;
    tuneCompilerForExtraction();
  }

  /** Extracts one document on the least busy worker, or here when this thread is free first;
   * workers start as documents come. */
  extract(doc: DocumentMeta & { text: string }): Promise<Extracted> {
    const task = { seq: this.seq++, doc };
    const done = new Promise<Extracted>((resolve, reject) => this.pending.set(task.seq, { resolve, reject }));
    this.waiting.push(task);
    if (this.workers.length < this.size && [...this.held.values()].every((n) => n > 0)) this.start();
    this.dispatch();
    this.takeHere();
    return done;
  }

  /**
   * Reads one waiting document in this thread, then looks again on the event loop's next turn: in
   * between, the workers' replies are taken and they are sent more, so they never wait on it.
   */
  private takeHere(): void {
    const local = this.local;
    if (!local || this.scheduled || !this.waiting.length) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const task = this.waiting.shift();
      const pending = task && this.pending.get(task.seq);
      if (!task || !pending) return;
      this.pending.delete(task.seq);
      try {
        pending.resolve(local(task.doc));
      } catch (error) {
        pending.reject(error as Error);
      }
      this.takeHere();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.held.clear();
  }

  private dispatch(): void {
    while (this.waiting.length) {
      let worker: Worker | undefined;
      for (const [w, n] of this.held)
        if (n < this.depth && (!worker || n < (this.held.get(worker) ?? 0))) worker = w;
      if (!worker) return;
      const task = this.waiting.shift() as PoolTask;
      const pending = this.pending.get(task.seq);
      if (pending) pending.worker = worker;
      this.held.set(worker, (this.held.get(worker) ?? 0) + 1);
      worker.postMessage(task);
    }
  }

  private start(): Worker {
    const worker = startWorker(this.setup);
    worker.on("message", (reply: PoolReply) => {
      const pending = this.pending.get(reply.seq);
      this.pending.delete(reply.seq);
      if (pending) {
        if ("error" in reply)
          pending.reject(new StandpointError("input", `extraction failed: ${reply.error}`));
        else {
          const { seq: _seq, ...extracted } = reply;
          pending.resolve(extracted);
        }
      }
      this.held.set(worker, Math.max(0, (this.held.get(worker) ?? 1) - 1));
      this.dispatch();
    });
    worker.on("error", (error) => this.lost(worker, error));
    worker.on("exit", (code) => {
      if (code !== 0) this.lost(worker, new Error(`extraction worker stopped (exit code ${code})`));
    });
    this.workers.push(worker);
    this.held.set(worker, 0);
    return worker;
  }

  /** A worker gone: the document it held fails, and another worker takes its place if work is left. */
  private lost(worker: Worker, error: Error): void {
    const at = this.workers.indexOf(worker);
    if (at < 0) return;
    this.workers.splice(at, 1);
    this.held.delete(worker);
    for (const [seq, pending] of this.pending)
      if (pending.worker === worker) {
        this.pending.delete(seq);
        pending.reject(new StandpointError("input", `extraction failed: ${error.message}`));
      }
    if (this.waiting.length) {
      this.start();
      this.dispatch();
    }
  }
}
