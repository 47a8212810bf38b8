import { createHash } from "node:crypto";
import type { JobInsert, PgBoss } from "pg-boss";
import type { StandpointError } from "../errors.ts";
import type { Article } from "../ingest/article.ts";
import type { Collected } from "../ingest/inputs.ts";
import { type ReadOptions, readInput } from "../ingest/read.ts";
import { type JobData, QUEUE } from "./boss.ts";

export type Enqueued =
  /** `already`: the same article is queued, or was and its job is kept. */
  | { status: "queued" | "already"; id: string; where: string; bytes: number; warnings: string[] }
  | { status: "failed"; where: string; bytes: number; error: StandpointError };

/** Jobs sent to the database in one statement. */
const CHUNK = 200;

/**
 * A job's id from what it would store: the same article enqueued again while its job is kept is
 * not queued twice. The store decides the rest (an article already stored comes back unchanged).
 */
export function jobId(article: Article, issues: string[] | null, learned = false): string {
  const read = [article.id, article.source, article.meta, article.extra, issues, ...(learned ? [true] : [])];
  const hex = createHash("sha256")
    .update(JSON.stringify(read))
    .update("\0")
    .update(article.text)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Reads the collected inputs and queues each article as a job, in input order; an input that
 * cannot be read is reported and not queued. `leaseSeconds`: how long a worker may hold a job
 * without a sign of life before another takes it.
 */
export async function* enqueueInputs(
  boss: PgBoss,
  collected: Collected,
  options: ReadOptions & { issues: string[] | null; leaseSeconds: number; learned?: boolean },
): AsyncGenerator<Enqueued> {
  for (const error of collected.errors) yield { status: "failed", where: error.where ?? "", bytes: 0, error };
  let pending: Array<{ job: JobInsert<JobData>; result: Enqueued }> = [];
  let seq = 0;
  const flush = async function* (): AsyncGenerator<Enqueued> {
    const jobs = pending.flatMap((p) => (p.result.status === "queued" ? [p.job] : []));
    const added = new Set(jobs.length ? ((await boss.insert(QUEUE, jobs, { returnId: true })) ?? []) : []);
    for (const p of pending)
      yield p.result.status === "queued" && !added.has(p.result.id)
        ? { ...p.result, status: "already" }
        : p.result;
    pending = [];
  };
  for (const input of collected.inputs) {
    for await (const item of readInput(input, options)) {
      if ("error" in item) {
        const where = item.error.where ?? input.path;
        const result: Enqueued = { status: "failed", where, bytes: item.bytes, error: item.error };
        pending.push({ job: {}, result });
      } else {
        const { article } = item;
        const id = jobId(article, options.issues, options.learned);
        const data: JobData = {
          article,
          issues: options.issues,
          seq,
          ...(options.learned ? { learned: true } : {}),
        };
        // pg-boss hands out the highest priority first, then the oldest; jobs queued in one
        // statement are equally old, so the priority keeps them in input order.
        const priority = -Math.min(seq++, 2 ** 31 - 1);
        pending.push({
          job: { id, data, priority, heartbeatSeconds: options.leaseSeconds },
          result: {
            status: "queued",
            id,
            where: article.source,
            bytes: item.bytes,
            warnings: article.warnings,
          },
        });
      }
      if (pending.length >= CHUNK) yield* flush();
    }
  }
  yield* flush();
}
