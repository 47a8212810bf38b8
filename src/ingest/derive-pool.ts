import { ExtractPool, type PoolSetup } from "../pipeline/pool.ts";
import { metaOf, type Read } from "./derive.ts";
import type { Derive, DerivedFrom } from "./derive-step.ts";

/** Documents each worker is handed at most. Its replies wait while this thread writes a batch, so
 * the count of what it holds falls only then: room for several batches of ingest's 32 keeps the
 * next batch from waiting on it. */
const HELD = 256;

/**
 * The derive step of `ingest --jobs N`: documents are read on N - 1 worker threads while this one
 * writes the batch before. What is read is what `derive.read` reads here, which stays
 * for documents the transaction finds unread.
 */
export function readOnPool(
  derive: Derive<Read>,
  jobs: number,
  setup: PoolSetup,
): { derive: Derive<Read>; pool: ExtractPool } {
  const pool = new ExtractPool(jobs - 1, setup, undefined, HELD);
  const readElsewhere = async (doc: DerivedFrom): Promise<Read> => {
    const read = await pool.extract(metaOf(doc));
    if ("line" in read) throw new Error("the pool was set to print, not to store");
    return { record: read.record, detected: read.detected };
  };
  return { derive: { ...derive, readElsewhere }, pool };
}
