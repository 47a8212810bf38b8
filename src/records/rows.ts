import type { StandpointError } from "../errors.ts";
import type { RecordTable, RollCallTable } from "../store/schema.ts";

export type RollCallRow = Omit<RollCallTable, "imported_at">;
export type RecordRow = Omit<RecordTable, "imported_at">;

/** What one file or folder of records gives: its roll calls and acts, and each line refused. */
export interface RecordBatch {
  source: string;
  rollCalls: RollCallRow[];
  records: RecordRow[];
  problems: StandpointError[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date as the record must give it, YYYY-MM-DD (or YYYY-MM, YYYY), checked against the calendar. */
export function isDate(text: string): boolean {
  const full = DAY.exec(text);
  if (full) {
    const d = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
  }
  return /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(text);
}
