/** Lists of holders a cue names after it or an act's owner: "recognised by A, B and C", "Russia's recognition", "the states that … were A and B". */

import type { Doc } from "../extract/doc.ts";
import type { Token } from "../extract/types.ts";
import { words } from "../extract/word-classes.ts";
import { asideClose, dashAt } from "./asides.ts";
import { ACT_NOUNS, BODY_NOUNS, DECISION_NOUNS, MEMBER_NOUNS } from "./syntax.ts";

/** Verbs that equate a noun with the list after them: "the states that recognised it were A, B and C". */
const COPULAS = new Set(["were", "are", "was", "is", "include", "included", "includes", "including"]);

/** How far after a relative clause's cue its copula may come: "… voted against Kosovo's membership included". */
const COPULA_REACH = 10;

/** The names listed after the copula that follows token `from`: "… were Russia, China and Spain". */
export function listAfterCopula(doc: Doc, from: number, last: number): number[] {
  for (let j = from; j < Math.min(last, from + COPULA_REACH); j++) {
    const t = doc.tokens[j] as Token;
    if (t.kind === "punct" && t.key !== "'s" && t.key !== "-") return [];
    if (COPULAS.has(t.key)) return agents(doc, j, last, t.key);
  }
  return [];
}

/** Where a list that runs to token `last` may go on: over sentences cut only for their length. */
function listEnd(doc: Doc, last: number): number {
  let sentence = doc.sentences[(doc.tokens[last - 1] as Token).sentence];
  while (sentence?.cut)
    sentence = doc.sentences[(doc.tokens[sentence.last] as Token | undefined)?.sentence ?? -1];
  return sentence?.last ?? last;
}

/** The names after "by" that follows a passive cue: "… was recognised by Australia and Afghanistan". */
export function agents(doc: Doc, end: number, sentenceLast: number, by = "by"): number[] {
  const last = listEnd(doc, sentenceLast);
  let j = end;
  while (j < Math.min(last, end + 8) && (doc.tokens[j] as Token).key !== by) {
    if ([",", ";", ".", "and", "but"].includes((doc.tokens[j] as Token).key)) return [];
    j++;
  }
  if ((doc.tokens[j] as Token | undefined)?.key !== by) return [];
  const out: number[] = [];
  let persons: boolean | undefined;
  for (j = listAfterDash(doc, j + 1, last); j < last; j++) {
    const t = doc.tokens[j] as Token;
    const e = doc.tokenEntity[j] as number;
    // "from British Prime Minister David Cameron": an adjective names no member of the list, unless
    // it owns a body ("by the Iraqi parliament").
    if (e >= 0 && doc.adjectives.has(j) && bodyEnds(doc, j + 1)) {
      if (persons === true) break;
      persons = false;
      if (!out.includes(e)) out.push(e);
      j++;
      continue;
    }
    if (e >= 0 && !doc.adjectives.has(j)) {
      const entity = doc.entities.get(e);
      // A list holds persons or bodies, not both: "by France and Britain, Foreign Minister Kouchner
      // said" ends at the minister; "by China, the European Union, Russia" goes on; "from David
      // Cameron, Dmitry Medvedev and the leaders of India, Israel" turns to states.
      const person = entity.kind === "person";
      if (persons !== undefined && persons !== person && !leadersOf(doc, j)) break;
      persons = person;
      const member = MEMBER_NOUNS.has(doc.tokens[j + 1]?.key ?? "") && entity.kind === "organization";
      if (!entity.unnamed && !member && !out.includes(e)) out.push(e);
      continue;
    }
    // A capitalised word the gazetteer missed may be part of a listed name ("Democratic Republic of
    // the Congo"); "the 12-nation European Community" names a body after its size.
    if (t.kind === "number" && doc.tokens[j + 1]?.text === "-" && !dashAt(doc, j + 1)) {
      j += 2;
      continue;
    }
    if (!LIST_GLUE.has(t.key) && !(t.upper && t.kind === "word")) break;
  }
  return out;
}

/** How far after a cue ", as did …" may follow it. */
const AS_DID_REACH = 12;

/** The names after ", as did" that follows the cue ending at `end`: "…, as did the UK and France". */
export function sameActAfter(doc: Doc, end: number, last: number): number[] {
  for (let j = end; j < Math.min(last - 2, end + AS_DID_REACH); j++) {
    const t = doc.tokens[j] as Token;
    if (t.text === ";" || t.text === ":") return [];
    if (t.text === "," && doc.tokens[j + 1]?.key === "as" && doc.tokens[j + 2]?.key === "did")
      return agents(doc, j + 2, last, "did");
  }
  return [];
}

/** Whether a state's body noun that ends its phrase stands at `j`: "government" in "the Spanish government said", not "Prime" in "Prime Minister X". */
function bodyEnds(doc: Doc, j: number): boolean {
  const next = doc.tokens[j + 1];
  return BODY_NOUNS.has(doc.tokens[j]?.key ?? "") && !(next?.upper && next.kind === "word");
}

/** The last words of cues that name their holders right after: "… was recognised by", "criticism from", "voting against were". */
const HOLDERS_FOLLOW = new Set(["by", "from", "of", "were", "was", "are", "include", "included"]);

/**
 * Whose act a noun cue names in the narrative: "Russia's recognition of Abkhazia", "American
 * recognition of Kosovo", "recognition of Kosovo by France, Britain and Italy", "condemnation from
 * Spain". Only nouns of acts (`act_nouns`), and not a hypothetical one ("any recognition").
 */
export function actOwners(doc: Doc, k: number, end: number, last: number): number[] {
  const closing = doc.tokens[end - 1]?.key ?? "";
  if (HOLDERS_FOLLOW.has(closing)) return agents(doc, end - 1, last, closing);
  // "has been recognised in recent days by China": a passive participle, its agents a few words on.
  if (closing.endsWith("ed")) return agents(doc, end, last);
  const decision = decisionBefore(doc, k);
  if (decision !== undefined) return decisionOwners(doc, decision, k - 1);
  if (!ACT_NOUNS.has((doc.tokens[k] as Token).key) || HYPOTHETICAL.has(doc.tokens[k - 1]?.key ?? ""))
    // "Notable non-recognisers in addition to Serbia include Russia, China": a noun of actors equated with a list.
    return actorsNoun(closing) ? listAfterCopula(doc, end, last) : [];
  // "recognition of Kosovo by France", "recognition from Japan".
  const after = doc.tokens[end]?.key;
  if (after === "by" || after === "from") return agents(doc, end, last, after);
  return possessor(doc, k);
}

/** A plural noun naming actors: "states", "non-recognisers". */
function actorsNoun(key: string): boolean {
  return MEMBER_NOUNS.has(key) || /[a-z]ers$/.test(key);
}

/**
 * "Moscow's decision to recognise", "Russia's "outrageous, illegal attempts" to annex", "the
 * decisions by the European Community, Austria and Switzerland to extend …": the decision noun
 * before the cue at `k`.
 */
export function decisionBefore(doc: Doc, k: number): number | undefined {
  if (doc.tokens[k - 1]?.key !== "to") return undefined;
  let j = k - 2;
  if (QUOTE_MARKS.has(doc.tokens[j]?.text ?? "")) j--;
  return DECISION_NOUNS.has(doc.tokens[j]?.key ?? "") ? j : decisionBy(doc, k - 1);
}

/** How far before its "to" a decision's "by" and the list of its owners may start. */
const DECISION_BY_REACH = 60;

/** The decision noun of "the decisions by A, B and C to …" whose "to" is at `to`, if the sentence has one. */
function decisionBy(doc: Doc, to: number): number | undefined {
  const sentence = (doc.tokens[to] as Token).sentence;
  for (let j = to - 1; j > 0 && to - j < DECISION_BY_REACH; j--) {
    const t = doc.tokens[j] as Token;
    if (t.sentence !== sentence || t.key === "to") return undefined;
    if (t.key === "by")
      return DECISION_NOUNS.has(doc.tokens[j - 1]?.key ?? "") && listRunsTo(doc, j + 1, to)
        ? j - 1
        : undefined;
  }
  return undefined;
}

/** How many words other than names and list glue a list of owners may hold: "and a host of other countries". */
const LIST_LOOSE_WORDS = 6;

/**
 * Whether the tokens from `from` to `to` are a list of names, with a few plain words and asides
 * between dashes: "the European Community, Austria and a host of other countries--including …--",
 * not "this latest move by Guyana's neighbour, the Secretary-General called on …".
 */
function listRunsTo(doc: Doc, from: number, to: number): boolean {
  let loose = 0;
  for (let j = from; j < to; j++) {
    const t = doc.tokens[j] as Token;
    if (dashAt(doc, j)) {
      const close = asideClose(doc, j, to);
      if (close === undefined) return false;
      j = close;
      continue;
    }
    // "the 12-nation European Community": a hyphen inside a word.
    if ((doc.tokenEntity[j] ?? -1) >= 0 || LIST_GLUE.has(t.key) || t.text === "-") continue;
    // "by Guyana's neighbour, the Secretary-General called on": an owner's noun or a verb ends the list.
    const plain = t.kind === "word" || t.kind === "number";
    if (!plain || t.key === "'s" || t.key.endsWith("ed") || ++loose > LIST_LOOSE_WORDS) return false;
  }
  return true;
}

/** Who owns the decision noun at `decision`: the names after its "by", else its possessor. */
export function decisionOwners(doc: Doc, decision: number, to: number): number[] {
  return doc.tokens[decision + 1]?.key === "by" ? agents(doc, decision + 1, to) : possessor(doc, decision);
}

/** Words a possessor's noun phrase cannot run back over: "Israel's foreign minister said the decision". */
const NOT_POSSESSED = words("articles", "demonstratives");

/** Tokens are cut from the folded text, where every quotation mark is ASCII. */
const QUOTE_MARKS = new Set(['"', "'"]);

/** The owner named before the noun at `k`, past its adjectives: "Russia's recognition", "American recognition", "Russia's illegal attempts". */
export function possessor(doc: Doc, k: number): number[] {
  let j = k - 1;
  // Adjectives, their commas and quotation marks: "Russia's "outrageous, illegal attempts"".
  while (j > k - 6 && j > 0) {
    const t = doc.tokens[j] as Token;
    if (!(QUOTE_MARKS.has(t.text) || t.text === "," || (t.kind === "word" && !t.upper && t.key !== "'s")))
      break;
    // "the minister's aide said the decision to …": an article opens the noun's own phrase.
    if (NOT_POSSESSED.has(t.key)) return [];
    j--;
  }
  if (doc.tokens[j]?.key !== "'s" && !doc.adjectives.has(j)) j = k - 1;
  if (doc.tokens[j]?.key === "'s") j--;
  const owner = doc.tokenEntity[j] as number;
  if (j < 0 || owner < 0 || doc.entities.get(owner).unnamed) return [];
  let first = j;
  while (first > 0 && doc.tokenEntity[first - 1] === owner) first--;
  if (HYPOTHETICAL.has(doc.tokens[first - 1]?.key ?? "")) return [];
  return [owner];
}

/** Words before an act's owner that make the act one not done: "any Russian recognition". */
const HYPOTHETICAL = new Set(["any", "no", "future", "possible", "eventual"]);

/**
 * "by Europe's largest states -- France, Britain …", "as did countries where the U.S. holds sway
 * like Mexico, India …": where the names a description announces begin.
 */
function listAfterDash(doc: Doc, from: number, last: number): number {
  // A description of states may announce its names with "like", "including" or "such as".
  const ofStates = [from, from + 1].some((j) => MEMBER_NOUNS.has(doc.tokens[j]?.key ?? ""));
  for (let j = from; j < Math.min(last, from + (ofStates ? 12 : 7)); j++) {
    const key = (doc.tokens[j] as Token).key;
    if (key === ":" || dashAt(doc, j)) return j + 1;
    if (ofStates && (key === "like" || key === "including")) return j + 1;
    if (ofStates && key === "such" && doc.tokens[j + 1]?.key === "as") return j + 2;
    if ((doc.tokens[j] as Token).text === "," || ((doc.tokenEntity[j] as number) >= 0 && j === from))
      return from;
  }
  return from;
}

/** Whether the name at `j` follows "the leaders of" or the like: its state stands for them. */
function leadersOf(doc: Doc, j: number): boolean {
  return doc.tokens[j - 1]?.key === "of" && LEADER_NOUNS.has(doc.tokens[j - 2]?.key ?? "");
}

const LEADER_NOUNS = new Set(["leaders", "heads", "governments", "presidents"]);

/** Words that may stand between the names of a list: "France, Britain and Italy -- as well as Afghanistan". */
const LIST_GLUE = new Set([
  ",",
  "and",
  "the",
  "of",
  "both",
  "as",
  "well",
  "-",
  "--",
  "—",
  "–",
  "such",
  "including",
  ...LEADER_NOUNS,
  // "from Baghdad and its neighbours, as well as Western governments including the United States"
  "its",
  "their",
  "neighbours",
  "neighbors",
  "allies",
  // "by China, … and the fellow former Yugoslav republics of Bosnia, Croatia and Macedonia"
  "fellow",
  "former",
  // "… and some Muslim states, such as Afghanistan"
  "some",
  "other",
  "several",
  "many",
  "republics",
  "states",
  "countries",
  "nations",
]);

const COORDINATORS = new Set([",", "and"]);

/**
 * The names coordinated with the name of `entity` last written before token `before`, itself
 * included: "Cyprus, Greece and Romania have indicated they …" makes "they" all three. Only names
 * of one kind, joined by commas and "and", each maybe after "the"; names after it up to `until`.
 */
export function coordinatedWith(doc: Doc, entity: number, before: number, until = before): number[] {
  let at = before - 1;
  while (at >= 0 && doc.tokenEntity[at] !== entity) at--;
  if (at < 0) return [entity];
  const kind = doc.entities.get(entity).kind;
  // A name, not an adjective: "Kherson and Zaporizhzhia, Russian officials said" ends at Zaporizhzhia.
  const nameAt = (j: number): number | undefined => {
    const e = doc.tokenEntity[j];
    if (e === undefined || e < 0 || doc.adjectives.has(j)) return undefined;
    const named = doc.entities.get(e);
    return named.kind === kind && !named.unnamed ? e : undefined;
  };
  const key = (j: number) => doc.tokens[j]?.key ?? "";
  const out = [entity];
  let j = at;
  while (j > 0 && doc.tokenEntity[j - 1] === entity) j--;
  // Leftwards: ", " or " and " (with "the" before the name they join) before each earlier name.
  for (;;) {
    let i = j - 1;
    if (key(i) === "the") i--;
    if (!COORDINATORS.has(key(i))) break;
    if (COORDINATORS.has(key(i - 1))) i--;
    const e = nameAt(i - 1);
    if (e === undefined) break;
    out.unshift(e);
    j = i - 1;
    while (j > 0 && doc.tokenEntity[j - 1] === e) j--;
  }
  // Rightwards, to `until`.
  for (j = at; ; ) {
    let i = j + 1;
    if (!COORDINATORS.has(key(i))) break;
    if (COORDINATORS.has(key(i + 1))) i++;
    if (key(i + 1) === "the") i++;
    const e = i + 1 < until ? nameAt(i + 1) : undefined;
    if (e === undefined) break;
    out.push(e);
    j = i + 1;
    while (j + 1 < until && doc.tokenEntity[j + 1] === e) j++;
  }
  return [...new Set(out)];
}
