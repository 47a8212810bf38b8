import type { Kysely } from "kysely";
import { asStandpointError, type StandpointError } from "../errors.ts";
import type { Database } from "../store/schema.ts";
import type { Article, ReadItem } from "./article.ts";
import { type Derive, readAhead } from "./derive-step.ts";
import type { Collected } from "./inputs.ts";
import { type ReadOptions, readInput } from "./read.ts";
import { type Saved, saveBatch } from "./save.ts";

const READ_AHEAD = 16;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export type ItemResult =
  | (Saved & { where: string; bytes: number; warnings: string[] })
  | { status: "failed"; where: string; bytes: number; error: StandpointError };

export const STATUSES = ["added", "unchanged", "replaced", "duplicate", "failed"] as const;
export type Tally = Record<(typeof STATUSES)[number], number> & { nearCopies: number; skipped: number };

export function emptyTally(): Tally {
  return { added: 0, unchanged: 0, replaced: 0, duplicate: 0, failed: 0, nearCopies: 0, skipped: 0 };
}

export function count(tally: Tally, result: ItemResult): void {
  tally[result.status]++;
  if (result.status !== "failed" && result.nearCopyOf && result.status !== "unchanged") tally.nearCopies++;
}

/** Articles stored in one transaction; a batch is also stored when its input ends. */
const BATCH = 32;

type Pending = { article: Article; bytes: number } | { failed: ItemResult };

/**
 * Ingests the collected inputs, in batches of articles, each batch in one transaction and each
 * article in it all or nothing: a bad article is reported and the batch goes on; an interrupted
 * ingest, run again, completes. Results come in input order, once their batch is stored.
 */
export async function* ingestInputs(
  db: Kysely<Database>,
  collected: Collected,
  options: ReadOptions & { derive?: Derive },
): AsyncGenerator<ItemResult> {
  for (const error of collected.errors) yield { status: "failed", where: error.where ?? "", bytes: 0, error };
  const { inputs } = collected;
  // Reading waits on the disk and storing on the database: the next few one-article files are read
  // while the current one is stored. Streams (JSON Lines, WARC, stdin, feeds) are read in turn.
  const ahead = new Map<number, Promise<ReadItem[]>>();
  const prefetch = (i: number) => {
    const input = inputs[i];
    const stream =
      input && (input.path === "-" || input.remote || input.format === "jsonl" || input.format === "warc");
    if (input && !stream && !ahead.has(i)) {
      ahead.set(i, collect(readInput(input, options)));
    }
  };
  let pending: Pending[] = [];
  // With reading on other threads, a batch is read there while the one before it is written here.
  const overlap = Boolean(options.derive?.readElsewhere);
  let previous: { batch: Pending[]; articles: Article[]; read?: Promise<Map<Article, unknown>> } | undefined;
  const store = async function* (
    batch: Pending[],
    articles: Article[],
    read?: Promise<Map<Article, unknown>>,
  ): AsyncGenerator<ItemResult> {
    const saved = articles.length ? await saveBatch(db, articles, options.derive, read) : [];
    let k = 0;
    for (const p of batch) {
      if ("failed" in p) {
        yield p.failed;
        continue;
      }
      const result = saved[k++] as Saved | Error;
      const where = p.article.source;
      if (result instanceof Error)
        yield { status: "failed", where, bytes: p.bytes, error: asStandpointError(result, "store", where) };
      else
        yield {
          ...result,
          where,
          bytes: p.bytes,
          warnings: [...p.article.warnings, ...(result.notes ?? [])],
        };
    }
  };
  const flush = async function* (): AsyncGenerator<ItemResult> {
    const batch = pending;
    pending = [];
    const articles = batch.flatMap((p) => ("article" in p ? [p.article] : []));
    if (!overlap || !options.derive) {
      yield* store(batch, articles);
      return;
    }
    const read = articles.length ? readAhead(db, articles, options.derive) : undefined;
    // Nothing rejects unseen: a failed reading is read again when its batch is written.
    read?.catch(() => undefined);
    const before = previous;
    previous = { batch, articles, ...(read ? { read } : {}) };
    if (before) yield* store(before.batch, before.articles, before.read);
  };
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as (typeof inputs)[number];
    for (let k = i; k < i + READ_AHEAD; k++) prefetch(k);
    const pendingRead = ahead.get(i);
    ahead.delete(i);
    for await (const item of pendingRead ? await pendingRead : readInput(input, options)) {
      if ("error" in item) {
        const where = item.error.where ?? input.path;
        pending.push({ failed: { status: "failed", where, bytes: item.bytes, error: item.error } });
      } else pending.push({ article: item.article, bytes: item.bytes });
      if (pending.length >= BATCH) yield* flush();
    }
  }
  yield* flush();
  if (previous) yield* store(previous.batch, previous.articles, previous.read);
}
