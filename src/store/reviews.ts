import { randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { bumpGeneration } from "./cache.ts";
import { inList } from "./lists.ts";
import type { Database, ReviewTable } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type ReviewKind = "quote" | "stance";
/** The log's kinds for what reviewers added; decisions on an added item carry the same kind. */
export const ADDED_KINDS = ["stance-added", "quote-added"] as const;
export type AddedKind = (typeof ADDED_KINDS)[number];
export type ReviewAction = "accept" | "reject" | "edit";

/** Appends one decision to the review log; nothing in the log is ever updated or deleted. */
export async function appendReview(
  db: Db,
  entry: Omit<ReviewTable, "id" | "at"> & { at?: string },
): Promise<ReviewTable> {
  const at = entry.at ?? new Date().toISOString();
  // Time first so that ids sort in the order decisions were made.
  const row: ReviewTable = {
    ...entry,
    at,
    id: `r-${at.replace(/\D/g, "")}-${randomBytes(4).toString("hex")}`,
  };
  await db.insertInto("review_log").values(row).execute();
  await bumpGeneration(db);
  return row;
}

/** The log's decisions on items of a kind (on these keys only, if given), oldest first. */
export async function reviewsOf(
  db: Db,
  kind: ReviewKind | AddedKind,
  keys?: string[],
): Promise<ReviewTable[]> {
  let query = db.selectFrom("review_log").selectAll().where("item_kind", "=", kind);
  if (keys) {
    if (!keys.length) return [];
    query = query.where(inList(db, "item_key", keys));
  }
  return query.orderBy("at").orderBy("id").execute();
}
