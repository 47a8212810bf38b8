import type { Kysely } from "kysely";
import { canonical } from "../store/actors.ts";
import { type ReviewKind, reviewsOf } from "../store/reviews.ts";
import type { Database } from "../store/schema.ts";
import { item, type ReviewItem } from "./review-item.ts";
import { type ReviewStatus, reviewStates } from "./reviews.ts";

interface AddedValues {
  actor?: string;
  stance?: string;
  date?: string | null;
  speaker?: string;
  kind?: string;
  issue?: string | null;
  start?: number;
  end?: number;
  text: string;
}

/**
 * What reviewers added, as items for review beside the machine's: accepted by their adding, then
 * accepted, edited or rejected like any other. Never unreviewed, so the queue of unreviewed items
 * leaves them out.
 */
export async function addedItems(
  db: Kysely<Database>,
  kind: ReviewKind,
  wanted: { issue: string | undefined; status: ReviewStatus | "reviewed" | undefined },
  sameAs: Map<string, string>,
): Promise<ReviewItem[]> {
  if (wanted.status === "unreviewed") return [];
  const states = reviewStates(await reviewsOf(db, kind === "stance" ? "stance-added" : "quote-added"));
  const out: ReviewItem[] = [];
  for (const [key, state] of states) {
    const add = state.history.findLast((r) => r.action === "add");
    if (!add) continue;
    if (wanted.status && wanted.status !== "reviewed" && state.status !== wanted.status) continue;
    const v = JSON.parse(add.value ?? "{}") as AddedValues;
    const [document = ""] = key.split("|");
    const issue = kind === "stance" ? (key.split("|")[1] ?? null) : (v.issue ?? null);
    if (wanted.issue && issue !== wanted.issue) continue;
    const rule = `review:added by ${add.reviewer}`;
    if (kind === "stance") {
      const machine = { actor: v.actor ?? null, stance: v.stance ?? null, date: v.date ?? null };
      const now = { ...machine, ...state.edits };
      out.push(
        item("stance", add.id, key, document, state, {
          values: { ...now, actor: now.actor && canonical(now.actor, sameAs), via: null, issue },
          machine,
          text: v.text,
          span: [v.start ?? 0, v.end ?? 0],
          rule,
        }),
      );
    } else {
      const [, start = "0", end = "0"] = key.split("|");
      const speaker = state.edits.speaker ?? v.speaker ?? null;
      out.push(
        item("quote", add.id, key, document, state, {
          values: { speaker: speaker && canonical(speaker, sameAs), cue: null, kind: v.kind ?? null },
          machine: { speaker: v.speaker ?? null },
          text: v.text,
          span: [Number(start), Number(end)],
          rule,
        }),
      );
    }
  }
  return out;
}
