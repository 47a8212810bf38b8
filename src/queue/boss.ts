import { PgBoss } from "pg-boss";
import { StandpointError } from "../errors.ts";
import type { Article } from "../ingest/article.ts";
import { redactUrl, splitSchema } from "../store/postgres/connect.ts";

/** The one queue standpoint keeps: documents waiting to be extracted and stored. */
export const QUEUE = "standpoint-documents";

/** What a job carries: the article as read, and the issues it is to be read for. */
export interface JobData {
  article: Article;
  /** Codebook ids given with --issue or --codebook; null: the user's earlier choices, and detection. */
  issues: string[] | null;
  /** Its place in the enqueue that queued it: a batch is stored in that order. */
  seq: number;
  /** Stances read by the learned model too (`ingest --queue --learned`). */
  learned?: boolean;
}

/** How long a worker may go silent before its batch is given to another; pg-boss's floor is 10 s. */
export const DEFAULT_LEASE_SECONDS = 30;
export const MIN_LEASE_SECONDS = 10;

/** Attempts of a batch that failed for a passing reason (the database went away) before it fails. */
const RETRY_LIMIT = 4;

/** pg-boss's tables sit beside the store's, in a schema named after it, so two stores keep two queues. */
export function queueSchema(storeSchema: string): string {
  return `${storeSchema}_queue`;
}

export interface BossOptions {
  /** Look for batches whose worker went silent: workers do, a command that only enqueues or reads does not. */
  supervise: boolean;
}

/** Connects pg-boss to the store's database, installing its tables on first use, and makes the queue. */
export async function startBoss(url: string, storeSchema: string, options: BossOptions): Promise<PgBoss> {
  const { connectionString } = splitSchema(url);
  const boss = new PgBoss({
    connectionString,
    schema: queueSchema(storeSchema),
    application_name: "standpoint",
    max: 3,
    supervise: options.supervise,
    // A batch whose worker died is found within a few seconds of its lease running out: the
    // monitor pass that fails silent jobs runs at the longer of these two intervals.
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
    schedule: false,
  });
  // pg-boss reports what goes wrong in its background loops here; an error event with no
  // listener would end the process.
  boss.on("error", (error) => reportBossError(error));
  try {
    await boss.start();
    await boss.createQueue(QUEUE, { retryLimit: RETRY_LIMIT, retryDelay: 2, retryBackoff: true });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw new StandpointError("store", `cannot start the queue: ${(error as Error).message}`, redactUrl(url));
  }
  return boss;
}

let lastReported = { message: "", at: 0 };

/** One line for a background error, the same one at most every ten seconds (a lost database repeats it). */
function reportBossError(error: Error): void {
  const now = Date.now();
  if (error.message === lastReported.message && now - lastReported.at < 10_000) return;
  lastReported = { message: error.message, at: now };
  process.stderr.write(`standpoint: queue: ${error.message.replace(/\s+/g, " ")}\n`);
}
