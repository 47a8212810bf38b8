import type { Kysely } from "kysely";
import { StandpointError } from "../errors.ts";
import { canonical, findActor, sameAsMap } from "../store/actors.ts";
import { initialsOf } from "../store/initials.ts";
import { inList } from "../store/lists.ts";
import {
  type AddedKind,
  appendReview,
  type ReviewAction,
  type ReviewKind,
  reviewsOf,
} from "../store/reviews.ts";
import type { Database, ReviewTable } from "../store/schema.ts";
import { keyOf } from "../world/fold.ts";
import { addedById } from "./added.ts";
import { parseDateOption } from "./dates.ts";
import { addedItems } from "./review-added.ts";
import { withContext } from "./review-context.ts";
import { item, type ReviewItem } from "./review-item.ts";
import { reviewed, STANCE_VALUES } from "./reviewed-stances.ts";
import { type ReviewState, type ReviewStatus, reviewStates } from "./reviews.ts";

/** The fields a reviewer may edit on each kind of item, added by the machine or by a reviewer. */
export const EDITABLE: Record<ReviewKind | AddedKind, string[]> = {
  quote: ["speaker"],
  stance: ["stance", "date", "actor"],
  "quote-added": ["speaker"],
  "stance-added": ["stance", "date", "actor"],
};

interface Found {
  kind: ReviewKind | AddedKind;
  key: string;
}

/** A quote or stance by the id commands print (`q-…`, `s-…`, `r-…` for one a reviewer added) or by its key. */
async function findItem(db: Kysely<Database>, id: string): Promise<Found> {
  const added = await addedById(db, id);
  if (added) return { kind: added.kind, key: added.row.item_key };
  const quote = await db
    .selectFrom("quotes")
    .selectAll()
    .where((eb) => eb.or([eb("id", "=", id), eb("key", "=", id)]))
    .executeTakeFirst();
  if (quote?.key) return { kind: "quote", key: quote.key };
  const stance = await db
    .selectFrom("stances")
    .selectAll()
    .where((eb) => eb.or([eb("id", "=", id), eb("key", "=", id)]))
    .executeTakeFirst();
  if (stance) return { kind: "stance", key: stance.key };
  throw new StandpointError("not_found", `no quote or stance with id ${id} (see \`standpoint review list\`)`);
}

/** An item's review status now, by its id or key. */
export async function reviewStatus(db: Kysely<Database>, id: string): Promise<ReviewStatus> {
  const item = await findItem(db, id);
  return reviewStates(await reviewsOf(db, item.kind)).get(item.key)?.status ?? "unreviewed";
}

/** The actor id an edit names; a speaker the store does not know yet is added as a person. */
async function actorFor(db: Kysely<Database>, name: string, allowNew: boolean): Promise<string> {
  try {
    return (await findActor(db, name)).id;
  } catch (error) {
    if (!allowNew || !(error instanceof StandpointError) || error.code !== "not_found") throw error;
    const id = `person:${keyOf(name)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}`;
    await db
      .insertInto("actors")
      .values({
        id,
        name: name.trim(),
        kind: "person",
        country: null,
        same_as: null,
        initials: initialsOf(name),
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
    await db
      .insertInto("actor_aliases")
      .values({ alias: keyOf(name), actor_id: id })
      .onConflict((oc) => oc.columns(["alias", "actor_id"]).doNothing())
      .execute();
    return id;
  }
}

export interface Decision {
  action: ReviewAction;
  reviewer: string;
  reason?: string;
  /** For edit: field name to the value given. */
  edits?: Record<string, string>;
}

/**
 * Records a reviewer's decision on items, all checked before any is written; the log only grows.
 * An edit's values are checked and stored resolved (an actor's id, a date as given).
 */
export async function decide(
  db: Kysely<Database>,
  ids: string[],
  decision: Decision,
): Promise<ReviewTable[]> {
  if (!decision.reviewer.trim()) throw new StandpointError("usage", "a review needs a reviewer (--by)");
  const items = [];
  for (const id of ids) items.push(await findItem(db, id));
  const planned: Array<{ item: Found; field: string | null; value: string | null }> = [];
  for (const item of items) {
    if (decision.action !== "edit") {
      planned.push({ item, field: null, value: null });
      continue;
    }
    const edits = Object.entries(decision.edits ?? {});
    if (!edits.length)
      throw new StandpointError("usage", "edit what? give --speaker, --stance, --date or --actor");
    for (const [field, value] of edits) {
      if (!EDITABLE[item.kind].includes(field))
        throw new StandpointError(
          "usage",
          `a ${item.kind} has no field ${field} to edit (${EDITABLE[item.kind].join(", ")})`,
        );
      planned.push({ item, field, value: await checkValue(db, field, value) });
    }
  }
  return db.transaction().execute(async (trx) => {
    const out: ReviewTable[] = [];
    for (const p of planned)
      out.push(
        await appendReview(trx, {
          reviewer: decision.reviewer,
          item_kind: p.item.kind,
          item_key: p.item.key,
          action: decision.action,
          field: p.field,
          value: p.value,
          reason: decision.reason ?? null,
        }),
      );
    return out;
  });
}

async function checkValue(db: Kysely<Database>, field: string, value: string): Promise<string> {
  if (field === "stance") {
    if (!STANCE_VALUES.includes(value as never))
      throw new StandpointError(
        "invalid",
        `not a stance: ${value} (${STANCE_VALUES.join(", ")})`,
        "--stance",
      );
    return value;
  }
  if (field === "date") return parseDateOption(value, "--date");
  if (!/[\p{L}\p{N}]/u.test(value)) throw new StandpointError("invalid", "give a name", `--${field}`);
  return actorFor(db, value, field === "speaker");
}

type ReviewFilter = { kind?: ReviewKind; issue?: string; status?: ReviewStatus | "reviewed"; limit?: number };

/** What is asked of one kind of item: the filter, with that kind's reviews. */
interface Wanted {
  issue: string | undefined;
  status: ReviewFilter["status"];
  limit: number;
  states: Map<string, ReviewState>;
  /** When reviewed items are asked for: the keys of those with the status asked for. */
  reviewed: { keys: string[] } | undefined;
}

/** Items for review: by kind, issue and status, unreviewed ones from the store, reviewed ones from the log. */
export async function listForReview(db: Kysely<Database>, options: ReviewFilter): Promise<ReviewItem[]> {
  const limit = options.limit ?? 50;
  const kinds: ReviewKind[] = options.kind ? [options.kind] : ["stance", "quote"];
  const sameAs = await sameAsMap(db);
  const out: ReviewItem[] = [];
  for (const kind of kinds) {
    const states = reviewStates(await reviewsOf(db, kind));
    const wantReviewed = options.status && options.status !== "unreviewed";
    const keys = [...states]
      .filter(([, s]) => options.status === "reviewed" || !options.status || s.status === options.status)
      .map(([k]) => k);
    const wanted: Wanted = {
      issue: options.issue,
      status: options.status,
      limit,
      states,
      reviewed: wantReviewed ? { keys } : undefined,
    };
    if (!wantReviewed || keys.length)
      out.push(
        ...(kind === "stance" ? await stanceItems(db, wanted, sameAs) : await quoteItems(db, wanted, sameAs)),
      );
    out.push(...(await addedItems(db, kind, wanted, sameAs)));
  }
  return withContext(db, out.slice(0, limit));
}

async function stanceItems(
  db: Kysely<Database>,
  wanted: Wanted,
  sameAs: Map<string, string>,
): Promise<ReviewItem[]> {
  const { states } = wanted;
  let query = db.selectFrom("stances").selectAll();
  if (wanted.issue) query = query.where("issue", "=", wanted.issue);
  if (wanted.reviewed) query = query.where(inList(db, "key", wanted.reviewed.keys));
  else if (wanted.status === "unreviewed" && states.size)
    query = query.where(inList(db, "key", [...states.keys()], true));
  const rows = await query.orderBy("date").orderBy("id").limit(wanted.limit).execute();
  return rows.map((row) => {
    const state = states.get(row.key);
    const now = reviewed(row, state);
    return item("stance", row.id, row.key, row.document_id, state, {
      values: {
        actor: canonical(now.actor_id, sameAs),
        stance: now.stance,
        date: now.date,
        via: row.via_actor_id,
        issue: row.issue,
      },
      machine: { actor: row.actor_id, stance: row.stance, date: row.date },
      text: (JSON.parse(row.evidence_text) as string[]).join(" … "),
      span: (JSON.parse(row.evidence) as Array<[number, number]>)[0] ?? [0, 0],
      rule: row.rule,
    });
  });
}

async function quoteItems(
  db: Kysely<Database>,
  wanted: Wanted,
  sameAs: Map<string, string>,
): Promise<ReviewItem[]> {
  const { states, issue } = wanted;
  let query = db.selectFrom("quotes").selectAll();
  if (issue)
    query = query.where("id", "in", (eb) =>
      eb.selectFrom("quote_issues").select("quote_id").where("issue", "=", issue),
    );
  if (wanted.reviewed) query = query.where(inList(db, "key", wanted.reviewed.keys));
  else if (wanted.status === "unreviewed" && states.size)
    query = query.where(inList(db, "key", [...states.keys()], true));
  const rows = await query.orderBy("published").orderBy("id").limit(wanted.limit).execute();
  return rows.map((row) => {
    const state = row.key ? states.get(row.key) : undefined;
    const speaker = state?.edits.speaker ?? row.speaker_id;
    return item("quote", row.id, row.key ?? row.id, row.document_id, state, {
      values: { speaker: speaker ? canonical(speaker, sameAs) : null, cue: row.cue, kind: row.kind },
      machine: { speaker: row.speaker_id },
      text: row.text,
      span: [row.start, row.end],
      rule: row.rule,
    });
  });
}
