/** Words the speaker rules read phrases by. */

import { BETWEEN_SUBJECT_AND_VERB } from "../lexicons.ts";
import type { Token } from "../types.ts";
import { words } from "../word-classes.ts";

/** Words that cannot head a speaker's description, nor be a speaker: "it", "to", "there". */
export const NOT_HEADS = new Set(
  "it this there here to of in on at for with by from and or but that which who what as than".split(" "),
);
/** Words no description ends with. */
export const NOT_LAST = new Set([...NOT_HEADS, ...words("articles")]);
/** Words opening an apposition after a name: "Sam Lau, the director …", "Katie Packer, who …". */
export const APPOSITION_OPENERS = words("articles", ["who"]);
export const CLAUSE_BREAK = new Set([",", ";", ":", "(", ")", '"', "'", "-", "—", "–"]);
/** Quantifiers that stand for people by themselves: "Another tweeted", "Some said", "Both agreed". */
export const QUANTIFIER_SUBJECTS = new Set("another others some several many most both one".split(" "));
export const POSSESSIVES = words("possessives_third");

/** An adverb or auxiliary between a subject and its verb: "Russia has repeatedly said", "Trump jokingly said". */
export function isAdverbBeforeVerb(t: Token): boolean {
  return BETWEEN_SUBJECT_AND_VERB.has(t.key) || (!t.upper && t.key.length > 4 && t.key.endsWith("ly"));
}
