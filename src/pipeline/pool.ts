/**
 * Extraction on all cores: a pool of worker threads, each reading documents with the same issues
 * and options, their records handed back to the caller, who keeps them in input order. A worker
 * that dies fails the document it held and is replaced; the others go on.
 */
import { Worker } from "node:worker_threads";
import type { Codebook } from "../codebooks/codebook.ts";
import type { DocumentMeta, ExtractionRecord } from "../contract.ts";
import { StandpointError } from "../errors.ts";

/** What every worker reads with: the issues (as written, compiled in the worker), the learned model. */
export interface PoolSetup {
  codebooks?: Codebook[];
  learned?: boolean;
  withText?: boolean;
}

export interface PoolTask {
  seq: number;
  doc: DocumentMeta & { text: string };
}

export type PoolReply = { seq: number; record: ExtractionRecord } | { seq: number; error: string };

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
  resolve: (record: ExtractionRecord) => void;
  reject: (error: Error) => void;
  worker?: Worker;
}

export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: PoolTask[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  constructor(
    private readonly jobs: number,
    private readonly setup: PoolSetup,
  ) {}

  /** Extracts one document on the first worker free; workers start as documents come, up to `jobs`. */
  extract(doc: DocumentMeta & { text: string }): Promise<ExtractionRecord> {
    const task = { seq: this.seq++, doc };
    const done = new Promise<ExtractionRecord>((resolve, reject) =>
      this.pending.set(task.seq, { resolve, reject }),
    );
    this.waiting.push(task);
    if (!this.idle.length && this.workers.length < this.jobs) this.idle.push(this.start());
    this.dispatch();
    return done;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }

  private dispatch(): void {
    while (this.idle.length && this.waiting.length) {
      const worker = this.idle.pop() as Worker;
      const task = this.waiting.shift() as PoolTask;
      const pending = this.pending.get(task.seq);
      if (pending) pending.worker = worker;
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
        else pending.resolve(reply.record);
      }
      this.idle.push(worker);
      this.dispatch();
    });
    worker.on("error", (error) => this.lost(worker, error));
    worker.on("exit", (code) => {
      if (code !== 0) this.lost(worker, new Error(`extraction worker stopped (exit code ${code})`));
    });
    this.workers.push(worker);
    return worker;
  }

  /** A worker gone: the document it held fails, and another worker takes its place if work is left. */
  private lost(worker: Worker, error: Error): void {
    const at = this.workers.indexOf(worker);
    if (at < 0) return;
    this.workers.splice(at, 1);
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    for (const [seq, pending] of this.pending)
      if (pending.worker === worker) {
        this.pending.delete(seq);
        pending.reject(new StandpointError("input", `extraction failed: ${error.message}`));
      }
    if (this.waiting.length) {
      this.idle.push(this.start());
      this.dispatch();
    }
  }
}
