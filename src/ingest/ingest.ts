import type { Kysely } from "kysely";
import { asStandpointError, type StandpointError } from "../errors.ts";
import type { Database } from "../store/schema.ts";
import type { Collected } from "./inputs.ts";
import { type ReadItem, type ReadOptions, readInput } from "./read.ts";
import { type DeriveHook, type Saved, saveArticle } from "./save.ts";

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

/**
 * Ingests the collected inputs, one article at a time, each in its own transaction: a bad article
 * is reported and the batch goes on; an interrupted batch, run again, completes.
 */
export async function* ingestInputs(
  db: Kysely<Database>,
  collected: Collected,
  options: ReadOptions & { derive?: DeriveHook },
): AsyncGenerator<ItemResult> {
  for (const error of collected.errors) yield { status: "failed", where: error.where ?? "", bytes: 0, error };
  const { inputs } = collected;
  // Reading waits on the disk and storing on the database: the next few one-article files are read
  // while the current one is stored. Streams (JSON Lines, WARC, stdin) are read in turn.
  const ahead = new Map<number, Promise<ReadItem[]>>();
  const prefetch = (i: number) => {
    const input = inputs[i];
    if (input && !ahead.has(i) && input.path !== "-" && input.format !== "jsonl" && input.format !== "warc") {
      ahead.set(i, collect(readInput(input, options)));
    }
  };
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as (typeof inputs)[number];
    for (let k = i; k < i + READ_AHEAD; k++) prefetch(k);
    const pending = ahead.get(i);
    ahead.delete(i);
    for await (const item of pending ? await pending : readInput(input, options)) {
      if ("error" in item) {
        yield {
          status: "failed",
          where: item.error.where ?? input.path,
          bytes: item.bytes,
          error: item.error,
        };
        continue;
      }
      const { article } = item;
      try {
        const saved = await saveArticle(db, article, options.derive);
        const warnings = [...article.warnings, ...(saved.notes ?? [])];
        yield { ...saved, where: article.source, bytes: item.bytes, warnings };
      } catch (error) {
        yield {
          status: "failed",
          where: article.source,
          bytes: item.bytes,
          error: asStandpointError(error, "store", article.source),
        };
      }
    }
  }
}
