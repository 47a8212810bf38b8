/** Capitalised runs of words: the raw material of names. */

import { offices } from "../../world/offices.ts";
import { bodyLeads, bodySuffixes } from "../../world/organizations.ts";
import type { Doc } from "../doc.ts";
import { matchAt } from "../gazetteer-match.ts";
import {
  BODY_OPENERS,
  COMPASS_ADJECTIVES,
  FAMILY_NAMES_ALSO_WORDS,
  GIVEN_NAMES,
  NOT_NAMES,
  PLACE_PREFIXES,
} from "../lexicons.ts";
import type { Token } from "../types.ts";
import { isNumberWord, words } from "../word-classes.ts";

/** Lower-case words that may sit inside a name ("Ludwig van Beethoven", "Bashar al-Assad"). */
export const PARTICLES = new Set([
  "de",
  "da",
  "del",
  "della",
  "der",
  "den",
  "van",
  "von",
  "bin",
  "ibn",
  "al",
  "el",
  "le",
  "la",
  "du",
  "dos",
  "das",
  "di",
  "ter",
  "ten",
  "y",
]);
/** Lower-case words that may join the words of a body's name ("Ministry of Foreign Affairs"). */
const JOINERS = new Set(["of", "for", "and", "on", "in", "the", "&"]);

export const isWordUpper = (t: Token | undefined) =>
  t !== undefined && t.kind === "word" && t.upper && t.key !== "'s";
export const isInitial = (t: Token | undefined) => t !== undefined && /^(?:[A-Z]\.)+$/.test(t.text);

/** A nickname in quotation marks inside a name: Juan "Chico" Manriquez, Marcia ‘Cia’ Price. */
function isNickname(tokens: Token[], at: number): boolean {
  const mark = (tokens[at] as Token).text;
  return (
    (mark === '"' || mark === "'") &&
    isWordUpper(tokens[at + 1]) &&
    tokens[at + 2]?.text === mark &&
    isWordUpper(tokens[at + 3]) &&
    (tokens[at + 3] as Token).start - (tokens[at + 2] as Token).end <= 1
  );
}

/** A run of capitalised tokens: the raw material of names. */
export interface Run {
  first: number;
  last: number;
}

/** A party and state after a lawmaker's name: "(R-S.C.)", ", D-Calif.,". */
const PARTY_STATE = /^[RDI]-[A-Z]/;

/**
 * Capitalised runs in one sentence: capitalised words and initials, with particles and joiners
 * inside when a capitalised word follows. Runs never cross a sentence.
 */
export function runs(doc: Doc, first: number, last: number): Run[] {
  const out: Run[] = [];
  const { tokens } = doc;
  let i = first;
  while (i < last) {
    const t = tokens[i] as Token;
    // "southern Yemen": a direction in lower case opens a run only where it opens a gazetteer name.
    const direction = COMPASS_ADJECTIVES.has(t.key) && matchAt(tokens, i, doc.folded) !== undefined;
    if (!(isWordUpper(t) || isInitial(t) || direction)) {
      i++;
      continue;
    }
    // "(R-S.C.)", ", D-Calif.,": a party and state after a lawmaker's name is no name.
    if (PARTY_STATE.test(t.text)) {
      i++;
      continue;
    }
    // A capitalised function word opening a sentence ("From Bush's post", "As Politico
    // reported") is no part of a name, unless a gazetteer phrase starts there ("The Hague").
    if (
      (NOT_NAMES.has(t.key) || isNumberWord(t.key)) &&
      !surnameNamedBefore(doc, i) &&
      !offices().honorifics.has(t.key) &&
      !matchAt(tokens, i, doc.folded) &&
      !opensBodyName(tokens, i)
    ) {
      // "of New York, a …": the word after "New" names the place too, not a person called York.
      i += PLACE_PREFIXES.has(t.key) && i + 1 < last && isWordUpper(tokens[i + 1]) ? 2 : 1;
      continue;
    }
    let j = i + 1;
    while (j < last) {
      const u = tokens[j] as Token;
      if (u.start - (tokens[j - 1] as Token).end > 2) break;
      const particles = isWordUpper(u) || isInitial(u) ? 0 : particlesBefore(tokens, j, last);
      if (isWordUpper(u) || isInitial(u)) j++;
      else if (particles > 0) j += particles + 1;
      else if (j + 3 < last && isNickname(tokens, j)) j += 3;
      else break;
    }
    out.push({ first: i, last: extendBody(doc, i, j, last) });
    i = out[out.length - 1]?.last ?? j;
  }
  return out;
}

/** Words before a month that make it one: "in May", "last May", "early June". */
const BEFORE_MONTH = words("prepositions", "period_openers", ["early", "late", "mid", "since", "until"]);

/**
 * "But May, who would not say …" after "Theresa May": a family name that is also a word, of a
 * person named in full before, is a surname where it is no date ("in May", "May 5").
 */
function surnameNamedBefore(doc: Doc, i: number): boolean {
  const t = doc.tokens[i] as Token;
  if (!FAMILY_NAMES_ALSO_WORDS.has(t.key) || doc.tokens[i + 1]?.kind === "number") return false;
  if (BEFORE_MONTH.has(doc.tokens[i - 1]?.key ?? "")) return false;
  return doc.entities.list.some(
    (e) => e.kind === "person" && e.name.includes(" ") && e.name.toLowerCase().endsWith(` ${t.key}`),
  );
}

/** How many particles from `j` lead to a capitalised word inside the run ("al-Assad", "von der Leyen"); 0 if none do. */
function particlesBefore(tokens: Token[], j: number, last: number): number {
  for (let n = 1; n <= 2 && j + n < last; n++) {
    if (!PARTICLES.has((tokens[j + n - 1] as Token).key)) return 0;
    if (isWordUpper(tokens[j + n])) return n;
  }
  return 0;
}

/** "Ministry of Foreign Affairs", "House of Commons": a body's head noun before a joiner and a capitalised word. */
function opensBodyName(tokens: Token[], i: number): boolean {
  if (BODY_OPENERS.has((tokens[i] as Token).key)) return headedBody(tokens, i + 1);
  if (!bodyLeads().has((tokens[i] as Token).key) || !JOINERS.has(tokens[i + 1]?.key ?? "")) return false;
  return isWordUpper(tokens[i + 2]) || (tokens[i + 2]?.key === "the" && isWordUpper(tokens[i + 3]));
}

/** Whether the capitalised words from `j` on end in a body's head noun: "Transitional Council". */
function headedBody(tokens: Token[], j: number): boolean {
  let k = j;
  while (isWordUpper(tokens[k]) && !BODY_OPENERS.has((tokens[k] as Token).key)) k++;
  return k > j && bodySuffixes().has((tokens[k - 1] as Token).key);
}

/** Whether a given name stands among the run's words: a person's name, then. */
function hasGivenName(tokens: Token[], first: number, end: number): boolean {
  for (let k = first; k < end; k++) if (GIVEN_NAMES.has((tokens[k] as Token).key)) return true;
  return false;
}

/**
 * A run extended over joiners ("of", "for", "in", "and") when the longer phrase is a body's name:
 * a gazetteer phrase ("UN Mission in Kosovo") or a phrase ending in a head noun ("Center for
 * Nonproliferation Studies", "Ministry of Foreign Affairs").
 */
function extendBody(doc: Doc, first: number, end: number, limit: number): number {
  const { tokens } = doc;
  let best = end;
  let j = end;
  // "Chris Wallace of Fox News", "National Chief Cindy Woodhouse Nepinak of the Assembly of First
  // Nations": a person's name before the joiner, not a body's first words.
  if (!bodySuffixes().has((tokens[end - 1] as Token).key) && hasGivenName(tokens, first, end)) return end;
  // A gazetteer phrase with lower-case words of its own: "Côte d'Ivoire".
  for (let s = first; s < end; s++) {
    const m = matchAt(tokens, s, doc.folded);
    if (m && m.last > best && m.last <= limit) best = m.last;
  }
  if (best > end) return best;
  while (j < limit && JOINERS.has((tokens[j] as Token).key)) {
    // "Democratic Republic of the Congo": "of the", "for the" in a row; "and the" joins two names.
    let next = j + 1;
    if ((tokens[j] as Token).key !== "and" && (tokens[next] as Token | undefined)?.key === "the") next++;
    if (!isWordUpper(tokens[next])) break;
    j = next;
    // "Commission of Moldova Andrei Volentir": a given name after the body's words opens a person's.
    while (
      j < limit &&
      (isWordUpper(tokens[j]) || isInitial(tokens[j])) &&
      !(j > next && GIVEN_NAMES.has((tokens[j] as Token).key))
    )
      j++;
    // A gazetteer phrase may start at any word of the run: "Kosovar Provisional Institution of Self-Government".
    let known = false;
    for (let s = first; s < end && !known; s++) known = matchAt(tokens, s, doc.folded)?.last === j;
    const lead = bodyLeads().has((tokens[first] as Token).key);
    if (known || bodySuffixes().has((tokens[j - 1] as Token).key) || lead) best = j;
  }
  return best;
}
