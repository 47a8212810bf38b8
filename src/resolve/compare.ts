import type { Kysely } from "kysely";
import { canonical, namesOf, sameAsMap } from "../store/actors.ts";
import { reviewsOf } from "../store/reviews.ts";
import type { Database } from "../store/schema.ts";
import { keyOf } from "../world/fold.ts";
import { ownersOf } from "./owners.ts";
import { reviewed, STANCE_VALUES, type StanceValue } from "./reviewed-stances.ts";
import { type ReviewState, reviewStates } from "./reviews.ts";

export interface OutletProfile {
  outlet: string;
  documents: number;
  quotes: number;
  /** Who it quoted, most often first. */
  speakers: Array<{ id: string; name: string; quotes: number }>;
  /** The stances it reported, by direction. */
  stances: Record<StanceValue, number>;
  /** Its stances by actor: whom it showed for and against. */
  actors: Array<{ id: string; name: string } & Record<StanceValue, number>>;
  /** Quotes no other outlet carried. */
  only_here: Array<{ id: string; document: string; speaker: string | null; text: string }>;
}

const NO_OUTLET = "(no outlet)";
const words = (text: string) =>
  keyOf(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

type Counts = Record<StanceValue, number>;
/** A profile while it is counted: its documents and its speakers' quotes are kept aside. */
type Counting = OutletProfile & { docs: Set<string>; bySpeaker: Map<string, number> };

/**
 * How outlets differ on an issue: for each, the quotes it carried, whom it quoted, the mix of
 * stances it reported, and the quotes only it carried (the same words elsewhere count as carried).
 */
export async function compareOutlets(db: Kysely<Database>, issue: string): Promise<OutletProfile[]> {
  const sameAs = await sameAsMap(db);
  const quoteStates = reviewStates(await reviewsOf(db, "quote"));
  const stanceStates = reviewStates(
    (await reviewsOf(db, "stance")).filter((r) => r.item_key.split("|")[1] === issue),
  );
  const quotes = await issueQuotes(db, issue);
  const stances = await issueStances(db, issue);
  const profiles = new Map<string, Counting>();
  const live = quotes.filter((q) => !q.key || quoteStates.get(q.key)?.status !== "rejected");
  const speakerOf = (q: IssueQuote) =>
    (q.key ? quoteStates.get(q.key)?.edits.speaker : undefined) ?? q.speaker_id;
  const carriers = countQuotes(profiles, live, speakerOf, sameAs);
  const byActor = await countStances(db, profiles, stances, stanceStates);
  const ids = new Set<string>();
  for (const p of profiles.values()) for (const id of p.bySpeaker.keys()) ids.add(id);
  for (const actors of byActor.values()) for (const id of actors.keys()) ids.add(id);
  const names = await namesOf(db, [...ids]);
  for (const q of live) {
    const outlet = q.outlet ?? NO_OUTLET;
    if (carriers.get(words(q.text))?.size !== 1) continue;
    const speaker = speakerOf(q);
    profiles.get(outlet)?.only_here.push({
      id: q.id,
      document: q.document_id,
      speaker: speaker ? (names.get(canonical(speaker, sameAs)) ?? speaker) : null,
      text: q.text,
    });
  }
  return finished(profiles, byActor, names);
}

function issueQuotes(db: Kysely<Database>, issue: string) {
  return db
    .selectFrom("quote_issues")
    .innerJoin("quotes", "quotes.id", "quote_issues.quote_id")
    .innerJoin("documents", "documents.id", "quotes.document_id")
    .select([
      "quotes.id",
      "quotes.key",
      "quotes.document_id",
      "quotes.speaker_id",
      "quotes.text",
      "documents.outlet",
    ])
    .where("quote_issues.issue", "=", issue)
    .orderBy("quotes.published")
    .execute();
}

type IssueQuote = Awaited<ReturnType<typeof issueQuotes>>[number];

function issueStances(db: Kysely<Database>, issue: string) {
  return db
    .selectFrom("stances")
    .innerJoin("documents", "documents.id", "stances.document_id")
    .selectAll("stances")
    .select("documents.outlet")
    .where("stances.issue", "=", issue)
    .execute();
}

/** An outlet's profile, begun when first met. */
function profileOf(profiles: Map<string, Counting>, outlet: string | null): Counting {
  const name = outlet ?? NO_OUTLET;
  let p = profiles.get(name);
  if (!p) {
    p = {
      outlet: name,
      documents: 0,
      quotes: 0,
      speakers: [],
      stances: { support: 0, oppose: 0, neutral: 0 },
      actors: [],
      only_here: [],
      docs: new Set(),
      bySpeaker: new Map(),
    };
    profiles.set(name, p);
  }
  return p;
}

/** Counts each outlet's quotes by speaker; returns the outlets that carried each quote's words. */
function countQuotes(
  profiles: Map<string, Counting>,
  live: IssueQuote[],
  speakerOf: (q: IssueQuote) => string | null,
  sameAs: Map<string, string>,
): Map<string, Set<string>> {
  const carriers = new Map<string, Set<string>>();
  for (const q of live) {
    const p = profileOf(profiles, q.outlet);
    p.docs.add(q.document_id);
    p.quotes++;
    const speaker = speakerOf(q);
    if (speaker) {
      const id = canonical(speaker, sameAs);
      p.bySpeaker.set(id, (p.bySpeaker.get(id) ?? 0) + 1);
    }
    const key = words(q.text);
    carriers.set(key, (carriers.get(key) ?? new Set()).add(p.outlet));
  }
  return carriers;
}

/** Counts each outlet's stances by direction and by actor, as reviewed; returns the counts by outlet and actor. */
async function countStances(
  db: Kysely<Database>,
  profiles: Map<string, Counting>,
  stances: Awaited<ReturnType<typeof issueStances>>,
  stanceStates: Map<string, ReviewState>,
): Promise<Map<string, Map<string, Counts>>> {
  // Stances count for whom they are for: an official's for his state, as in positions.
  const owners = await ownersOf(
    db,
    stances.map((row) => reviewed(row, stanceStates.get(row.key)).actor_id),
  );
  const byActor = new Map<string, Map<string, Counts>>();
  for (const row of stances) {
    const state = stanceStates.get(row.key);
    if (state?.status === "rejected") continue;
    const s = reviewed(row, state);
    if (!STANCE_VALUES.includes(s.stance as StanceValue)) continue;
    const p = profileOf(profiles, row.outlet);
    p.docs.add(row.document_id);
    p.stances[s.stance as StanceValue]++;
    const actors = byActor.get(p.outlet) ?? new Map<string, Counts>();
    const id = owners.owner(s.actor_id);
    const counts = actors.get(id) ?? { support: 0, oppose: 0, neutral: 0 };
    counts[s.stance as StanceValue]++;
    actors.set(id, counts);
    byActor.set(p.outlet, actors);
  }
  return byActor;
}

/** The profiles as answered: counts in place of what was kept aside, most documents first. */
function finished(
  profiles: Map<string, Counting>,
  byActor: Map<string, Map<string, Counts>>,
  names: Map<string, string>,
): OutletProfile[] {
  return [...profiles.values()]
    .map(({ docs, bySpeaker, ...p }) => ({
      ...p,
      documents: docs.size,
      speakers: [...bySpeaker]
        .map(([id, n]) => ({ id, name: names.get(id) ?? id, quotes: n }))
        .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name)),
      actors: [...(byActor.get(p.outlet) ?? new Map<string, Counts>())]
        .map(([id, counts]) => ({ id, name: names.get(id) ?? id, ...counts }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => b.documents - a.documents || a.outlet.localeCompare(b.outlet));
}
