import type { Kysely } from "kysely";
import { ADDED_KINDS, type AddedKind, reviewsOf } from "../store/reviews.ts";
import type { Database, ReviewTable } from "../store/schema.ts";
import { type ReviewState, reviewStates } from "./reviews.ts";

/** An added item as reviewers left it: the row that added it and the decisions taken on it since. */
export interface Added {
  add: ReviewTable;
  state: ReviewState;
}

/**
 * The items of a kind reviewers added and no one rejected since, oldest first, with their edits.
 * `keyPrefix` narrows them to keys starting so (a document's quotes).
 */
export async function liveAdds(db: Kysely<Database>, kind: AddedKind, keyPrefix?: string): Promise<Added[]> {
  const all = await reviewsOf(db, kind);
  // Reviewers add by hand: few enough to narrow here, with no LIKE pattern to escape.
  const log = keyPrefix ? all.filter((r) => r.item_key.startsWith(keyPrefix)) : all;
  const out: Added[] = [];
  for (const state of reviewStates(log).values()) {
    const add = state.history.findLast((r) => r.action === "add");
    if (add && state.status !== "rejected") out.push({ add, state });
  }
  return out.sort((a, b) => (a.add.at < b.add.at ? -1 : a.add.at > b.add.at ? 1 : 0));
}

/** The added item a log id names (the id `review add` printed), with its kind. */
export async function addedById(
  db: Kysely<Database>,
  id: string,
): Promise<{ kind: AddedKind; row: ReviewTable } | undefined> {
  const row = await db
    .selectFrom("review_log")
    .selectAll()
    .where("id", "=", id)
    .where("action", "=", "add")
    .where("item_kind", "in", [...ADDED_KINDS])
    .executeTakeFirst();
  return row ? { kind: row.item_kind as AddedKind, row } : undefined;
}
