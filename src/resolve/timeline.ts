import type { Kysely } from "kysely";
import { canonical, namesOf, sameAsMap } from "../store/actors.ts";
import { listCodebooks } from "../store/codebooks.ts";
import type { Database } from "../store/schema.ts";
import { keyOf } from "../world/fold.ts";
import { endOfPeriod } from "./dates.ts";
import { positions } from "./positions.ts";
import { type RecordStance, recordStances, recordText } from "./record-stances.ts";

export interface TimelineSource {
  document: string;
  outlet: string | null;
  published: string | null;
  span: [number, number];
  date_span: [number, number];
}

export type TimelineEntry =
  | {
      kind: "event";
      date: string;
      text: string;
      actors: Array<{ id: string; name: string }>;
      /** Every article that reports it, the first one's offsets for the text. */
      sources: TimelineSource[];
    }
  | {
      kind: "stance";
      date: string;
      actor: { id: string; name: string };
      stance: string;
      /** The stance before, or null for the first one on record. */
      previous: string | null;
      evidence: { id: string; document: string; text: string; span: [number, number] } | null;
    }
  | {
      kind: "record";
      date: string;
      /** A recorded vote (once, with its counts) or a recognition or withdrawal (one state). */
      act: "vote" | "recognition";
      text: string;
      actors: Array<{ id: string; name: string }>;
      /** For a vote, each act's count. */
      counts: Record<"yes" | "no" | "abstain" | "absent" | "veto", number> | null;
      bears: "stance" | "own-issue";
      source: string;
    };

type EventEntry = Extract<TimelineEntry, { kind: "event" }>;
type Period = { from?: string; to?: string };

/**
 * What happened when on an issue: dated sentences from the articles on it (the same sentence in
 * several articles once, with all its sources), recorded votes and recognitions bearing on it,
 * and each actor's changes of stance.
 */
export async function timeline(
  db: Kysely<Database>,
  issue: string,
  options: Period = {},
): Promise<TimelineEntry[]> {
  const rows = await eventRows(db, issue, options);
  const sameAs = await sameAsMap(db);
  const entries: TimelineEntry[] = await eventEntries(db, rows, sameAs);
  entries.push(...(await stanceEntries(db, issue, options, sameAs)));
  entries.push(...(await recordEntries(db, issue, options)));
  const order = { record: 0, event: 1, stance: 2 };
  return entries.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind]);
}

function eventRows(db: Kysely<Database>, issue: string, options: Period) {
  let query = db
    .selectFrom("events")
    .innerJoin("documents", "documents.id", "events.document_id")
    .selectAll("events")
    .select(["documents.outlet", "documents.published", "documents.near_copy_of"])
    .where("events.issue", "=", issue);
  if (options.from) query = query.where("events.date", ">=", options.from);
  if (options.to) query = query.where("events.date", "<=", endOfPeriod(options.to));
  return query.orderBy("events.date").orderBy("events.document_id").orderBy("events.start").execute();
}

const words = (text: string) =>
  new Set(
    keyOf(text)
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );

/** How alike two sentences' words are (shared over all): an edited copy's sentence keeps most. */
function alike(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** An edited copy's sentence this much like the original's, on the same date, is the same event. */
const SAME_EVENT = 0.6;

/**
 * The events, each sentence once with every article that reports it, and its actors named: the
 * same words in several articles are one event, and so is a near-copy's edited sentence on the
 * same date as its original's.
 */
async function eventEntries(
  db: Kysely<Database>,
  rows: Awaited<ReturnType<typeof eventRows>>,
  sameAs: Map<string, string>,
): Promise<EventEntry[]> {
  const actorIds = new Set<string>();
  const byText = new Map<string, EventEntry & { words: Set<string>; document: string }>();
  // Originals first, so that a near-copy finds its original's events whatever their order.
  const ordered = [...rows.filter((r) => !r.near_copy_of), ...rows.filter((r) => r.near_copy_of)];
  for (const r of ordered) {
    const source: TimelineSource = {
      document: r.document_id,
      outlet: r.outlet,
      published: r.published,
      span: [r.start, r.end],
      date_span: [r.date_start, r.date_end],
    };
    const key = `${r.date}|${keyOf(r.text).replace(/[^a-z0-9]+/g, " ")}`;
    const own = words(r.text);
    const known =
      byText.get(key) ??
      (r.near_copy_of
        ? [...byText.values()].find(
            (e) => e.document === r.near_copy_of && e.date === r.date && alike(e.words, own) >= SAME_EVENT,
          )
        : undefined);
    if (known) {
      known.sources.push(source);
      continue;
    }
    const ids = [...new Set((JSON.parse(r.actors) as string[]).map((id) => canonical(id, sameAs)))];
    for (const id of ids) actorIds.add(id);
    byText.set(key, {
      kind: "event",
      date: r.date,
      text: r.text.replace(/\s+/g, " ").trim(),
      actors: ids.map((id) => ({ id, name: id })),
      sources: [source],
      words: own,
      document: r.document_id,
    });
  }
  const names = await namesOf(db, [...actorIds]);
  return [...byText.values()].map(({ words: _w, document: _d, ...e }) => ({
    ...e,
    actors: e.actors.map((a) => ({ id: a.id, name: names.get(a.id) ?? a.id })),
  }));
}

/** Recorded votes bearing on the issue, once each with their counts, and each recognition or withdrawal. */
async function recordEntries(db: Kysely<Database>, issue: string, options: Period): Promise<TimelineEntry[]> {
  const book = (await listCodebooks(db)).find((b) => b.id === issue);
  const acts = (await recordStances(db, issue, book)).filter(
    (r) => (!options.from || r.date >= options.from) && (!options.to || r.date <= endOfPeriod(options.to)),
  );
  const names = await namesOf(db, [...new Set(acts.map((a) => a.actor))]);
  const entries: TimelineEntry[] = [];
  const votes = new Map<string, RecordStance[]>();
  for (const a of acts) {
    if (a.roll_call_id) votes.set(a.roll_call_id, [...(votes.get(a.roll_call_id) ?? []), a]);
    else
      entries.push({
        kind: "record",
        date: a.date,
        act: "recognition",
        text: `${names.get(a.actor) ?? a.actor} ${recordText(a)}`,
        actors: [{ id: a.actor, name: names.get(a.actor) ?? a.actor }],
        counts: null,
        bears: "stance",
        source: a.source,
      });
  }
  for (const [id, list] of votes) {
    const first = list[0] as RecordStance;
    const counts = { yes: 0, no: 0, abstain: 0, absent: 0, veto: 0 };
    for (const a of list) if (a.act in counts) counts[a.act as keyof typeof counts]++;
    // Absences are not stances: count them from the roll call itself.
    const absent = await db
      .selectFrom("records")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("roll_call_id", "=", id)
      .where("act", "=", "absent")
      .executeTakeFirst();
    counts.absent = Number(absent?.n ?? 0);
    const tally = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([act, n]) => `${n} ${act}`)
      .join(", ");
    entries.push({
      kind: "record",
      date: first.date,
      act: "vote",
      text: `${(first.forum ?? "").toUpperCase()} vote on ${first.object}: ${tally}${first.title ? ` (${first.title})` : ""}`,
      actors: [],
      counts,
      bears: first.bears,
      source: first.source,
    });
  }
  return entries;
}

/** Each actor's changes of stance in the period, with the first evidence of each. */
async function stanceEntries(
  db: Kysely<Database>,
  issue: string,
  options: Period,
  sameAs: Map<string, string>,
): Promise<TimelineEntry[]> {
  // The stored ids linked to each actor: its evidence may be stored under any of them.
  const linked = new Map<string, string[]>();
  for (const [from] of sameAs) {
    const to = canonical(from, sameAs);
    linked.set(to, [...(linked.get(to) ?? []), from]);
  }
  const entries: TimelineEntry[] = [];
  for (const p of await positions(db, issue, { evidence: 0, ...(options.to ? { at: options.to } : {}) })) {
    let previous: string | null = null;
    for (const change of p.changes) {
      if (!options.from || change.date >= options.from) {
        const ids = [p.actor.id, ...(linked.get(p.actor.id) ?? [])];
        entries.push({
          kind: "stance",
          date: change.date,
          actor: { id: p.actor.id, name: p.actor.name },
          stance: change.stance,
          previous,
          evidence: await firstEvidence(db, issue, ids, change),
        });
      }
      previous = change.stance;
    }
  }
  return entries;
}

/** The first stored stance (by document) behind a change of stance. */
async function firstEvidence(
  db: Kysely<Database>,
  issue: string,
  ids: string[],
  change: { date: string; stance: string },
): Promise<Extract<TimelineEntry, { kind: "stance" }>["evidence"]> {
  const first = await db
    .selectFrom("stances")
    .select(["id", "document_id", "evidence", "evidence_text"])
    .where("issue", "=", issue)
    .where("actor_id", "in", ids)
    .where("date", "=", change.date)
    .where("stance", "=", change.stance)
    .orderBy("document_id")
    .executeTakeFirst();
  return first
    ? {
        id: first.id,
        document: first.document_id,
        text: (JSON.parse(first.evidence_text) as string[])[0] ?? "",
        span: (JSON.parse(first.evidence) as Array<[number, number]>)[0] ?? [0, 0],
      }
    : null;
}
