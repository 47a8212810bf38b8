import type { Kysely } from "kysely";
import { canonical, namesOf, sameAsMap } from "../store/actors.ts";
import { chunks } from "../store/chunks.ts";
import type { Database, QuoteTable } from "../store/schema.ts";
import type { ReviewState, ReviewStatus } from "./reviews.ts";

export interface QuoteResult {
  id: string;
  document: string;
  outlet: string | null;
  title: string | null;
  /** The article's address, for a citation. */
  url: string | null;
  published: string | null;
  speaker: { id: string; name: string } | null;
  /** The state the speaker is of or speaks for (itself, for a state), for facets. */
  state: { id: string; name: string } | null;
  /** The issues the quote bears on. */
  issues: string[];
  kind: string;
  cue: string | null;
  text: string;
  start: number;
  end: number;
  spans: Array<[number, number]>;
  speaker_span: [number, number] | null;
  cue_span: [number, number] | null;
  rule: string;
  review: ReviewStatus;
}

/** A quote's row as stored, or as a reviewer added it (with the issue it bears on). */
type Row = QuoteTable & { issue?: string | null };

/** The rows as answers: reviewed speakers, linked actors under the one they stand for, outlets and titles. */
export async function quoteResults(
  db: Kysely<Database>,
  rows: Row[],
  states: Map<string, ReviewState>,
): Promise<QuoteResult[]> {
  const documents = await documentsOf(db, [...new Set(rows.map((r) => r.document_id))]);
  const speakerOf = (r: { key: string | null; speaker_id: string | null }) =>
    (r.key ? states.get(r.key)?.edits.speaker : undefined) ?? r.speaker_id;
  const sameAs = await sameAsMap(db);
  const speakers = [...new Set(rows.flatMap((r) => speakerOf(r) ?? []).map((id) => canonical(id, sameAs)))];
  const statesOf = await speakerStates(db, speakers);
  const issuesOf = await issuesOfQuotes(db, rows);
  const names = await namesOf(db, [...new Set([...speakers, ...statesOf.values()])]);
  return rows.map((r) => {
    const state: ReviewState | undefined = r.key ? states.get(r.key) : undefined;
    const speaker = speakerOf(r);
    const id = speaker ? canonical(speaker, sameAs) : null;
    return {
      id: r.id,
      document: r.document_id,
      outlet: documents.get(r.document_id)?.outlet ?? null,
      title: documents.get(r.document_id)?.title ?? null,
      url: documents.get(r.document_id)?.url ?? null,
      published: r.published,
      speaker: id ? { id, name: names.get(id) ?? id } : null,
      state: ref(id ? statesOf.get(id) : undefined, names),
      issues: issuesOf.get(r.id) ?? [],
      kind: r.kind,
      cue: r.cue,
      text: r.text,
      start: r.start,
      end: r.end,
      spans: r.spans ? (JSON.parse(r.spans) as Array<[number, number]>) : [[r.start, r.end]],
      speaker_span:
        r.speaker_start !== null && r.speaker_end !== null ? [r.speaker_start, r.speaker_end] : null,
      cue_span: r.cue_start !== null && r.cue_end !== null ? [r.cue_start, r.cue_end] : null,
      rule: r.rule,
      review: state?.status ?? "unreviewed",
    };
  });
}

async function documentsOf(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, { outlet: string | null; title: string | null; url: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom("documents")
    .select(["id", "outlet", "title", "url"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function ref(id: string | undefined, names: Map<string, string>): { id: string; name: string } | null {
  return id ? { id, name: names.get(id) ?? id } : null;
}

/**
 * The state each speaker is of or speaks for: a state itself; a person's country; else the state a
 * role of theirs is for (most often named first). Bodies and persons of no known state have none.
 */
async function speakerStates(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const roleless: string[] = [];
  for (const slice of chunks(ids)) {
    const actors = await db
      .selectFrom("actors")
      .select(["id", "kind", "country"])
      .where("id", "in", slice)
      .execute();
    for (const a of actors) {
      if (a.kind === "state") out.set(a.id, a.id);
      else if (a.kind === "person" && a.country) out.set(a.id, `state:${a.country}`);
      else if (a.kind === "person") roleless.push(a.id);
    }
  }
  for (const slice of chunks(roleless)) {
    const roles = await db
      .selectFrom("roles")
      .select(["actor_id", "of_actor_id"])
      .where("actor_id", "in", slice)
      .where("of_actor_id", "like", "state:%")
      .execute();
    const counts = new Map<string, Map<string, number>>();
    for (const r of roles) {
      if (!r.of_actor_id) continue;
      const mine = counts.get(r.actor_id) ?? new Map<string, number>();
      mine.set(r.of_actor_id, (mine.get(r.of_actor_id) ?? 0) + 1);
      counts.set(r.actor_id, mine);
    }
    for (const [actor, mine] of counts) {
      const [top] = [...mine].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      if (top) out.set(actor, top[0]);
    }
  }
  return out;
}

/** The issues each quote bears on: from the store, or as the reviewer who added it said. */
async function issuesOfQuotes(db: Kysely<Database>, rows: Row[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of rows) if (r.issue) out.set(r.id, [r.issue]);
  const stored = rows.filter((r) => r.issue === undefined);
  const wanted = new Set(stored.map((r) => r.id));
  // By document, which is indexed: the table's key leads with the issue, and a lookup by quote
  // alone would read all of it.
  for (const slice of chunks([...new Set(stored.map((r) => r.document_id))])) {
    const links = await db
      .selectFrom("quote_issues")
      .select(["quote_id", "issue"])
      .where("document_id", "in", slice)
      .orderBy("issue")
      .execute();
    for (const l of links)
      if (wanted.has(l.quote_id)) out.set(l.quote_id, [...(out.get(l.quote_id) ?? []), l.issue]);
  }
  return out;
}
