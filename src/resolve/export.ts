import type { Kysely } from "kysely";
import { canonical, sameAsMap } from "../store/actors.ts";
import { reviewsOf } from "../store/reviews.ts";
import type { Database, DocumentTable, QuoteTable, StanceTable } from "../store/schema.ts";
import { listActors } from "./actors.ts";
import type { ExportTable } from "./export-tables.ts";
import { reviewed } from "./reviewed-stances.ts";
import { type ReviewState, reviewStates } from "./reviews.ts";

const PAGE = 1000;

/**
 * The rows of a table as exported, in pages so a large store streams: reviewed values in place of
 * the machine's, rejected items left out, linked actors under the one they stand for.
 */
export async function* exportRows(
  db: Kysely<Database>,
  table: ExportTable,
): AsyncGenerator<Record<string, unknown>> {
  const sameAs = await sameAsMap(db);
  if (table === "actors") {
    for (const a of await listActors(db)) yield { ...a };
    return;
  }
  if (table === "documents") {
    const pages = paged((after) =>
      db.selectFrom("documents").selectAll().where("id", ">", after).orderBy("id").limit(PAGE).execute(),
    );
    for await (const d of pages) yield documentRow(d);
    return;
  }
  if (table === "quotes") {
    const states = reviewStates(await reviewsOf(db, "quote"));
    const pages = paged((after) =>
      db.selectFrom("quotes").selectAll().where("id", ">", after).orderBy("id").limit(PAGE).execute(),
    );
    for await (const q of pages) {
      const state = q.key ? states.get(q.key) : undefined;
      if (state?.status !== "rejected") yield quoteRow(q, state, sameAs);
    }
    return;
  }
  const states = reviewStates(await reviewsOf(db, "stance"));
  const pages = paged((after) =>
    db.selectFrom("stances").selectAll().where("id", ">", after).orderBy("id").limit(PAGE).execute(),
  );
  for await (const row of pages) {
    const state = states.get(row.key);
    if (state?.status !== "rejected") yield stanceRow(row, state, sameAs);
  }
}

/** Every row a page at a time, by id: `read` gives the page after an id. */
async function* paged<T extends { id: string }>(read: (after: string) => Promise<T[]>): AsyncGenerator<T> {
  let after = "";
  for (;;) {
    const rows = await read(after);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

function documentRow(d: DocumentTable): Record<string, unknown> {
  return {
    id: d.id,
    outlet: d.outlet,
    published: d.published,
    title: d.title,
    author: d.author,
    url: d.url,
    dateline: d.dateline,
    near_copy_of: d.near_copy_of,
    source: d.source,
    text: d.text,
  };
}

function quoteRow(
  q: QuoteTable,
  state: ReviewState | undefined,
  sameAs: Map<string, string>,
): Record<string, unknown> {
  const speaker = state?.edits.speaker ?? q.speaker_id;
  return {
    id: q.id,
    document: q.document_id,
    published: q.published,
    speaker_id: speaker ? canonical(speaker, sameAs) : null,
    kind: q.kind,
    cue: q.cue,
    start: q.start,
    end: q.end,
    spans: q.spans ? JSON.parse(q.spans) : [[q.start, q.end]],
    rule: q.rule,
    review: state?.status ?? "unreviewed",
    text: q.text,
  };
}

function stanceRow(
  row: StanceTable,
  state: ReviewState | undefined,
  sameAs: Map<string, string>,
): Record<string, unknown> {
  const s = reviewed(row, state);
  return {
    id: s.id,
    document: s.document_id,
    issue: s.issue,
    actor_id: canonical(s.actor_id, sameAs),
    via_actor_id: s.via_actor_id ? canonical(s.via_actor_id, sameAs) : null,
    stance: s.stance,
    date: s.date,
    evidence: JSON.parse(s.evidence),
    rule: s.rule,
    review: state?.status ?? "unreviewed",
    evidence_text: JSON.parse(s.evidence_text),
  };
}
