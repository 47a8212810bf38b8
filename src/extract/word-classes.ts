import { readDataJson } from "../paths.ts";

/**
 * The closed word classes of English (data/lexicons/word-classes.json), each defined there once;
 * the word lists of extraction's rules are made from them with `words`.
 */
export type WordClass =
  | "articles"
  | "plurals_without_s"
  | "demonstratives"
  | "possessives_third"
  | "be_finite"
  | "be_nonfinite"
  | "have"
  | "do"
  | "modals"
  | "subject_pronouns"
  | "relative_pronouns"
  | "contrastive"
  | "subordinators"
  | "weekdays"
  | "time_periods"
  | "period_openers"
  | "months"
  | "month_abbreviations"
  | "cardinal_numbers"
  | "dashes"
  | "prepositions";

const CLASSES = readDataJson<Record<WordClass, string[]>>("lexicons", "word-classes.json");

/** The words of the given classes, and of a rule's own purpose (plain words), as one set. */
export function words(...parts: Array<WordClass | string[]>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const part of parts) for (const w of typeof part === "string" ? CLASSES[part] : part) out.add(w);
  return out;
}

const NUMBERS = words("cardinal_numbers");

/** Whether a token's key is a number in words: "twelve", "fifty-six". */
export function isNumberWord(key: string): boolean {
  return key.split("-").every((part) => NUMBERS.has(part));
}
