import type { Kysely } from "kysely";
import { chunks } from "../store/chunks.ts";
import { reviewsOf } from "../store/reviews.ts";
import type { Database, StanceTable } from "../store/schema.ts";
import { type ReviewState, reviewStates } from "./reviews.ts";

export type StanceValue = "support" | "oppose" | "neutral";
export const STANCE_VALUES: readonly StanceValue[] = ["support", "oppose", "neutral"];

export type ReviewedRow = StanceTable & { outlet: string | null; published: string | null };

/** A stance row as the reviewer left it: rejected rows are dropped by the caller. */
export function reviewed(row: StanceTable, state: ReviewState | undefined): StanceTable {
  if (!state) return row;
  return {
    ...row,
    stance: state.edits.stance ?? row.stance,
    date: state.edits.date ?? row.date,
    actor_id: state.edits.actor ?? row.actor_id,
  };
}

/** The reviews of an issue's stances, by stance key. */
export async function stanceReviews(db: Kysely<Database>, issue: string): Promise<Map<string, ReviewState>> {
  return reviewStates((await reviewsOf(db, "stance")).filter((r) => r.item_key.split("|")[1] === issue));
}

/** The stances reviewers decided on, with their documents' outlet and date. */
export async function reviewedStances(
  db: Kysely<Database>,
  states: Map<string, ReviewState>,
): Promise<ReviewedRow[]> {
  const rows: ReviewedRow[] = [];
  for (const keys of chunks([...states.keys()])) {
    rows.push(
      ...(await db
        .selectFrom("stances")
        .innerJoin("documents", "documents.id", "stances.document_id")
        .selectAll("stances")
        .select(["documents.outlet", "documents.published"])
        .where("stances.key", "in", keys)
        .execute()),
    );
  }
  return rows;
}
