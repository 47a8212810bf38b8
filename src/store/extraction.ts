import type { Kysely, Transaction } from "kysely";
import type { ExtractionOut } from "../extract/contract.ts";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 400;

/** Runs an insert over rows in chunks, within the limits both databases put on parameters. */
async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Stores a document's extraction: its actors under their cross-document ids (kept if already
 * known), and its mentions, roles, quotes and dates. Runs inside the document's transaction.
 */
export async function writeExtraction(
  db: Db,
  documentId: string,
  text: string,
  record: ExtractionOut,
): Promise<void> {
  const keyOf = new Map(record.actors.map((a) => [a.id, a.key]));
  const actorRows = record.actors.map((a) => ({
    id: a.key,
    name: a.name,
    kind: a.kind,
    country: a.country ?? null,
  }));
  await inChunks(actorRows, (chunk) =>
    db
      .insertInto("actors")
      .values(chunk)
      .onConflict((oc) => oc.column("id").doNothing())
      .execute(),
  );
  await inChunks(
    record.actors.flatMap((a) =>
      a.mentions.map(([start, end], i) => {
        const rule = a.mention_rules[i] ?? "";
        return {
          document_id: documentId,
          actor_id: a.key,
          start,
          end,
          text: text.slice(start, end),
          form: rule.startsWith("salience")
            ? "pronoun"
            : rule.startsWith("description")
              ? "description"
              : "name",
          rule,
        };
      }),
    ),
    (chunk) => db.insertInto("mentions").values(chunk).execute(),
  );
  await inChunks(
    record.actors.flatMap((a) =>
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
    ),
    (chunk) => db.insertInto("roles").values(chunk).execute(),
  );
  await inChunks(
    record.quotes.map((q, n) => ({
      id: `${documentId}#${n + 1}`,
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
    (chunk) => db.insertInto("quotes").values(chunk).execute(),
  );
  await inChunks(
    record.dates.map((d) => ({
      document_id: documentId,
      start: d.start,
      end: d.end,
      text: d.text,
      value: d.value,
      range_start: d.range?.[0] ?? null,
      range_end: d.range?.[1] ?? null,
      rule: d.rule,
    })),
    (chunk) => db.insertInto("dates").values(chunk).execute(),
  );
}
