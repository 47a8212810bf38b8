import type { Kysely } from "kysely";
import { asStandpointError, type StandpointError } from "../errors.ts";
import type { Database } from "../store/schema.ts";
import type { Collected } from "./inputs.ts";
import { type ReadOptions, readInput } from "./read.ts";
import { type DeriveHook, type Saved, saveArticle } from "./save.ts";

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
  for (const input of collected.inputs) {
    for await (const item of readInput(input, options)) {
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
        yield { ...saved, where: article.source, bytes: item.bytes, warnings: article.warnings };
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
