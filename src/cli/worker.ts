import type { Command } from "commander";
import { oneLine, StandpointError } from "../errors.ts";
import type { Tally } from "../ingest/ingest.ts";
import type { OpenQueue } from "../queue/open.ts";
import type { Store } from "../store/open.ts";
import { storeTarget } from "../store/target.ts";
import { summaryLine } from "./ingest.ts";
import { reportItem } from "./item-report.ts";
import { addStoreOption, argParser, needPostgres, type StoreOptions } from "./options.ts";

interface WorkerFlags extends StoreOptions {
  batch: number;
  drain?: boolean;
  json?: boolean;
  quiet?: boolean;
}

export function registerWorker(program: Command): void {
  addStoreOption(
    program
      .command("worker")
      .description(
        "take queued articles (`ingest --queue`), extract and store them; run as many as you like, anywhere",
      )
      .option("--batch <n>", "articles taken and stored at once", argParser(parseBatch), 32)
      .option("--drain", "stop once the queue is empty, instead of waiting for more")
      .option("--json", "print one JSON line per article and a summary line")
      .option("-q, --quiet", "no running count"),
  ).action(async (flags: WorkerFlags) => {
    needPostgres(flags.db, "worker");
    const tally = await runWorker(flags);
    if (tally.failed > 0) process.exitCode = 1;
  });
}

function parseBatch(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new StandpointError("usage", `not a batch size from 1 to 1000: ${value}`);
  return n;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the store and its queue, waiting for the database when it cannot be reached: a worker
 * started before the database, or on a machine whose network comes up later, says so once a try
 * and keeps trying, one, two, four… up to thirty seconds apart. Undefined if stopped meanwhile.
 */
async function connect(
  target: string,
  stopped: Promise<void>,
): Promise<{ store: Store; queue: OpenQueue } | undefined> {
  const { openStore } = await import("../store/open.ts");
  const { openQueue } = await import("../queue/open.ts");
  let stopping = false;
  void stopped.then(() => {
    stopping = true;
  });
  for (let wait = 1; !stopping; wait = Math.min(wait * 2, 30)) {
    let store: Store | undefined;
    try {
      store = await openStore(target);
      return { store, queue: await openQueue(store, target, { supervise: true }) };
    } catch (error) {
      await store?.close();
      if (!(error instanceof StandpointError) || error.code !== "store") throw error;
      process.stderr.write(`standpoint: worker: ${error.line()}; trying again in ${wait} s\n`);
      await Promise.race([sleep(wait * 1000), stopped]);
    }
  }
  return undefined;
}

async function runWorker(flags: WorkerFlags): Promise<Tally> {
  const started = Date.now();
  const { emptyTally, count } = await import("../ingest/ingest.ts");
  const { startWorking } = await import("../queue/work.ts");
  const { queueDrained } = await import("../queue/status.ts");
  let stop: (() => void) | undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  // A signal lets the batch in hand be stored and settled before the worker ends.
  process.once("SIGINT", () => stop?.());
  process.once("SIGTERM", () => stop?.());
  const tally = emptyTally();
  const connected = await connect(storeTarget(flags.db), stopped);
  if (!connected) {
    process.stderr.write("standpoint: worker: stopped before the store could be reached\n");
    return tally;
  }
  const { store, queue } = connected;
  const running = new RunningCount(flags.quiet || flags.json);
  try {
    await startWorking(queue.boss, store, {
      batchSize: flags.batch,
      report: (result) => {
        count(tally, result);
        reportItem(result, flags.json);
        running.update(tally);
      },
      postponed: (jobs, error) =>
        process.stderr.write(
          `standpoint: worker: ${jobs} article(s) not stored for now, to be tried again: ${oneLine(error.message)}\n`,
        ),
    });
    if (flags.drain)
      void drain(
        () => queueDrained(queue.boss, queue.schema),
        stopped,
        () => stop?.(),
      );
    await stopped;
  } finally {
    await queue.close();
    await store.close();
  }
  const seconds = (Date.now() - started) / 1000;
  if (flags.json)
    process.stdout.write(`${JSON.stringify({ summary: tally, store: store.location, seconds })}\n`);
  else process.stdout.write(`${summaryLine(tally, store.location, seconds)}\n`);
  return tally;
}

/** Calls `done` once the queue has been found empty twice a second apart. */
async function drain(empty: () => Promise<boolean>, stopped: Promise<void>, done: () => void): Promise<void> {
  let over = false;
  void stopped.then(() => {
    over = true;
  });
  let emptyBefore = false;
  while (!over) {
    await sleep(1000);
    const now = await empty().catch(() => false);
    if (now && emptyBefore) return done();
    emptyBefore = now;
  }
}

/** What a worker has stored so far, on stderr at most every ten seconds. */
class RunningCount {
  private last = Date.now();
  private readonly started = Date.now();
  constructor(private readonly quiet: boolean | undefined) {}

  update(tally: Tally): void {
    const now = Date.now();
    if (this.quiet || now - this.last < 10_000) return;
    this.last = now;
    const stored = tally.added + tally.replaced + tally.duplicate + tally.unchanged;
    const rate = stored / ((now - this.started) / 1000);
    process.stderr.write(
      `standpoint: worker: ${stored} stored, ${tally.failed} failed (${rate.toFixed(1)} articles/s)\n`,
    );
  }
}
