import type { ReviewTable } from "../store/schema.ts";

export type ReviewStatus = "unreviewed" | "accepted" | "rejected" | "edited";

/** What a reviewer decided about one item: the latest accept or reject, and the latest value of each field edited. */
export interface ReviewState {
  status: ReviewStatus;
  edits: Record<string, string>;
  /** Who decided last, when and why. */
  by: string;
  at: string;
  reason: string | null;
  history: ReviewTable[];
}

/**
 * Folds the log, oldest first, into each item's state. An edit also accepts the item, unless it
 * was rejected: a rejected item stays out until it is accepted again, then with its edits; a
 * reject after edits rejects it (the edits are kept should it be accepted again). An item a reviewer
 * added is accepted by its adding; adding it again starts it afresh.
 */
export function reviewStates(rows: ReviewTable[]): Map<string, ReviewState> {
  const states = new Map<string, ReviewState>();
  for (const row of rows) {
    const state = states.get(row.item_key) ?? {
      status: "unreviewed" as ReviewStatus,
      edits: {},
      by: row.reviewer,
      at: row.at,
      reason: null,
      history: [],
    };
    if (row.action === "add") {
      state.status = "accepted";
      state.edits = {};
    } else if (row.action === "reject") state.status = "rejected";
    else if (row.action === "accept") state.status = Object.keys(state.edits).length ? "edited" : "accepted";
    else if (row.action === "edit" && row.field && row.value !== null) {
      state.edits[row.field] = row.value;
      if (state.status !== "rejected") state.status = "edited";
    }
    state.by = row.reviewer;
    state.at = row.at;
    state.reason = row.reason;
    state.history.push(row);
    states.set(row.item_key, state);
  }
  return states;
}
