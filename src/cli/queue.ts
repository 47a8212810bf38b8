import type { Command } from "commander";
import type { QueueStatus } from "../queue/status.ts";
import { storeTarget } from "../store/target.ts";
import {
  addStoreOption,
  argParser,
  needPostgres,
  parseCount,
  type StoreOptions,
  withStore,
} from "./options.ts";

interface QueueFlags extends StoreOptions {
  json?: boolean;
  failures: number;
}

export function registerQueue(program: Command): void {
  addStoreOption(
    program
      .command("queue")
      .description("what `ingest --queue` left for workers: queued, active, done and failed, with rates")
      .option("--json", "print the figures as one JSON object")
      .option("--failures <n>", "failed articles to list, newest first", argParser(parseCount), 20),
  ).action(async (flags: QueueFlags) => {
    needPostgres(flags.db, "queue");
    const { openQueue } = await import("../queue/open.ts");
    const { queueStatus } = await import("../queue/status.ts");
    const status = await withStore(flags, async (store) => {
      const queue = await openQueue(store, storeTarget(flags.db), { supervise: false });
      try {
        return await queueStatus(queue.boss, queue.schema, flags.failures);
      } finally {
        await queue.close();
      }
    });
    process.stdout.write(flags.json ? `${JSON.stringify(status)}\n` : describe(status));
  });
}

function describe(s: QueueStatus): string {
  const lines = [
    `queued  ${s.queued}${s.retrying ? ` (${s.retrying} to be tried again)` : ""}`,
    `active  ${s.active}`,
    `done    ${s.done}`,
    `failed  ${s.failed}`,
    `rate    ${s.rate.lastMinute.toFixed(1)} articles/s over the last minute, ${s.rate.overall.toFixed(1)} since the first was taken`,
  ];
  if (s.failures.length) {
    lines.push("", `failed articles (${s.failures.length} of ${s.failed}, newest first):`);
    for (const f of s.failures) lines.push(`  ${f.where}: ${f.error}`);
  }
  return `${lines.join("\n")}\n`;
}
