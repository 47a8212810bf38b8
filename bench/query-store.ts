/**
 * A generated store for bench:query: documents, actors with roles and aliases, quotes with the
 * issues they bear on, stances and their per-day counts, at the scale asked for. Words follow a
 * Zipf law over a large vocabulary, speakers and stance-takers a skewed one, dates cluster around
 * the events of a dispute: searches and filters meet realistic selectivity.
 */
import { sql } from "kysely";
import { inChunks } from "../src/store/chunks.ts";
import type { Store } from "../src/store/open.ts";
import type {
  DocumentTable,
  QuoteIssueTable,
  QuoteTable,
  RoleTable,
  StanceDayTable,
  StanceTable,
} from "../src/store/schema.ts";
import { settle } from "../src/store/settle.ts";
import { stateInfo, stateName, states } from "../src/world/states.ts";
import { random } from "./generate.ts";

export const ISSUES = ["kosovo-independence", "abkhazia-independence", "western-sahara-independence"];
const QUOTES_PER_DOCUMENT = 10;
const STANCES_PER_DOCUMENT = 3;
const PERSONS = 3000;
const OUTLETS = 40;

const SYLLABLES = "ka lo mi ner sta vo ri den tal gor pre sen mun dal ve kor tis lan bra on er at".split(" ");
const COMMON =
  "the of and to in said that would on for was it with as by not its is at from this be independence council recognition".split(
    " ",
  );

/** A vocabulary of common words and 20,000 made-up ones, drawn by a Zipf law. */
export function vocabulary(): string[] {
  const rand = random(7);
  const words = new Set(COMMON);
  while (words.size < 20_000) {
    const n = 2 + Math.floor(rand() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(""));
  }
  return [...words];
}

/** Index 0 … n-1 drawn with probability ∝ 1/(i+1)^s. */
function zipf(n: number, s: number, rand: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s;
    cumulative.push(total);
  }
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A date from 2007 to 2009, a third of them in the weeks around 17 February 2008. */
function dateOf(rand: () => number): string {
  const base = Date.UTC(2007, 0, 1);
  const day = rand() < 0.33 ? 400 + Math.floor(rand() * 40) : Math.floor(rand() * 3 * 365);
  return new Date(base + day * 86_400_000).toISOString().slice(0, 10);
}

export const stateCodes = () => [...states().keys()].filter((c) => stateInfo(c)?.type === "state");

/** Fills an empty store with `quotes` quotes (and a tenth as many documents). Returns seconds taken. */
export async function buildStore(store: Store, quotes: number, log: (line: string) => void): Promise<number> {
  const started = Date.now();
  const { db } = store;
  const rand = random(42);
  const words = vocabulary();
  const word = zipf(words.length, 1.05, rand);
  const states = stateCodes();
  const stateOf = zipf(states.length, 1.2, rand);
  const personOf = zipf(PERSONS, 1.1, rand);
  if (store.backend === "postgres") await sql`DROP INDEX IF EXISTS quotes_text_search`.execute(db);

  await inChunks(
    states.map((code) => ({
      id: `state:${code}`,
      name: stateName(code),
      kind: "state",
      country: code,
      same_as: null,
    })),
    (chunk) => db.insertInto("actors").values(chunk).execute(),
  );
  const persons = Array.from({ length: PERSONS }, (_, i) => ({
    id: `person:p${i}`,
    name: `Person ${words[100 + i]} ${words[5000 + i]}`,
    kind: "person",
    country: states[stateOf()] ?? null,
    same_as: null,
  }));
  await inChunks(persons, (chunk) => db.insertInto("actors").values(chunk).execute());
  await inChunks(
    persons.flatMap((p) => [
      { alias: p.name.toLowerCase(), actor_id: p.id },
      { alias: (p.name.split(" ").pop() as string).toLowerCase(), actor_id: p.id },
    ]),
    (chunk) =>
      db
        .insertInto("actor_aliases")
        .values(chunk)
        .onConflict((oc) => oc.columns(["alias", "actor_id"]).doNothing())
        .execute(),
  );

  const STANCES = ["support", "oppose", "neutral"] as const;
  const leaning = states.map(() => {
    const before: string = STANCES[rand() < 0.45 ? 0 : rand() < 0.65 ? 1 : 2] ?? "support";
    const after: string = rand() < 0.1 ? (STANCES[Math.floor(rand() * 3)] ?? before) : before;
    return { before, after, change: dateOf(rand) };
  });
  const documents = Math.ceil(quotes / QUOTES_PER_DOCUMENT);
  const days = new Map<string, StanceDayTable>();
  const BATCH = 2000;
  for (let first = 0; first < documents; first += BATCH) {
    const docRows: DocumentTable[] = [];
    const quoteRows: QuoteTable[] = [];
    const issueRows: QuoteIssueTable[] = [];
    const stanceRows: StanceTable[] = [];
    const roleRows: RoleTable[] = [];
    for (let d = first; d < Math.min(documents, first + BATCH); d++) {
      const id = `doc-${d}`;
      const published = dateOf(rand);
      const outlet = `Outlet ${d % OUTLETS}`;
      docRows.push({
        id,
        hash: `h${d}`,
        text: `Generated document ${d}.`,
        chars: 24,
        title: `Story ${d}`,
        outlet,
        author: null,
        published,
        url: null,
        dateline: null,
        format: "jsonl",
        source: "bench",
        provenance: "{}",
        extra: null,
        near_copy_of: null,
        ingested_at: published,
      });
      const issue = ISSUES[rand() < 0.7 ? 0 : rand() < 0.6 ? 1 : 2] as string;
      for (let q = 0; q < QUOTES_PER_DOCUMENT && d * QUOTES_PER_DOCUMENT + q < quotes; q++) {
        const n = 8 + Math.floor(rand() * 22);
        const text = Array.from({ length: n }, () => words[word()]).join(" ");
        const r = rand();
        const speaker = r < 0.7 ? `person:p${personOf()}` : r < 0.9 ? `state:${states[stateOf()]}` : null;
        const key = `${id}|${q * 200}|${q * 200 + text.length}`;
        const quoteId = `q-${d.toString(16)}-${q}`;
        quoteRows.push({
          id: quoteId,
          key,
          published,
          document_id: id,
          start: q * 200,
          end: q * 200 + text.length,
          text,
          kind: rand() < 0.5 ? "direct" : "indirect",
          spans: null,
          speaker_id: speaker,
          speaker_start: null,
          speaker_end: null,
          cue: "said",
          cue_start: null,
          cue_end: null,
          rule: "bench",
        });
        if (rand() < 0.8)
          issueRows.push({ quote_id: quoteId, document_id: id, issue, published, start: q * 200 });
        if (speaker?.startsWith("person:") && q === 0)
          roleRows.push({
            document_id: id,
            actor_id: speaker,
            title: "Foreign Minister",
            of_actor_id: `state:${persons[Number(speaker.slice(8))]?.country}`,
            start: 0,
            end: 0,
            rule: "bench",
          });
      }
      const taken = new Set<string>();
      for (let s = 0; s < STANCES_PER_DOCUMENT; s++) {
        const code = stateOf();
        const actor = `state:${states[code]}`;
        // States hold a stance, most evidence agrees with it, and one in ten changes it once.
        const held = leaning[code] as { before: string; after: string; change: string };
        const usual = published < held.change ? held.before : held.after;
        const stance: string = rand() < 0.85 ? usual : (STANCES[Math.floor(rand() * 3)] ?? usual);
        const key = `${id}|${issue}|${actor}|${stance}`;
        if (taken.has(key)) continue;
        taken.add(key);
        stanceRows.push({
          id: `s-${d.toString(16)}-${s}`,
          key,
          document_id: id,
          issue,
          actor_id: actor,
          via_actor_id: null,
          stance,
          date: published,
          evidence: JSON.stringify([[0, 24]]),
          evidence_text: JSON.stringify([`Generated document ${d}.`]),
          cues: "[]",
          rule: "bench",
        });
        const dayKey = `${issue}|${actor}|${published}|${stance}`;
        const day = days.get(dayKey);
        if (day) day.n++;
        else days.set(dayKey, { issue, actor_id: actor, date: published, stance, n: 1 });
      }
    }
    await db.transaction().execute(async (trx) => {
      await inChunks(docRows, (chunk) => trx.insertInto("documents").values(chunk).execute());
      await inChunks(quoteRows, (chunk) => trx.insertInto("quotes").values(chunk).execute());
      await inChunks(issueRows, (chunk) => trx.insertInto("quote_issues").values(chunk).execute());
      await inChunks(stanceRows, (chunk) => trx.insertInto("stances").values(chunk).execute());
      await inChunks(roleRows, (chunk) => trx.insertInto("roles").values(chunk).execute());
    });
    if ((first / BATCH) % 10 === 0)
      log(`  ${Math.min(documents, first + BATCH) * QUOTES_PER_DOCUMENT} quotes stored`);
  }
  await inChunks([...days.values()], (chunk) => db.insertInto("stance_days").values(chunk).execute());
  if (store.backend === "postgres") {
    log("  indexing quote text (GIN)");
    await sql`CREATE INDEX quotes_text_search ON quotes USING gin (search)`.execute(db);
  }
  // As an ingest leaves it: statistics fresh and, on PostgreSQL, rows settled for reads off indexes.
  await settle(store);
  return (Date.now() - started) / 1000;
}
