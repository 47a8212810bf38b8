import type { Kysely } from "kysely";
import { StandpointError } from "../errors.ts";
import { findActor, saveKnownActors } from "../store/actors.ts";
import { findIssue } from "../store/codebooks.ts";
import { type AddedKind, appendReview } from "../store/reviews.ts";
import type { Database, ReviewTable } from "../store/schema.ts";
import { actorIdOf, lookupName } from "../world/gazetteer.ts";
import { liveAdds } from "./added.ts";
import { parseDateOption } from "./dates.ts";
import { passageOf } from "./passage.ts";
import { type ReviewedRow, STANCE_VALUES, type StanceValue } from "./reviewed-stances.ts";
import type { ReviewState } from "./reviews.ts";

/** The log's kind for a stance a reviewer added: kept apart from the machine's stances' decisions. */
const KIND: AddedKind = "stance-added";

/** A stance the machine missed, as a reviewer marks it in a document. */
export interface StanceToAdd {
  document: string;
  start: number;
  end: number;
  issue: string;
  actor: string;
  stance: StanceValue;
  /** The day it was taken; the article's date when not given. */
  date?: string;
}

/**
 * Adds a stance the machine missed: the passage of a document that shows it, who takes it, which
 * way, on which issue. It is appended to the review log with who and why, and counted like any
 * reviewed evidence from then on (re-extraction does not touch the log).
 */
export async function addStance(
  db: Kysely<Database>,
  add: StanceToAdd,
  by: { reviewer: string; reason?: string },
): Promise<ReviewTable> {
  if (!by.reviewer.trim())
    throw new StandpointError("usage", "an added stance needs the reviewer's name", "reviewer");
  const passage = await passageOf(db, add.document, add.start, add.end);
  if (!STANCE_VALUES.includes(add.stance))
    throw new StandpointError("invalid", `not a stance: ${add.stance} (support, oppose, neutral)`);
  const issue = await findIssue(db, add.issue);
  const actor = await actorFor(db, add.actor);
  const date = add.date ? parseDateOption(add.date, "date") : passage.published;
  return appendReview(db, {
    reviewer: by.reviewer.trim(),
    item_kind: KIND,
    item_key: `${add.document}|${issue.id}|${add.start}-${add.end}|${actor}`,
    action: "add",
    field: null,
    value: JSON.stringify({
      actor,
      stance: add.stance,
      date,
      start: add.start,
      end: add.end,
      text: passage.text,
    }),
    reason: by.reason?.trim() || null,
  });
}

/** The actor a reviewer names: one of the store's, or a state or body of the gazetteer, stored now. */
async function actorFor(db: Kysely<Database>, name: string): Promise<string> {
  try {
    return (await findActor(db, name)).id;
  } catch (error) {
    const entry = lookupName(name);
    if (!entry) throw error;
    const id = actorIdOf(entry);
    await saveKnownActors(db, [id]);
    return id;
  }
}

/** The stances reviewers added on an issue and no one rejected, as stance rows with their edits,
 * their documents' outlet and date, and their review state (accepted by the adding, or edited). */
export async function addedStances(
  db: Kysely<Database>,
  issue: string,
): Promise<Array<ReviewedRow & { review: ReviewState }>> {
  const mine = (await liveAdds(db, KIND)).filter(({ add }) => add.item_key.split("|")[1] === issue);
  const docs = new Map(
    (mine.length
      ? await db
          .selectFrom("documents")
          .select(["id", "outlet", "published"])
          .where("id", "in", [...new Set(mine.map(({ add }) => add.item_key.split("|")[0] as string))])
          .execute()
      : []
    ).map((d) => [d.id, d]),
  );
  return mine.map(({ add, state }) => {
    const v = JSON.parse(add.value ?? "{}") as {
      actor: string;
      stance: string;
      date: string | null;
      start: number;
      end: number;
      text: string;
    };
    const document = add.item_key.split("|")[0] as string;
    return {
      id: add.id,
      key: add.item_key,
      document_id: document,
      issue,
      actor_id: state.edits.actor ?? v.actor,
      via_actor_id: null,
      stance: state.edits.stance ?? v.stance,
      date: state.edits.date ?? v.date,
      evidence: JSON.stringify([[v.start, v.end]]),
      evidence_text: JSON.stringify([v.text]),
      cues: "[]",
      rule: `review:added by ${add.reviewer}`,
      outlet: docs.get(document)?.outlet ?? null,
      published: docs.get(document)?.published ?? null,
      review: state,
    };
  });
}
