import { statSync } from "node:fs";
import type { Kysely } from "kysely";
import { asStandpointError, type StandpointError } from "../errors.ts";
import { saveRecords } from "../store/records.ts";
import type { Database } from "../store/schema.ts";
import type { RecordBatch } from "./rows.ts";
import { readUserTable } from "./table.ts";
import { isUnFolder, readUnFolder } from "./un.ts";

/** What importing one path did: rows stored, and each line refused with its reason. */
export interface ImportResult {
  path: string;
  roll_calls: number;
  records: number;
  problems: string[];
  error?: string;
}

/** Problems in file order, then line order. */
function byPlace(a: StandpointError, b: StandpointError): number {
  const place = (e: StandpointError) => /^(.*?)(?::(\d+))?$/.exec(e.where ?? "") as RegExpExecArray;
  const [, fa = "", la = "0"] = place(a);
  const [, fb = "", lb = "0"] = place(b);
  return fa.localeCompare(fb) || Number(la) - Number(lb);
}

/** Reads a path of records: the UN voting data folder, or a user's CSV or JSON Lines table. */
export function readRecords(path: string, options: { issue?: string } = {}): RecordBatch {
  if (statSync(path).isDirectory()) {
    if (!isUnFolder(path))
      throw asStandpointError(
        new Error("not the UN voting data (no unvotes_roll_calls.csv, no unsc_vetoes_*.csv)"),
        "input",
        path,
      );
    return readUnFolder(path);
  }
  return readUserTable(path, options);
}

/**
 * Imports each path on its own: a path that cannot be read is reported and the others go on;
 * within a path, refused lines are reported and the rest stored in one transaction.
 */
export async function importRecords(
  db: Kysely<Database>,
  paths: string[],
  options: { issue?: string } = {},
): Promise<ImportResult[]> {
  const out: ImportResult[] = [];
  for (const path of paths) {
    try {
      const batch = readRecords(path, options);
      await saveRecords(db, batch.rollCalls, batch.records);
      out.push({
        path,
        roll_calls: batch.rollCalls.length,
        records: batch.records.length,
        problems: batch.problems.sort(byPlace).map((p) => p.line()),
      });
    } catch (error) {
      out.push({
        path,
        roll_calls: 0,
        records: 0,
        problems: [],
        error: asStandpointError(error, "input", path).line(),
      });
    }
  }
  return out;
}
