/** Names in title-cased headlines, where every word has a capital. */

import { offices } from "../../world/offices.ts";
import type { Doc } from "../doc.ts";
import {
  COMMON_GIVEN_NAMES,
  COMMON_WORDS,
  CONTRACTION,
  cueAt,
  ENGLISH_FUNCTION_WORDS,
  FAMILY_NAMES,
  GENERATIONAL_SUFFIXES,
  GIVEN_NAMES,
  NOT_NAMES,
} from "../lexicons.ts";
import type { Token } from "../types.ts";
import { isInitial, PARTICLES } from "./runs.ts";

/** A sentence whose longer words are nearly all capitalised: a headline or a caption. */
export function titleCased(doc: Doc, sentence: { first: number; last: number }): boolean {
  let long = 0;
  let upper = 0;
  for (let k = sentence.first; k < sentence.last; k++) {
    const t = doc.tokens[k] as Token;
    if (t.kind !== "word" || t.text.length < 4 || t.text.includes(".") || ENGLISH_FUNCTION_WORDS.has(t.key))
      continue;
    long++;
    if (t.upper) upper++;
  }
  return long >= 5 && upper >= 0.9 * long;
}

/**
 * A name in a title-cased headline runs into the words after it ("Hillary Clinton Was Headed",
 * "Trump Says"): after a given name and one more word, a function word or a speech verb ends it.
 */
export function headlineCut(tokens: Token[], first: number, last: number): number {
  if (last - first < 3 || !GIVEN_NAMES.has((tokens[first] as Token).key)) return last;
  for (let k = first + 2; k < last; k++) {
    const key = (tokens[k] as Token).key;
    if (
      (!ENGLISH_FUNCTION_WORDS.has(key) && !cueAt(tokens, k)) ||
      GIVEN_NAMES.has(key) ||
      FAMILY_NAMES.has(key)
    )
      continue;
    // Only where the words before are all names: "Sanders Aren't Butting Heads Over …" is no name at all.
    const named = tokens
      .slice(first + 1, k)
      .every((t) => !COMMON_WORDS.has(t.key) || FAMILY_NAMES.has(t.key));
    return named ? k : last;
  }
  return last;
}

/**
 * In a headline every word is capitalised, so a name runs on into the words after it ("Warren
 * Prompts VP Speculation", "President Obama Speech at …"): the second word stays if it is no common
 * word (a common one only as the name's last word: "Troy Price"), unless the first is known only as
 * a family name; past that, known names, initials, and an uncommon last word ("Joel B. Pollak").
 */
export function titleCaseCut(tokens: Token[], first: number, last: number): number {
  const lead = (tokens[first] as Token).key;
  // "Obama Speech", "Trump Rally": after a word known only as a family name, no unknown word.
  const familyOnly = FAMILY_NAMES.has(lead) && !GIVEN_NAMES.has(lead) && !COMMON_GIVEN_NAMES.has(lead);
  for (let k = first + 1; k < last; k++) {
    const t = tokens[k] as Token;
    if (isKnownName(t) || isInitial(t) || PARTICLES.has(t.key)) continue;
    // "Clinton Pollster" is a role; "Kevin Bishop", after a name that is only a given name, a name.
    const role = offices().lastWords.has(t.key) && !(GIVEN_NAMES.has(lead) && !FAMILY_NAMES.has(lead));
    const word = !CONTRACTION.test(t.key) && !role && !NOT_NAMES.has(t.key);
    const common = COMMON_WORDS.has(t.key);
    if (k === first + 1 && !familyOnly && word && (!common || k === last - 1)) continue;
    if (k > first + 1 && k === last - 1 && word && !common) continue;
    return k;
  }
  return last;
}

export function isKnownName(t: Token): boolean {
  const key = t.key.replace(/\.$/, "");
  return FAMILY_NAMES.has(key) || GIVEN_NAMES.has(key) || GENERATIONAL_SUFFIXES.has(key);
}
