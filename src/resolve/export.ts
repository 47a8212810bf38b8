import type { Kysely } from "kysely";
import { canonical, sameAsMap } from "../store/actors.ts";
import { reviewsOf } from "../store/reviews.ts";
import type { Database } from "../store/schema.ts";
import { listActors } from "./actors.ts";
import type { ExportTable } from "./export-tables.ts";
import { reviewed } from "./positions.ts";
import { reviewStates } from "./reviews.ts";

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
    let after = "";
    for (;;) {
      const rows = await db
        .selectFrom("documents")
        .selectAll()
        .where("id", ">", after)
        .orderBy("id")
        .limit(PAGE)
        .execute();
      for (const d of rows)
        yield {
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
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]?.id ?? after;
    }
  }
  if (table === "quotes") {
    const states = reviewStates(await reviewsOf(db, "quote"));
    let after = "";
    for (;;) {
      const rows = await db
        .selectFrom("quotes")
        .selectAll()
        .where("id", ">", after)
        .orderBy("id")
        .limit(PAGE)
        .execute();
      for (const q of rows) {
        const state = q.key ? states.get(q.key) : undefined;
        if (state?.status === "rejected") continue;
        const speaker = state?.edits.speaker ?? q.speaker_id;
        yield {
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
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]?.id ?? after;
    }
  }
  const states = reviewStates(await reviewsOf(db, "stance"));
  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("stances")
      .selectAll()
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const state = states.get(row.key);
      if (state?.status === "rejected") continue;
      const s = reviewed(row, state);
      yield {
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
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}
