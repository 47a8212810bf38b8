import type { PgBoss } from "pg-boss";
import { type JobData, QUEUE, queueSchema } from "./boss.ts";

export interface QueueStatus {
  /** Waiting for a worker, counting those waiting to be tried again. */
  queued: number;
  /** Of the queued, those whose earlier attempt failed for a passing reason. */
  retrying: number;
  /** Held by a worker now (or by one that died, until its lease runs out). */
  active: number;
  done: number;
  failed: number;
  /** Documents stored a second: over the last minute (or the part of it the queue worked), and since the first was taken. */
  rate: { lastMinute: number; overall: number };
  /** Failed documents, newest first: where each came from and why it failed. */
  failures: Array<{ where: string; error: string; at: string }>;
}

/** A failed job: settled by a worker with where and why, or by pg-boss with the error thrown. */
interface FailedRow {
  id: string;
  data: Partial<JobData> | null;
  output: { where?: string; error?: string; message?: string } | null;
  completed_on: Date;
}

interface Row {
  state: string;
  n: number | string;
}

/**
 * The queue as it stands, counted from pg-boss's job table (its own counts are refreshed only
 * every minute). Completed jobs are kept a week, as pg-boss does by default, and counted while kept.
 */
export async function queueStatus(boss: PgBoss, storeSchema: string, failures = 20): Promise<QueueStatus> {
  const db = boss.getDb();
  const table = `${queueSchema(storeSchema)}.job`;
  const states = await db.executeSql(
    `SELECT state, count(*) AS n FROM ${table} WHERE name = $1 GROUP BY state`,
    [QUEUE],
  );
  const count = (state: string) => Number((states.rows as Row[]).find((r) => r.state === state)?.n ?? 0);
  const rates = await db.executeSql(
    `SELECT count(*) FILTER (WHERE completed_on > now() - interval '1 minute') AS minute,
            extract(epoch FROM now() - greatest(now() - interval '1 minute',
              min(started_on) FILTER (WHERE completed_on > now() - interval '1 minute'))) AS recent,
            extract(epoch FROM max(completed_on) - min(started_on)) AS span
       FROM ${table} WHERE name = $1 AND state = 'completed'`,
    [QUEUE],
  );
  const rate = rates.rows[0] as { minute: string; recent: string | null; span: string | null };
  const done = count("completed");
  const span = Number(rate.span ?? 0);
  const recent = Number(rate.recent ?? 0);
  const failed = await db.executeSql(
    `SELECT id, data, output, completed_on FROM ${table}
      WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC LIMIT $2`,
    [QUEUE, failures],
  );
  return {
    queued: count("created") + count("retry"),
    retrying: count("retry"),
    active: count("active"),
    done,
    failed: count("failed"),
    rate: { lastMinute: recent > 0 ? Number(rate.minute) / recent : 0, overall: span > 0 ? done / span : 0 },
    failures: (failed.rows as FailedRow[]).map((r) => ({
      where: r.output?.where ?? r.data?.article?.source ?? `job ${r.id}`,
      error: r.output?.error ?? r.output?.message ?? "failed",
      at: new Date(r.completed_on).toISOString(),
    })),
  };
}

/** Whether nothing is left for a worker: no job waiting, waiting to be retried, or held. */
export async function queueDrained(boss: PgBoss, storeSchema: string): Promise<boolean> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT 1 FROM ${queueSchema(storeSchema)}.job WHERE name = $1 AND state IN ('created', 'retry', 'active') LIMIT 1`,
      [QUEUE],
    );
  return rows.length === 0;
}
