import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { ExtractionRecord } from "../contract.ts";
import { saveActors } from "./actors.ts";
import { bumpGeneration } from "./cache.ts";
import { countHeld, insertHeld } from "./held.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** A short id for a stable key: what users type to review an item. */
export function shortId(prefix: string, key: string): string {
  return `${prefix}${createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
}

/** A quote's key: the same text re-extracted gives the same key, so reviews find it again. */
export const quoteKey = (documentId: string, start: number, end: number) => `${documentId}|${start}|${end}`;

/** A stance's key: document, issue, the actor as the document names it, and the direction found. */
export const stanceKey = (documentId: string, issue: string, actor: string, stance: string) =>
  `${documentId}|${issue}|${actor}|${stance}`;

type KeyOf = Map<string, string>;

/**
 * Stores a document's extraction: its actors under their cross-document ids (kept if already
 * known), and its mentions, roles, quotes with the issues they bear on, dates, stances and events.
 * Runs inside the document's transaction.
 */
export async function writeExtraction(
  db: Db,
  documentId: string,
  text: string,
  record: ExtractionRecord,
): Promise<void> {
  // The record names actors a1, a2, …; the store names them by their cross-document keys.
  const keyOf: KeyOf = new Map(record.actors.map((a) => [a.id, a.key]));
  await bumpGeneration(db);
  await saveActors(db, record.actors);
  await insertHeld(db, "mentions", mentionRows(documentId, text, record));
  await insertHeld(db, "roles", roleRows(documentId, record, keyOf));
  await writeQuotes(db, documentId, record, keyOf);
  await writeStances(db, documentId, text, record, keyOf);
  await insertHeld(db, "events", eventRows(documentId, text, record, keyOf));
  await insertHeld(db, "dates", dateRows(documentId, record));
}

function mentionRows(documentId: string, text: string, record: ExtractionRecord) {
  return record.actors.flatMap((a) =>
    a.mentions.map(([start, end], i) => {
      return {
        document_id: documentId,
        actor_id: a.key,
        start,
        end,
        text: text.slice(start, end),
        form: a.mention_forms[i] ?? "name",
        rule: a.mention_rules[i] ?? "",
      };
    }),
  );
}

/** The roles the text gives; a byline's "author" is not one of them. */
function roleRows(documentId: string, record: ExtractionRecord, keyOf: KeyOf) {
  return record.actors.flatMap((a) =>
    a.roles
      .filter((r) => r.title !== "author")
      .map((r) => ({
        document_id: documentId,
        actor_id: a.key,
        title: r.title,
        of_actor_id: r.of ? (keyOf.get(r.of) ?? null) : null,
        start: r.span?.[0] ?? 0,
        end: r.span?.[1] ?? 0,
        rule: r.rule ?? "",
      })),
  );
}

/** The quotes, under ids from their stable keys, and the issues each bears on. */
async function writeQuotes(
  db: Db,
  documentId: string,
  record: ExtractionRecord,
  keyOf: KeyOf,
): Promise<void> {
  const quotes = record.quotes.map((q) => {
    const key = quoteKey(documentId, q.start, q.end);
    return { quote: q, key, id: shortId("q-", key) };
  });
  await insertHeld(
    db,
    "quotes",
    quotes.map(({ quote: q, key, id }) => ({
      id,
      key,
      published: record.published,
      document_id: documentId,
      start: q.start,
      end: q.end,
      text: q.text,
      kind: q.kind,
      spans: q.spans ? JSON.stringify(q.spans) : null,
      speaker_id: q.speaker ? (keyOf.get(q.speaker) ?? null) : null,
      speaker_start: q.speaker_span?.[0] ?? null,
      speaker_end: q.speaker_span?.[1] ?? null,
      cue: q.cue,
      cue_start: q.cue_span?.[0] ?? null,
      cue_end: q.cue_span?.[1] ?? null,
      rule: q.rule,
    })),
    ["id"],
  );
  await insertHeld(
    db,
    "quote_issues",
    quotes.flatMap(({ quote, id }) =>
      (quote.issues ?? []).map((issue) => ({
        quote_id: id,
        document_id: documentId,
        issue,
        published: record.published,
        start: quote.start,
      })),
    ),
    ["issue", "quote_id"],
  );
}

/** The stances, under ids from their stable keys, and each once in the per-day counts. */
async function writeStances(
  db: Db,
  documentId: string,
  text: string,
  record: ExtractionRecord,
  keyOf: KeyOf,
): Promise<void> {
  const stances = record.stances.map((s) => {
    const actor = keyOf.get(s.actor) ?? s.actor;
    const key = stanceKey(documentId, s.issue, actor, s.stance);
    return {
      id: shortId("s-", key),
      key,
      document_id: documentId,
      issue: s.issue,
      actor_id: actor,
      via_actor_id: s.via ? (keyOf.get(s.via) ?? null) : null,
      stance: s.stance,
      date: s.date,
      evidence: JSON.stringify(s.evidence),
      evidence_text: JSON.stringify(s.evidence.map(([start, end]) => text.slice(start, end))),
      cues: JSON.stringify(s.cues),
      rule: s.rule,
    };
  });
  await insertHeld(db, "stances", stances, ["id"]);
  await countHeld(db, [...new Map(stances.map((s) => [s.id, s])).values()]);
}

/** An event once for each issue it bears on. */
function eventRows(documentId: string, text: string, record: ExtractionRecord, keyOf: KeyOf) {
  return record.events.flatMap((e) =>
    e.issues.map((issue) => ({
      document_id: documentId,
      issue,
      start: e.start,
      end: e.end,
      date: e.date,
      date_start: e.date_span[0],
      date_end: e.date_span[1],
      text: text.slice(e.start, e.end),
      actors: JSON.stringify(e.actors.map((a) => keyOf.get(a) ?? a)),
    })),
  );
}

function dateRows(documentId: string, record: ExtractionRecord) {
  return record.dates.map((d) => ({
    document_id: documentId,
    start: d.start,
    end: d.end,
    text: d.text,
    value: d.value,
    range_start: d.range?.[0] ?? null,
    range_end: d.range?.[1] ?? null,
    rule: d.rule,
  }));
}
