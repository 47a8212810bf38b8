import type { Doc } from "../extract/doc.ts";
import { cueAt } from "../extract/lexicons.ts";
import type { Quote, Span, Token } from "../extract/types.ts";
import { words } from "../extract/word-classes.ts";
import { isOfficialTitle, nationalTitleState, offices } from "../world/offices.ts";
import { organizationInfo } from "../world/organizations.ts";
import type { CompiledCodebook, Cue, StanceValue } from "./compile.ts";
import { matchPattern, type Slot } from "./patterns.ts";
import { APPOSITION_NOUNS, BODY_NOUNS, CONDITIONAL_OPENERS, CONTROL_VERBS, MEMBER_NOUNS } from "./syntax.ts";
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

const BE = words("be_finite", "be_nonfinite");
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
const RELATIVES = words("relative_pronouns");

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
const MODALS = words("modals");

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

/**
 * Whether a negator governs the cue at `k`: within four words of a verb cue ("will not formally
 * recognise"), within two of any other ("is not a violation"); "never recognise the false state"
 * does not negate "false state".
 */
function negated(doc: Doc, k: number, floor: number, book: CompiledCodebook, verb: boolean): boolean {
  return hasPhrase(doc, Math.max(floor, k - (verb ? 4 : 2)), k, book.negators);
}

/** Auxiliaries and adverbs that may stand between a subject and a verb in -ing: "is recognising", "now backing". */
const BEFORE_PROGRESSIVE = new Set([...BE, "not", "never", "also", "now", "still", "formally", "and", "to"]);

/**
 * "a resolution endorsing Kosovo's independence", "by recognising Kosovo": a support verb in -ing
 * after a noun or preposition describes something else, not the subject's act.
 */
function modifyingParticiple(doc: Doc, k: number, cue: Cue, book: CompiledCodebook): boolean {
  const token = doc.tokens[k] as Token;
  const before = doc.tokens[k - 1];
  // "voted against recognising", "is considering recognising": negated or hedged, not a modifier.
  if (
    hasPhrase(doc, Math.max(0, k - 3), k, book.negators) ||
    hasPhrase(doc, Math.max(0, k - 3), k, book.hedges)
  )
    return false;
  return (
    cue.stance === "support" &&
    !before?.key.endsWith("ing") &&
    token.key.endsWith("ing") &&
    before?.kind === "word" &&
    !/^\p{Lu}/u.test(before.text) &&
    !BEFORE_PROGRESSIVE.has(before.key)
  );
}

/** After "If Russia vetoed the draft," the main clause begins: names in the condition are not its subjects. */
function afterCondition(doc: Doc, start: number, k: number): number {
  if (!CONDITIONAL_OPENERS.has((doc.tokens[start] as Token).key)) return start;
  for (let j = start + 1; j < k; j++) if ((doc.tokens[j] as Token).text === ",") return j + 1;
  return start;
}

/** "Beijing urged Belgrade and Pristina to return to talks": the control verb before an infinitive cue, if any. */
function controlVerb(doc: Doc, start: number, k: number): number | undefined {
  if (doc.tokens[k - 1]?.key !== "to") return undefined;
  for (let j = k - 2; j >= start; j--) {
    for (const verb of CONTROL_VERBS) if (verb.every((w, i) => doc.tokens[j + i]?.key === w)) return j;
  }
  return undefined;
}

/** A word before a name that makes the name its object: "regards Kosovo", "comprises the United States". */
function verbLike(token: Token): boolean {
  if (token.kind !== "word" || /^\p{Lu}/u.test(token.text) || token.key.length < 4) return false;
  if (
    APPOSITION_NOUNS.has(token.key) ||
    offices().lastWords.has(token.key) ||
    offices().modifiers.has(token.key)
  )
    return false;
  return /(?:ed|es|s)$/.test(token.key) || CONTROL_VERBS.some((v) => v[0] === token.key);
}

/**
 * The mentions standing for the subject of a verb at `k`: the names of the clause before it,
 * lists included; with `quoted`, inside the quote whose words hold `k` (the subject of reported
 * words: "Moldova will not recognise Kosovo, its president said").
 */
function subjects(doc: Doc, k: number, floor: number, quoted = false): number[] {
  const start = afterCondition(doc, clauseStart(doc, k, floor), k);
  const limit = controlVerb(doc, start, k) ?? k;
  const out: number[] = [];
  const infinitive = limit === k && (doc.tokens[k - 1]?.key === "to" || doc.tokens[k - 2]?.key === "to");
  for (const m of doc.mentions) {
    if (m.start < (doc.tokens[start] as Token).start || m.start >= (doc.tokens[limit] as Token).start)
      continue;
    const first = doc.tokenAt(m.start);
    if ((!quoted && doc.insideQuote(m.start)) || insideRelative(doc, first, start)) continue;
    // A name after a preposition is no subject ("states on the council"), unless it joins a list.
    let j = first - 1;
    while (j >= start && ["the", "a", "an", "its", "their"].includes((doc.tokens[j] as Token).key)) j--;
    const before = doc.tokens[j];
    if (before && j >= start && PREPOSITIONS.has(before.key) && !INCLUDING.has(before.key)) continue;
    if (before && j >= start && (before.key === "'s" || verbLike(before))) continue;
    if (doc.entities.get(m.entity).unnamed) continue;
    if (inTitleOfPerson(doc, m, k)) continue;
    // "(UNMIK)" restates a name before it; in reported words a pronoun is the speaker's or unsure, and the speaker stands.
    if (before?.text === "(" || (quoted && m.form === "pronoun")) continue;
    // "Kosovo's independence would …", "Serbia's ally Russia": a possessor is no subject, unless its
    // body follows ("Serbia's parliament voted").
    const last = doc.tokenAt(m.end);
    const after = doc.tokens[last];
    if (after?.key === "'s" && !BODY_NOUNS.has(doc.tokens[last + 1]?.key ?? "")) continue;
    // "BELGRADE —": a dateline names a place, not who acts.
    if (after && ["—", "–", "--"].includes(after.text)) continue;
    // "EU states": the members, not the body.
    if (doc.entities.get(m.entity).kind === "organization" && MEMBER_NOUNS.has(after?.key ?? "")) continue;
    out.push(m.entity);
  }
  // "… Russia from using its veto to stop independence": an infinitive's subject is the nearest name.
  if (infinitive && out.length > 1) return [out[out.length - 1] as number];
  return [...new Set(out)];
}

/** Words that may open a reported clause before its verb without being a subject of their own. */
const CLAUSE_GLUE = words("modals", "be_finite", "be_nonfinite", "have", "do", [
  "that",
  "not",
  "never",
  "also",
  "still",
  "formally",
  "to",
  "n't",
  "no",
  "longer",
  "soon",
  "now",
  "later",
  "already",
  "then",
  "refuse",
  "refused",
  "refuses",
  "declined",
  ",",
]);

/**
 * Whether reported words give the cue verb a subject of their own that is no actor: "Several
 * states later withdrew …" (yes); "they would pursue …", "to declare …" (no).
 */
function thirdPartySubject(doc: Doc, from: number, k: number): boolean {
  if (doc.tokens[k - 1]?.key === "to") return false;
  const start = clauseStart(doc, k, from);
  let j = k - 1;
  while (
    j >= start &&
    (CLAUSE_GLUE.has((doc.tokens[j] as Token).key) || (doc.tokens[j] as Token).key.endsWith("ly"))
  )
    j--;
  const t = doc.tokens[j];
  return j >= start && t?.kind === "word" && !PRONOUN_SUBJECTS.has(t.key);
}

/** The names after "by" that follows a passive cue: "… was recognised by Australia and Afghanistan". */
function agents(doc: Doc, end: number, last: number): number[] {
  let j = end;
  while (j < Math.min(last, end + 8) && (doc.tokens[j] as Token).key !== "by") {
    if ([",", ";", ".", "and", "but"].includes((doc.tokens[j] as Token).key)) return [];
    j++;
  }
  if ((doc.tokens[j] as Token | undefined)?.key !== "by") return [];
  const out: number[] = [];
  for (j++; j < last; j++) {
    const t = doc.tokens[j] as Token;
    const e = doc.tokenEntity[j] as number;
    if (e >= 0) {
      if (!doc.entities.get(e).unnamed && !out.includes(e)) out.push(e);
      continue;
    }
    if (![",", "and", "the", "both", "as", "well"].includes(t.key)) break;
  }
  return out;
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
      !offices().lastWords.has(key) &&
      !offices().modifiers.has(key) &&
      !offices().honorifics.has(key) &&
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
      if (!isOfficialTitle(role.title)) continue;
      return { actor: governmentOf(doc, role.of), via: entity };
    }
    // "Secretary of State Condoleezza Rice": a title that names its state by itself.
    for (const role of e.roles) {
      const country = nationalTitleState(role.title);
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
    ? organizationInfo(e.ref)?.type
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
          // A cue judged no stance (a condition, a modifier, someone else's act) still claims its words:
          // "declare unilateral independence" must not turn into "unilateral independence".
          if (!hit) {
            k = end - 1;
            break;
          }
          for (const actor of hit.actors) {
            if (doc.entities.get(actor).unnamed) continue;
            const own = speaksFor(doc, actor);
            const who = own.actor;
            // "Serbia will never accept it, President Tadić said": Serbia's stance, via Tadić.
            const via =
              own.via ??
              (hit.reporter !== undefined && speaksFor(doc, hit.reporter).actor === who
                ? hit.reporter
                : undefined);
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

/** What a cue at token `k` shows: who holds the stance, which way, on what evidence, when, by which rule. */
interface Hit {
  actors: number[];
  stance: StanceValue;
  evidence: Span;
  cue: Span;
  date?: string;
  rule: string;
  /** Who reported the subject's stance: its official, if he speaks for it. */
  reporter?: number;
}

/** Who holds a stance, on what evidence, by which rule; or `null` where nobody's stance is shown. */
type Holders = { actors: number[]; evidence: Span; rule: string; reporter?: number } | null;

function resolveHit(
  doc: Doc,
  book: CompiledCodebook,
  cue: Cue,
  k: number,
  end: number,
  sentence: { first: number; last: number; start: number; end: number },
): Hit | undefined {
  const floor = clauseStart(doc, k, sentence.first);
  if (conditional(doc, floor, k, book) || inRelativeClause(doc, k, sentence.first)) return undefined;
  if (modifyingParticiple(doc, k, cue, book)) return undefined;
  const { stance, rule } = polarity(doc, book, cue, k, floor);
  const cueSpan = { start: (doc.tokens[k] as Token).start, end: (doc.tokens[end - 1] as Token).end };
  const quotes = quotesAt(doc, k);
  const holders = quotes.length
    ? holdersInQuotes(doc, quotes, cue, k, floor, sentence)
    : holdersOfAct(doc, cue, k, end, sentence, cueSpan);
  if (!holders || !holders.actors.length) return undefined;
  const date = dateIn(doc, sentence, cueSpan.start);
  return {
    actors: holders.actors,
    stance,
    evidence: holders.evidence,
    cue: cueSpan,
    ...(date ? { date } : {}),
    rule: `${rule}${holders.rule}`,
    ...(holders.reporter !== undefined ? { reporter: holders.reporter } : {}),
  };
}

/** The cue's stance, turned by a negation ("will not recognise") or made neutral by a hedge. */
function polarity(
  doc: Doc,
  book: CompiledCodebook,
  cue: Cue,
  k: number,
  floor: number,
): { stance: StanceValue; rule: string } {
  let stance = cue.stance;
  let rule = `cue:${cue.source}`;
  if (stance !== "neutral" && negated(doc, k, floor, book, cue.verb)) {
    stance = stance === "support" ? "oppose" : "support";
    rule += "+negated";
  }
  if (hasPhrase(doc, Math.max(floor, k - 4), k, book.hedges)) {
    stance = "neutral";
    rule += "+hedged";
  }
  return { stance, rule };
}

/** A cue in reported words: the stance of the report's own subject, else of those who reported it. */
function holdersInQuotes(
  doc: Doc,
  quotes: Quote[],
  cue: Cue,
  k: number,
  floor: number,
  sentence: { first: number },
): Holders {
  let evidence: Span = { start: 0, end: 0 };
  for (const quote of quotes) {
    evidence = { start: quote.start, end: quote.end };
    // Reported words with a subject of their own are that subject's stance: "Moldova will not
    // recognise Kosovo, Voronin said"; "we", "I" or no actor leave it to the speaker.
    const at = (doc.tokens[k] as Token).start;
    const piece = quote.spans.find((s) => at >= s.start && at < s.end);
    const innerFloor = Math.max(floor, doc.tokenAt((piece ?? quote).start));
    // "Beijing urged Belgrade and Pristina to return to talks": the names are the urged, the stance the speaker's.
    const urged = CONTROL_VERBS.some((v) => v[0] === quote.cue?.split(" ")[0]?.toLowerCase());
    const inner = urged ? [] : subjects(doc, k, innerFloor, true);
    if (inner.length)
      return {
        actors: inner,
        evidence,
        rule: "/reported-subject",
        ...(quote.speaker !== undefined ? { reporter: quote.speaker } : {}),
      };
    // "Several states withdrew recognition, Serbia said": an act by others the speaker reports is not his stance.
    if (cue.verb && !urged && thirdPartySubject(doc, innerFloor, k)) return null;
    const actors = reporters(doc, quote, sentence.first);
    if (actors.length) return { actors, evidence, rule: quote.kind === "direct" ? "/quote" : "/reported" };
  }
  return { actors: [], evidence, rule: "" };
}

/** "Belarus, along with Russia, China and South Africa, have called for …": every subject of a report, else its speaker. */
function reporters(doc: Doc, quote: Quote, floor: number): number[] {
  const inverted = quote.cueSpan !== undefined && quote.cueSpan.start >= quote.end;
  const listed =
    quote.kind === "indirect" && quote.cueSpan && !inverted
      ? subjects(doc, doc.tokenAt(quote.cueSpan.start), floor)
      : [];
  const speaker =
    quote.speaker !== undefined && !doc.entities.get(quote.speaker).unnamed ? [quote.speaker] : [];
  return listed.length > 1 || !speaker.length ? listed : speaker;
}

/** A cue of an act in the narrative: its subjects, or a passive's agents ("Kosovo was recognised by Japan"). */
function holdersOfAct(
  doc: Doc,
  cue: Cue,
  k: number,
  end: number,
  sentence: { first: number; last: number; start: number; end: number },
  cueSpan: Span,
): Holders {
  if (!cue.verb || doc.insideQuote(cueSpan.start)) return null;
  const evidence = { start: sentence.start, end: sentence.end };
  if (BE.has(doc.tokens[k - 1]?.key ?? "") || BE.has(doc.tokens[k - 2]?.key ?? ""))
    return { actors: agents(doc, end, sentence.last), evidence, rule: "/passive" };
  return { actors: subjects(doc, k, sentence.first), evidence, rule: "/act" };
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
