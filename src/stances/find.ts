import type { Doc } from "../extract/doc.ts";
import { keyOf } from "../extract/fold.ts";
import {
  cueAt,
  HONORIFICS,
  NATIONAL_TITLES,
  NOT_CURRENT,
  OFFICIAL_TITLES,
  ORGANIZATIONS,
  TITLE_LAST_WORDS,
  TITLE_MODIFIERS,
} from "../extract/lexicons.ts";
import type { Quote, Span, Token } from "../extract/types.ts";
import type { CompiledCodebook, Cue, StanceValue } from "./compile.ts";
import { matchPattern, type Slot } from "./patterns.ts";
import { mentionsTarget, targetMentions } from "./target.ts";

/** A stance found in a document: who, on which issue, which way, on what evidence, when. */
export interface StanceFound {
  issue: string;
  actor: number;
  /** The official whose words or act gave the stance of the state or body he speaks for. */
  via?: number;
  stance: StanceValue;
  /** The sentences or quotes that show it. */
  evidence: Span[];
  /** The cue words in each piece of evidence. */
  cues: Span[];
  date?: string;
  rule: string;
}

const BE = new Set(["is", "was", "were", "are", "be", "been", "being"]);
const PREPOSITIONS = new Set([
  "on",
  "in",
  "at",
  "of",
  "for",
  "from",
  "to",
  "against",
  "about",
  "over",
  "under",
  "into",
  "than",
  "between",
]);
/** Words before a name that keep it in a list of subjects: "China, Vietnam and South Africa, as well as Russia". */
const INCLUDING = new Set([",", "and", "including", "as", "with", "by", "both", "also"]);
const CLAUSE_OPENERS = new Set([";", ":", "that", "which", "who", "while", "whereas", "but"]);
const RELATIVES = new Set(["which", "who", "whom", "whose"]);

/** The comma opening ", which …," that ends at comma `close`, if the stretch is such a clause. */
function nonRestrictiveStart(doc: Doc, close: number, floor: number): number | undefined {
  for (let j = close - 1; j > floor && close - j < 20; j--) {
    const t = doc.tokens[j] as Token;
    if (t.text === "," && RELATIVES.has(doc.tokens[j + 1]?.key ?? "")) return j;
    if (t.text === "," || t.text === ";") return undefined;
  }
  return undefined;
}
/** National bodies whose stance is their state's: ministries, parliaments, governments. */
const GOVERNMENT_TYPES = new Set(["government", "legislature"]);

/** The quotes whose words hold token `k`, innermost first: a report inside a report ("Russia said the text … which officials insisted was a breach"). */
function quotesAt(doc: Doc, k: number): Quote[] {
  const at = (doc.tokens[k] as Token).start;
  return doc.quotes
    .filter((q) => q.speaker !== undefined && q.spans.some((s) => at >= s.start && at < s.end))
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** Where the clause holding token `k` starts: after a semicolon, colon, comma before "and"/"but", or "that". */
function clauseStart(doc: Doc, k: number, floor: number): number {
  for (let j = k - 1; j > floor; j--) {
    const t = doc.tokens[j] as Token;
    // ", which have recognised Kosovo," between a subject and its verb: passed over whole.
    if (t.text === "," && RELATIVES.has(doc.tokens[j + 1]?.key ?? "") === false) {
      const open = nonRestrictiveStart(doc, j, floor);
      if (open !== undefined) {
        j = open;
        continue;
      }
    }
    if (
      CLAUSE_OPENERS.has(t.key) ||
      (t.text === "," && ["and", "but", "while"].includes(doc.tokens[j + 1]?.key ?? ""))
    )
      return j + 1;
  }
  return floor;
}

/** Subject pronouns and modals that open the main clause after a condition: "if it vetoed …, they would …". */
const PRONOUN_SUBJECTS = new Set(["they", "we", "it", "he", "she", "i", "you"]);
const MODALS = new Set(["will", "would", "shall", "should", "could", "can", "might", "may", "must"]);

/** A cue inside a condition ("if Russia vetoed") is no stance; one in the main clause after it is. */
function conditional(doc: Doc, floor: number, k: number, book: CompiledCodebook): boolean {
  for (let c = floor; c < k; c++) {
    if (!book.conditionals.has((doc.tokens[c] as Token).key)) continue;
    let main = false;
    for (let j = c + 1; j < k && !main; j++) {
      const t = doc.tokens[j] as Token;
      main =
        t.text === "," ||
        t.key === "then" ||
        (PRONOUN_SUBJECTS.has(t.key) && MODALS.has(doc.tokens[j + 1]?.key ?? ""));
    }
    if (!main) return true;
  }
  return false;
}

function hasPhrase(doc: Doc, from: number, to: number, phrases: string[][]): boolean {
  for (let j = from; j < to; j++) {
    for (const phrase of phrases) if (phrase.every((w, i) => doc.tokens[j + i]?.key === w)) return true;
  }
  return false;
}

function negated(doc: Doc, k: number, floor: number, book: CompiledCodebook): boolean {
  return hasPhrase(doc, Math.max(floor, k - 4), k, book.negators);
}

/** The mentions standing for the subject of a verb at `k`: the names of the clause before it, lists included. */
function subjects(doc: Doc, k: number, floor: number): number[] {
  const start = clauseStart(doc, k, floor);
  const out: number[] = [];
  const infinitive = doc.tokens[k - 1]?.key === "to" || doc.tokens[k - 2]?.key === "to";
  for (const m of doc.mentions) {
    if (m.start < (doc.tokens[start] as Token).start || m.start >= (doc.tokens[k] as Token).start) continue;
    const first = doc.tokenAt(m.start);
    if (doc.insideQuote(m.start) || insideRelative(doc, first, start)) continue;
    // A name after a preposition is no subject ("states on the council"), unless it joins a list.
    let j = first - 1;
    while (j >= start && ["the", "a", "an", "its", "their"].includes((doc.tokens[j] as Token).key)) j--;
    const before = doc.tokens[j];
    if (before && j >= start && PREPOSITIONS.has(before.key) && !INCLUDING.has(before.key)) continue;
    if (before && j >= start && before.key === "'s") continue;
    if (doc.entities.get(m.entity).unnamed) continue;
    if (inTitleOfPerson(doc, m, k)) continue;
    out.push(m.entity);
  }
  // "… Russia from using its veto to stop independence": an infinitive's subject is the nearest name.
  if (infinitive && out.length > 1) return [out[out.length - 1] as number];
  return [...new Set(out)];
}

/** Whether token `k` sits in ", which …," or ", who …," after `floor`: "Germany, which have recognised Kosovo, abstained". */
function insideRelative(doc: Doc, k: number, floor: number): boolean {
  for (let j = k - 1; j > floor; j--) {
    const t = doc.tokens[j] as Token;
    if (RELATIVES.has(t.key) && doc.tokens[j - 1]?.text === ",") return true;
    if (t.text === "," || t.text === ";") return false;
  }
  return false;
}

/** "Countries that recognised Kosovo": a cue in a relative clause is its subject's act, not the speaker's. */
function inRelativeClause(doc: Doc, k: number, floor: number): boolean {
  let j = k - 1;
  while (
    j > floor &&
    ["have", "has", "had", "already", "also", "not", "never", "since"].includes((doc.tokens[j] as Token).key)
  )
    j--;
  const t = doc.tokens[j];
  if (!t || !["that", "which", "who"].includes(t.key)) return false;
  const before = doc.tokens[j - 1];
  if (before?.kind !== "word" || PRONOUN_SUBJECTS.has(before.key)) return false;
  // "said that …" is a report; "the states that …" a relative clause ("states" a noun after "the").
  const noun = ["the", "a", "an", "these", "those", "other", "many", "all"].includes(
    doc.tokens[j - 2]?.key ?? "",
  );
  return !cueAt(doc.tokens, j - 1) || noun;
}

/** "US Under Secretary of State Nicholas Burns": a place in a person's title is not a second subject. */
function inTitleOfPerson(doc: Doc, m: { entity: number; end: number }, limit: number): boolean {
  if (doc.entities.get(m.entity).kind === "person") return false;
  for (let j = doc.tokenAt(m.end); j < Math.min(limit, doc.tokenAt(m.end) + 6); j++) {
    const e = doc.tokenEntity[j] as number;
    if (e >= 0 && doc.entities.get(e).kind === "person") return true;
    const key = (doc.tokens[j] as Token).key;
    if (
      !TITLE_LAST_WORDS.has(key) &&
      !TITLE_MODIFIERS.has(key) &&
      !HONORIFICS.has(key) &&
      !["of", "'s", "and"].includes(key)
    )
      return false;
  }
  return false;
}

/** Who a stance counts for: an official's for the state or body of his current role, a ministry's for its state. */
function speaksFor(doc: Doc, entity: number): { actor: number; via?: number } {
  const e = doc.entities.get(entity);
  if (e.kind === "person") {
    for (const role of e.roles) {
      if (role.of === undefined) continue;
      const title = keyOf(role.title);
      if (title.split(/[\s-]+/).some((w) => NOT_CURRENT.has(w))) continue;
      if (!OFFICIAL_TITLES.some((o) => title === o || title.endsWith(` ${o}`))) continue;
      return { actor: governmentOf(doc, role.of), via: entity };
    }
    // "Secretary of State Condoleezza Rice": a title that names its state by itself.
    for (const role of e.roles) {
      const country = NATIONAL_TITLES.get(keyOf(role.title));
      if (country) return { actor: doc.entities.state(country), via: entity };
    }
    return { actor: entity };
  }
  const state = governmentOf(doc, entity);
  return state === entity ? { actor: entity } : { actor: state, via: entity };
}

function governmentOf(doc: Doc, entity: number): number {
  const e = doc.entities.get(entity);
  if (e.kind !== "organization" || !e.country) return entity;
  const type = e.ref
    ? ORGANIZATIONS.get(e.ref)?.type
    : /ministry|government|parliament|assembly|cabinet/i.test(e.name)
      ? "government"
      : undefined;
  return type && GOVERNMENT_TYPES.has(type) ? doc.entities.state(e.country) : entity;
}

/**
 * Stances on each codebook's issue: cue patterns matched in quotes (the speaker's stance) and in
 * narrative sentences when the cue is a verb (its subjects' stance, each of a list counted).
 * Negation turns support into opposition and back ("will not recognise"); cues in a condition
 * ("if Russia vetoed") or hedged ("may recognise") are not taken as stances, the latter kept as
 * neutral. Cues that do not name the target count only in a text about it.
 */
export function findStances(doc: Doc, books: CompiledCodebook[]): StanceFound[] {
  const found = new Map<string, StanceFound>();
  for (const book of books) {
    const about = targetMentions(doc, book) >= 2;
    for (const sentence of doc.sentences) {
      for (let k = sentence.first; k < sentence.last; k++) {
        const cues = book.byFirst.get((doc.tokens[k] as Token).key);
        if (!cues) continue;
        for (const cue of cues) {
          const filled: Partial<Record<Slot, [number, number]>> = {};
          const end = matchPattern(doc.tokens, k, cue.elements, book.slots, filled);
          if (end < 0) continue;
          const namesTarget =
            filled.T !== undefined || filledWithTarget(doc, filled.P, book) || filled.PARENT !== undefined;
          if (!namesTarget && !about) continue;
          const hit = resolveHit(doc, book, cue, k, end, sentence);
          if (!hit) continue;
          for (const actor of hit.actors) {
            if (doc.entities.get(actor).unnamed) continue;
            const { actor: who, via } = speaksFor(doc, actor);
            // One stance a document for each actor and direction, with all its evidence; its date the most
            // precise any evidence gives, the first of those.
            const key = `${book.codebook.id}|${who}|${hit.stance}`;
            const entry = found.get(key) ?? {
              issue: book.codebook.id,
              actor: who,
              ...(via !== undefined ? { via } : {}),
              stance: hit.stance,
              evidence: [],
              cues: [],
              ...(hit.date ? { date: hit.date } : {}),
              rule: hit.rule,
            };
            if (!entry.evidence.some((e) => e.start === hit.evidence.start)) {
              entry.evidence.push(hit.evidence);
              entry.cues.push(hit.cue);
            }
            if (hit.date && (!entry.date || hit.date.length > entry.date.length)) entry.date = hit.date;
            found.set(key, entry);
          }
          k = end - 1;
          break;
        }
      }
    }
  }
  return [...found.values()];
}

function filledWithTarget(doc: Doc, span: [number, number] | undefined, book: CompiledCodebook): boolean {
  return span !== undefined && mentionsTarget(doc, book, span[0], span[1]);
}

function resolveHit(
  doc: Doc,
  book: CompiledCodebook,
  cue: Cue,
  k: number,
  end: number,
  sentence: { first: number; last: number; start: number; end: number },
):
  | { actors: number[]; stance: StanceValue; evidence: Span; cue: Span; date?: string; rule: string }
  | undefined {
  const floor = clauseStart(doc, k, sentence.first);
  if (conditional(doc, floor, k, book) || inRelativeClause(doc, k, sentence.first)) return undefined;
  let stance = cue.stance;
  let rule = `cue:${cue.source}`;
  if (stance !== "neutral" && negated(doc, k, floor, book)) {
    stance = stance === "support" ? "oppose" : "support";
    rule += "+negated";
  }
  if (hasPhrase(doc, Math.max(floor, k - 4), k, book.hedges)) {
    stance = "neutral";
    rule += "+hedged";
  }
  const cueSpan = { start: (doc.tokens[k] as Token).start, end: (doc.tokens[end - 1] as Token).end };
  let actors: number[] = [];
  let evidence: Span = { start: sentence.start, end: sentence.end };
  const quotes = quotesAt(doc, k);
  for (const quote of quotes) {
    // "Belarus, along with Russia, China and South Africa, have called for …": every subject of a report.
    const listed =
      quote.kind === "indirect" && quote.cueSpan
        ? subjects(doc, doc.tokenAt(quote.cueSpan.start), sentence.first)
        : [];
    const speaker =
      quote.speaker !== undefined && !doc.entities.get(quote.speaker).unnamed ? [quote.speaker] : [];
    actors = listed.length > 1 || !speaker.length ? listed : speaker;
    if (!actors.length) continue;
    evidence = { start: quote.start, end: quote.end };
    rule += quote.kind === "direct" ? "/quote" : "/reported";
    break;
  }
  if (quotes.length) {
    if (!actors.length) return undefined;
  } else {
    if (!cue.verb || doc.insideQuote(cueSpan.start)) return undefined;
    // "The recognition given by the U.S. was condemned": a passive names its agent after "by", or no one.
    if (BE.has(doc.tokens[k - 1]?.key ?? "") || BE.has(doc.tokens[k - 2]?.key ?? "")) return undefined;
    actors = subjects(doc, k, sentence.first);
    evidence = { start: sentence.start, end: sentence.end };
    rule += "/act";
  }
  if (!actors.length) return undefined;
  const date = dateIn(doc, sentence, cueSpan.start);
  return { actors, stance, evidence, cue: cueSpan, ...(date ? { date } : {}), rule };
}

/**
 * The date of a stance: the day its sentence gives, nearest the cue and not in a relative clause
 * ("…, which came the day before"); else the day the passage is about (a day named in this or the
 * previous paragraph: "an emergency meeting on Feb. 18 … The U.S. spoke in favor"); else the
 * publication date. Only days date acts; a year in the sentence is background ("adopted in 1999").
 */
function dateIn(
  doc: Doc,
  sentence: { start: number; end: number; first: number },
  cue: number,
): string | undefined {
  const day = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
  let best: { value: string; distance: number } | undefined;
  for (const d of doc.dates) {
    if (d.start < sentence.start || d.end > sentence.end || !day(d.value)) continue;
    if (insideRelative(doc, doc.tokenAt(d.start), sentence.first)) continue;
    const distance = Math.abs(d.start - cue);
    if (!best || distance < best.distance) best = { value: d.value, distance };
  }
  if (best) return best.value;
  const paragraph = doc.sentences[(doc.tokens[sentence.first] as Token).sentence]?.paragraph ?? 0;
  const passage = doc.paragraphs[Math.max(0, paragraph - 1)]?.start ?? 0;
  const earlier = doc.dates.filter(
    (d) =>
      d.start >= passage &&
      d.end <= sentence.start &&
      day(d.value) &&
      !insideRelative(
        doc,
        doc.tokenAt(d.start),
        doc.sentences[doc.tokens[doc.tokenAt(d.start)]?.sentence ?? 0]?.first ?? 0,
      ),
  );
  const last = earlier[earlier.length - 1]?.value;
  if (last && (!doc.published || last <= doc.published || !day(doc.published))) return last;
  return doc.published;
}
