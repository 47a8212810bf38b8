import type { Kysely } from "kysely";
import { StandpointError } from "../errors.ts";
import { canonical, namesOf, sameAsMap } from "../store/actors.ts";
import { getDocument, getDuplicate } from "../store/documents.ts";
import { reviewsOf } from "../store/reviews.ts";
import type { Database, QuoteTable, StanceTable } from "../store/schema.ts";
import { addedQuotes } from "./added-quotes.ts";
import { type ReviewState, reviewStates } from "./reviews.ts";

type Name = (actor: string | null) => string | null;

/**
 * A document with everything extracted from it, for reading with the extractions highlighted:
 * mentions, quotes (reviewed speakers first), dates and stances, each by its offsets in the text.
 */
export async function documentView(db: Kysely<Database>, id: string) {
  const dup = await getDuplicate(db, id);
  const doc = await getDocument(db, dup?.duplicate_of ?? id);
  if (!doc) throw new StandpointError("not_found", `no document with id ${JSON.stringify(id)}`);
  const { mentions, quotes, dates, stances } = await extractionsOf(db, doc.id);
  const quoteStates = reviewStates(
    await reviewsOf(
      db,
      "quote",
      quotes.flatMap((q) => q.key ?? []),
    ),
  );
  const stanceStates = reviewStates(
    await reviewsOf(
      db,
      "stance",
      stances.map((s) => s.key),
    ),
  );
  const sameAs = await sameAsMap(db);
  const speakerOf = (q: QuoteTable) => {
    const s = (q.key ? quoteStates.get(q.key)?.edits.speaker : undefined) ?? q.speaker_id;
    return s ? canonical(s, sameAs) : null;
  };
  const ids = new Set<string>();
  for (const m of mentions) ids.add(canonical(m.actor_id, sameAs));
  for (const q of quotes) {
    const s = speakerOf(q);
    if (s) ids.add(s);
  }
  for (const s of stances) ids.add(canonical(s.actor_id, sameAs));
  const names = await namesOf(db, [...ids]);
  const name: Name = (actor) => (actor ? (names.get(actor) ?? actor) : null);
  return {
    id: doc.id,
    title: doc.title,
    outlet: doc.outlet,
    author: doc.author,
    published: doc.published,
    url: doc.url,
    near_copy_of: doc.near_copy_of,
    text: doc.text,
    mentions: mentions.map((m) => {
      const actor = canonical(m.actor_id, sameAs);
      return { start: m.start, end: m.end, actor, name: name(actor), form: m.form, rule: m.rule };
    }),
    quotes: quoteViews(quotes, quoteStates, speakerOf, name),
    dates: dates.map((d) => ({ start: d.start, end: d.end, value: d.value, rule: d.rule })),
    stances: stanceViews(stances, stanceStates, sameAs, name),
  };
}

async function extractionsOf(db: Kysely<Database>, documentId: string) {
  const [mentions, found, added, dates, stances] = await Promise.all([
    db.selectFrom("mentions").selectAll().where("document_id", "=", documentId).orderBy("start").execute(),
    db.selectFrom("quotes").selectAll().where("document_id", "=", documentId).orderBy("start").execute(),
    addedQuotes(db, documentId),
    db.selectFrom("dates").selectAll().where("document_id", "=", documentId).orderBy("start").execute(),
    db.selectFrom("stances").selectAll().where("document_id", "=", documentId).execute(),
  ]);
  // Quotes reviewers added stand with the machine's, in text order.
  const quotes: QuoteTable[] = [...found, ...added].sort((a, b) => a.start - b.start);
  return { mentions, quotes, dates, stances };
}

/** The quotes not rejected, with their speakers as reviewed. */
function quoteViews(
  quotes: QuoteTable[],
  states: Map<string, ReviewState>,
  speakerOf: (q: QuoteTable) => string | null,
  name: Name,
) {
  return quotes
    .filter((q) => !q.key || states.get(q.key)?.status !== "rejected")
    .map((q) => {
      const speaker = speakerOf(q);
      return {
        id: q.id,
        start: q.start,
        end: q.end,
        spans: q.spans ? (JSON.parse(q.spans) as Array<[number, number]>) : [[q.start, q.end]],
        kind: q.kind,
        speaker,
        speaker_name: name(speaker),
        speaker_span:
          q.speaker_start !== null && q.speaker_end !== null ? [q.speaker_start, q.speaker_end] : null,
        cue: q.cue,
        cue_span: q.cue_start !== null && q.cue_end !== null ? [q.cue_start, q.cue_end] : null,
        rule: q.rule,
        review: (q.key ? states.get(q.key)?.status : undefined) ?? "unreviewed",
      };
    });
}

/** The stances not rejected, with their actor, direction and date as reviewed. */
function stanceViews(
  stances: StanceTable[],
  states: Map<string, ReviewState>,
  sameAs: Map<string, string>,
  name: Name,
) {
  return stances
    .filter((s) => states.get(s.key)?.status !== "rejected")
    .map((s) => {
      const state = states.get(s.key);
      const actor = canonical(state?.edits.actor ?? s.actor_id, sameAs);
      return {
        id: s.id,
        issue: s.issue,
        actor,
        name: name(actor),
        stance: state?.edits.stance ?? s.stance,
        date: state?.edits.date ?? s.date,
        evidence: JSON.parse(s.evidence) as Array<[number, number]>,
        rule: s.rule,
        review: state?.status ?? "unreviewed",
      };
    });
}
