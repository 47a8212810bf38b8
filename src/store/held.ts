import type { Insertable, Kysely, Transaction } from "kysely";
import { insertRows } from "./insert.ts";
import type { Database } from "./schema.ts";
import { countStances, type StanceCountRow } from "./stances.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Tables holding what extraction derives from a document; cleared when it is extracted again.
 * Their rows may wait for the end of a batch: nothing stored in the batch reads them back.
 */
export const EXTRACTED_TABLES = [
  "mentions",
  "roles",
  "quotes",
  "quote_issues",
  "dates",
  "stances",
  "events",
] as const;
/**
 * What a batch may hold: the extracted tables; the names actors are known by, read back only when
 * a newcomer's surname is looked up (which flushes first); and near-copy bands, which the batch's
 * later documents read from the store and from what is held (heldRows).
 */
const HELD_TABLES = [...EXTRACTED_TABLES, "actor_aliases", "document_bands"] as const;
type HeldTable = (typeof HELD_TABLES)[number];

interface Held {
  rows: Map<HeldTable, { ignore?: readonly string[]; rows: Insertable<Database[HeldTable]>[] }>;
  counted: StanceCountRow[];
}

const heldBy = new WeakMap<object, Held>();

/**
 * Makes a batch's transaction keep the rows of the held tables until `flushHeld`, so each table
 * takes a few inserts for the whole batch instead of one a document: on PostgreSQL every statement
 * is a round trip. The batch stays all or nothing, as its transaction is.
 */
export function holdRows(trx: Transaction<Database>): void {
  heldBy.set(trx, { rows: new Map(), counted: [] });
}

/**
 * Inserts the rows now, or at the flush when `db` is a transaction holding rows. A table is held
 * under the conflict rule of its first rows: each table is always inserted with the same one.
 */
export async function insertHeld<T extends HeldTable>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
  ignore?: readonly string[],
): Promise<void> {
  const held = heldBy.get(db);
  if (!held) {
    await insertRows(db, table, rows, ignore);
    return;
  }
  const entry = held.rows.get(table) ?? { ...(ignore ? { ignore } : {}), rows: [] };
  held.rows.set(table, entry);
  for (const row of rows) entry.rows.push(row as Insertable<Database[HeldTable]>);
}

/** The rows `db` holds for a table, not yet in the store. */
export function heldRows<T extends HeldTable>(db: Db, table: T): readonly Insertable<Database[T]>[] {
  return (heldBy.get(db)?.rows.get(table)?.rows ?? []) as Insertable<Database[T]>[];
}

/** Adds stances to the per-day counts now, or at the flush. */
export async function countHeld(db: Db, rows: StanceCountRow[]): Promise<void> {
  const held = heldBy.get(db);
  if (!held) return countStances(db, rows);
  held.counted.push(...rows);
}

/**
 * Writes what `db` holds, table by table. Run before the batch commits, and before anything
 * deletes or reads rows of a held table other than through heldRows.
 */
export async function flushHeld(db: Db): Promise<void> {
  const held = heldBy.get(db);
  if (!held) return;
  for (const table of HELD_TABLES) {
    const entry = held.rows.get(table);
    if (!entry) continue;
    const rows = entry.ignore ? firstOfEach(entry.rows, entry.ignore) : entry.rows;
    for (const part of binaryParts(rows)) await insertRows(db, table, part, entry.ignore);
  }
  const counted = held.counted;
  held.rows.clear();
  held.counted = [];
  await countStances(db, counted);
}

const LARGEST_PART = 256;

/**
 * Rows in parts of 256, 128, 64 … 1 rows: a batch's count differs from batch to batch, and parts
 * of a few sizes let each insert's SQL and SQLite's prepared statement be reused.
 */
function binaryParts<R>(rows: R[]): R[][] {
  const parts: R[][] = [];
  let i = 0;
  for (; rows.length - i >= LARGEST_PART; i += LARGEST_PART) parts.push(rows.slice(i, i + LARGEST_PART));
  for (let size = LARGEST_PART >> 1; size >= 1; size >>= 1) {
    if (rows.length - i < size) continue;
    parts.push(rows.slice(i, i + size));
    i += size;
  }
  return parts;
}

/** The first row of each value of the unique columns: the rest would be skipped as they clash. */
function firstOfEach<R>(rows: R[], columns: readonly string[]): R[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = columns.map((c) => String((row as Record<string, unknown>)[c])).join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
