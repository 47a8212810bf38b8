import type { Job, JobResult, PgBoss } from "pg-boss";
import { asStandpointError, StandpointError } from "../errors.ts";
import { chooseCodebooks } from "../ingest/codebooks.ts";
import { deriveWith } from "../ingest/derive.ts";
import type { Derive } from "../ingest/derive-step.ts";
import type { ItemResult } from "../ingest/ingest.ts";
import { type Saved, saveBatch } from "../ingest/save.ts";
import { compiled } from "../stances/issues.ts";
import { shippedModel } from "../stances/learned/model.ts";
import { listCodebooks } from "../store/codebooks.ts";
import type { Store } from "../store/open.ts";
import { type JobData, QUEUE } from "./boss.ts";

export interface WorkOptions {
  /** Jobs taken at once, and stored in one transaction. */
  batchSize: number;
  /** Called with each document's result once its batch is stored. */
  report: (result: ItemResult) => void;
  /** Called when a batch could not be stored for a passing reason; pg-boss tries it again later. */
  postponed: (jobs: number, error: Error) => void;
}

/**
 * Takes batches of queued documents, extracts and stores them, and settles each job on its own:
 * stored, or failed with its error for good when the document itself is at fault. A batch that
 * fails for a passing reason (the database went away) is failed whole and retried later. The
 * store is written before a job is settled, so a worker killed in between leaves a job that is
 * taken again and finds its document stored: at least once, stored once.
 */
export async function startWorking(boss: PgBoss, store: Store, options: WorkOptions): Promise<string> {
  const derives = new DeriveCache(store);
  return boss.work<JobData>(
    QUEUE,
    // While batches come back full there is more: fetch the next at once rather than after a poll.
    {
      batchSize: options.batchSize,
      perJobResults: true,
      pollingIntervalSeconds: 0.5,
      burstWhenBatchFull: true,
    },
    async (jobs) => {
      const results: JobResult[] = [];
      const valid: Job<JobData>[] = [];
      for (const job of jobs) {
        const problem = malformed(job.data);
        if (problem) results.push(failed(job, new StandpointError("input", problem, whereOf(job)), options));
        else valid.push(job);
      }
      try {
        for (const group of byIssues(valid))
          results.push(...(await storeGroup(store, group, derives, options)));
      } catch (error) {
        options.postponed(valid.length, error as Error);
        throw error;
      }
      return results;
    },
  );
}

/** Jobs of a batch grouped by how they are read (issues, learned model), each group in the order it was queued. */
function byIssues(jobs: Job<JobData>[]): Job<JobData>[][] {
  const groups = new Map<string, Job<JobData>[]>();
  for (const job of [...jobs].sort((a, b) => a.data.seq - b.data.seq)) {
    const key = JSON.stringify([job.data.issues, job.data.learned === true]);
    groups.set(key, [...(groups.get(key) ?? []), job]);
  }
  return [...groups.values()];
}

async function storeGroup(
  store: Store,
  jobs: Job<JobData>[],
  derives: DeriveCache,
  options: WorkOptions,
): Promise<JobResult[]> {
  const issues = jobs[0]?.data.issues ?? null;
  let derive: Derive;
  try {
    derive = await derives.get(issues, jobs[0]?.data.learned === true);
  } catch (error) {
    if (isPassing(error)) throw error;
    return jobs.map((job) =>
      failed(job, asStandpointError(error, "invalid", job.data.article.source), options),
    );
  }
  const saved = await saveBatch(
    store.db,
    jobs.map((j) => j.data.article),
    derive,
  );
  // The database failing under one document fails them all: the batch is tried again later.
  if (saved.some((s) => s instanceof Error && isPassing(s))) throw saved.find((s) => s instanceof Error);
  return jobs.map((job, i) => {
    const result = saved[i] as Saved | Error;
    const { article } = job.data;
    if (result instanceof Error)
      return failed(job, asStandpointError(result, "store", article.source), options);
    options.report({
      ...result,
      where: article.source,
      bytes: article.text.length,
      warnings: [...article.warnings, ...(result.notes ?? [])],
    });
    return { id: job.id, status: "completed", output: { status: result.status, document: result.id } };
  });
}

/** What is wrong with a job's data, if anything: any program that reaches the database can queue one. */
function malformed(data: unknown): string | undefined {
  const { article, issues, seq, learned } = (data ?? {}) as Partial<JobData>;
  if (typeof article !== "object" || article === null) return "the job holds no article";
  for (const field of ["id", "text", "source", "format"] as const)
    if (typeof article[field] !== "string") return `the job's article has no ${field} (a string)`;
  for (const field of ["meta", "provenance", "extra"] as const)
    if (typeof article[field] !== "object" || article[field] === null)
      return `the job's article has no ${field} (an object)`;
  if (!Array.isArray(article.warnings)) return "the job's article has no warnings (a list)";
  if (issues !== null && !(Array.isArray(issues) && issues.every((i) => typeof i === "string")))
    return "the job's issues are neither null nor a list of codebook ids";
  if (typeof seq !== "number") return "the job has no sequence number";
  if (learned !== undefined && typeof learned !== "boolean")
    return "the job's learned is neither true nor false";
  return undefined;
}

/** The input a job's article came from, or the job itself when it names none. */
function whereOf(job: Job<JobData>): string {
  const source = job.data?.article?.source;
  return typeof source === "string" ? source : `job ${job.id}`;
}

function failed(job: Job<JobData>, error: StandpointError, options: WorkOptions): JobResult {
  const where = whereOf(job);
  const text = job.data?.article?.text;
  options.report({ status: "failed", where, bytes: typeof text === "string" ? text.length : 0, error });
  // Settled for good: the same document would fail the same way.
  return { id: job.id, status: "deadletter", output: { where: error.where ?? where, error: error.message } };
}

/**
 * An error that says nothing about the document: the connection was lost or refused, the server
 * is shutting down or out of resources, or the transaction lost a deadlock (SQLSTATE classes 08,
 * 40, 53, 57).
 */
export function isPassing(error: unknown): boolean {
  if (error instanceof StandpointError) return false;
  const code = String((error as { code?: unknown }).code ?? "");
  if (/^(08|40|53|57)[0-9A-Z]{3}$/.test(code)) return true;
  if (/^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH|AI_AGAIN)$/.test(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    (error as Error).message ?? "",
  );
}

/**
 * The derive hook for a set of issues, compiled again only when the stored codebooks change. The
 * issues' codebooks were stored when the jobs were queued; with none named, the worker reads the
 * codebooks a user gave and the issues each text is found to be about, as `ingest` does.
 */
class DeriveCache {
  private kept = new Map<string, { books: string; derive: Derive }>();
  constructor(private readonly store: Store) {}

  async get(issues: string[] | null, learned: boolean): Promise<Derive> {
    const key = JSON.stringify([issues, learned]);
    const chosen = issues === null ? await chooseCodebooks(this.store, {}) : await this.named(issues);
    const books = JSON.stringify(chosen.books);
    const kept = this.kept.get(key);
    if (kept && kept.books === books) return kept.derive;
    const derive = deriveWith(chosen.books.map(compiled), chosen.detect, learned ? shippedModel() : null);
    this.kept.set(key, { books, derive });
    return derive;
  }

  private async named(issues: string[]) {
    const stored = await listCodebooks(this.store.db);
    const books = issues.map((id) => {
      const book = stored.find((b) => b.id === id);
      if (!book) throw new StandpointError("invalid", `the issue ${id} is not in the store any more`);
      return book;
    });
    return { books, detect: false };
  }
}
