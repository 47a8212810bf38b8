import { collectInputs } from "../ingest/inputs.ts";
import type { Store } from "../store/open.ts";
import { storeTarget } from "../store/target.ts";
import { jsonLine } from "./item-report.ts";
import type { StoreOptions } from "./options.ts";
import { Progress, progressEnabled } from "./progress.ts";
import type { WebFlags, WebReading } from "./web-options.ts";

/** The flags of `ingest` that bear on queuing. */
export interface EnqueueFlags extends StoreOptions, WebFlags {
  json?: boolean;
  quiet?: boolean;
  maxSize: number;
  issue?: string[];
  codebook?: string[];
  lease: number;
  learned?: boolean;
}

export interface EnqueueTally {
  queued: number;
  already: number;
  failed: number;
  skipped: number;
}

/**
 * `ingest --queue`: reads the inputs and queues their articles for workers, storing the codebooks
 * named so that every worker reads the same issues. Unreadable inputs are reported, not queued.
 */
export async function runEnqueue(
  store: Store,
  paths: string[],
  flags: EnqueueFlags,
  web: WebReading = {},
): Promise<EnqueueTally> {
  const started = Date.now();
  const { openQueue } = await import("../queue/open.ts");
  const { enqueueInputs } = await import("../queue/enqueue.ts");
  const { chooseCodebooks } = await import("../ingest/codebooks.ts");
  const queue = await openQueue(store, storeTarget(flags.db), { supervise: false });
  const tally: EnqueueTally = { queued: 0, already: 0, failed: 0, skipped: 0 };
  try {
    const named = flags.issue?.length || flags.codebook?.length;
    const issues = named ? (await chooseCodebooks(store, flags)).books.map((b) => b.id) : null;
    const collected = await collectInputs(paths);
    tally.skipped = collected.skipped;
    const total = collected.inputs.reduce((sum, input) => sum + input.size, 0);
    const progress = new Progress(total, progressEnabled(flags.quiet || flags.json));
    for await (const result of enqueueInputs(queue.boss, collected, {
      maxBytes: flags.maxSize,
      stdin: process.stdin,
      ...web,
      issues,
      leaseSeconds: flags.lease,
      ...(flags.learned ? { learned: true } : {}),
    })) {
      tally[result.status]++;
      progress.advance(result.bytes);
      if (flags.json) {
        process.stdout.write(`${jsonLine(result)}\n`);
      } else if (result.status === "failed") {
        progress.clear();
        process.stderr.write(`standpoint: ${result.error.line()}\n`);
      }
    }
    progress.finish();
  } finally {
    await queue.close();
  }
  const seconds = (Date.now() - started) / 1000;
  if (flags.json)
    process.stdout.write(`${JSON.stringify({ summary: tally, store: store.location, seconds })}\n`);
  else
    process.stdout.write(
      `${store.location}: ${tally.queued} queued, ${tally.already} queued before, ${tally.failed} failed${tally.skipped ? `; ${tally.skipped} other files passed over` : ""} (${seconds.toFixed(1)} s); \`standpoint worker\` with the same --db stores them\n`,
    );
  return tally;
}
