/**
 * Whether a run of capitalised words is a person's name: signals, each a small rule that adds to
 * the evidence or takes from it with the reason it names; the reasons, in the order the signals
 * ran, become the rule of the name's mention ("person:given-name+speaker-context").
 */

import { offices } from "../../world/offices.ts";
import type { Doc } from "../doc.ts";
import { matchAt } from "../gazetteer-match.ts";
import {
  BETWEEN_SUBJECT_AND_VERB,
  COMMON_GIVEN_NAMES,
  COMMON_WORDS,
  CONTRACTION,
  cueAt,
  ENGLISH_FUNCTION_WORDS,
  FAMILY_FIRST,
  FAMILY_NAMES,
  FAMILY_NAMES_ALSO_WORDS,
  GENERATIONAL_SUFFIXES,
  GIVEN_NAMES,
  NOT_NAMES,
} from "../lexicons.ts";
import { familyNamesSoFar } from "../surnames.ts";
import type { Token } from "../types.ts";
import { words } from "../word-classes.ts";
import { isInitial, isWordUpper, PARTICLES } from "./runs.ts";

export interface Evidence {
  score: number;
  reasons: string[];
}

/** The run being judged and the words around it. */
interface Candidate {
  doc: Doc;
  first: number;
  last: number;
  titled: boolean;
  /** Its words, particles left out. */
  words: Token[];
  head: Token;
  tail: Token;
}

/** Words that open an apposition after a name: "Wang Guangya, China's UN ambassador", "X, who ...". */
const APPOSITION_OPENERS = words("articles", ["who", "whose", "former", "now", "then"]);
/** Prepositions of place: a capitalised word after one ("in Clarkston") names a place. */
export const LOCATIVE = new Set(["in", "near", "outside", "across"]);

function add(e: Evidence, n: number, why: string): void {
  e.score += n;
  e.reasons.push(why);
}

/** The signals, in the order they are read: some look at the reasons given before them. */
const SIGNALS: ReadonlyArray<(c: Candidate, e: Evidence) => void> = [
  givenName,
  (c, e) => {
    if (c.titled) add(e, 3, "title");
  },
  knownFamilyName,
  familyOfSomeoneNamed,
  context,
  afterTitle,
  saidName,
  wordByWord,
  (c, e) => {
    if (c.words.some(allCapitals) && !ledeInCapitals(c)) add(e, -2, "all-capitals");
  },
  (c, e) => {
    if (c.doc.tokens[c.first - 1]?.key === "the") add(e, -2, "after-the");
  },
  // "In San Francisco, a group marched": after "in", a place, unless a given name or title says otherwise.
  (c, e) => {
    if (LOCATIVE.has(c.doc.tokens[c.first - 1]?.key ?? "") && e.score < 3) add(e, -3, "after-in");
  },
  (c, e) => {
    if (c.words.length === 1) add(e, -1, "single-word");
    if (c.words.length > 4) add(e, -3, "too-long");
  },
];

/** Why the capitalised words from `first` to `last` are (or are not) a person's name. */
export function personEvidence(doc: Doc, first: number, last: number, titled: boolean): Evidence {
  const words = doc.tokens.slice(first, last).filter((t) => t.kind === "word" && !PARTICLES.has(t.key));
  const candidate = {
    doc,
    first,
    last,
    titled,
    words,
    head: words[0] as Token,
    tail: words[words.length - 1] as Token,
  };
  const e: Evidence = { score: 0, reasons: [] };
  for (const signal of SIGNALS) signal(candidate, e);
  return e;
}

/** "ALEXANDER Downer applauded …": a lede that sets its first word in capitals, the name's others not. */
function ledeInCapitals({ doc, first, words }: Candidate): boolean {
  return (
    first === doc.sentences[(doc.tokens[first] as Token).sentence]?.first &&
    words.length >= 2 &&
    words.findIndex((w) => allCapitals(w)) === 0 &&
    !words.slice(1).some(allCapitals)
  );
}

/** A known given name first, a family name that comes first, or a given name that is also a word. */
function givenName({ doc, first, last, words, head, tail }: Candidate, e: Evidence): void {
  const { tokens } = doc;
  if (words.length >= 2 && GIVEN_NAMES.has(head.key)) add(e, 3, "given-name");
  else if (words.length >= 2 && FAMILY_FIRST.has(head.key) && words.length <= 3)
    add(e, 3, "family-name-first");
  // "Frank Wisner", "Rush Limbaugh": a given name that is also a word, before a word that is none,
  // where its capital means a name: not at the head of a sentence ("Will Sanders come down?")
  // unless an apposition or a speech verb follows ("Will Estrada, the chairman, said").
  else if (
    words.length >= 2 &&
    words.length <= 4 &&
    COMMON_GIVEN_NAMES.has(head.key) &&
    !offices().lastWords.has(head.key) &&
    ((!ENGLISH_FUNCTION_WORDS.has(head.key) && first > (doc.sentences[head.sentence]?.first ?? first)) ||
      (tokens[last]?.text === "," && APPOSITION_OPENERS.has(tokens[last + 1]?.key ?? "")) ||
      cueAt(tokens, last) !== undefined) &&
    !COMMON_WORDS.has(tail.key) &&
    !NOT_NAMES.has(tail.key)
  )
    add(e, 3, "common-given-name");
}

/** A known family name last; and before it a given name no lexicon knows ("Rakeyia Scott", "Khizr Khan"). */
function knownFamilyName({ doc, first, words, head, tail }: Candidate, e: Evidence): void {
  if (words.length < 2 || !FAMILY_NAMES.has(tail.key)) return;
  add(e, 1, "family-name");
  const unknown =
    !COMMON_WORDS.has(head.key) &&
    !GIVEN_NAMES.has(head.key) &&
    !FAMILY_NAMES.has(head.key) &&
    !FAMILY_FIRST.has(head.key);
  if (
    words.length === 2 &&
    head.text !== head.text.toUpperCase() &&
    unknown &&
    !matchAt(doc.tokens, first, doc.folded)
  )
    add(e, 1, "unknown-given-name");
}

/**
 * The family name of someone already named here, after an unknown capitalised word: a relative
 * ("Rakeyia Scott" after "Keith Lamont Scott").
 */
function familyOfSomeoneNamed({ doc, words, head, tail }: Candidate, e: Evidence): void {
  if (
    words.length === 2 &&
    !COMMON_WORDS.has(head.key) &&
    !e.reasons.includes("given-name") &&
    familyNamesSoFar(doc).has(tail.key)
  )
    add(e, 2, "family-of-someone-named");
}

/** What follows the run: a speech verb ("Wallace said", "Sotomayor has said"), an age, an apposition; a name set off before a speech verb. */
function context({ doc, first, last }: Candidate, e: Evidence): void {
  const { tokens } = doc;
  const next = tokens[last];
  const after = tokens[last + 1];
  if (next && cueAt(tokens, pastAuxiliaries(tokens, last))) add(e, 2, "speaker-context");
  // "A lawmaker from the ruling party, Beka Davituliani, said", "…, Enyinnaya Abaribe, had said":
  // set off by commas before a speech verb.
  else if (
    next?.text === "," &&
    tokens[first - 1]?.text === "," &&
    cueAt(tokens, pastAuxiliaries(tokens, last + 1))
  )
    add(e, 2, "set-off-before-cue");
  // "Yin Myint May, 60, a doctor": an age set off after the name.
  else if (next?.text === "," && /^[1-9]\d$/.test(after?.text ?? "") && tokens[last + 2]?.text === ",")
    add(e, 4, "age");
  else if (
    next?.text === "," &&
    after &&
    (APPOSITION_OPENERS.has(after.key) ||
      (after.upper && tokens[last + 2]?.key === "'s") ||
      (after.kind === "number" && tokens[last + 2]?.text === ",") ||
      titleSoon(doc, last + 1))
  )
    add(e, 2, "apposition");
}

/** The token after the words that may stand between a subject and its verb from `k`: "had", "has repeatedly". */
function pastAuxiliaries(tokens: Token[], k: number): number {
  let j = k;
  while (j < k + 2 && tokens[j] && BETWEEN_SUBJECT_AND_VERB.has((tokens[j] as Token).key)) j++;
  return j;
}

/**
 * "Kazakhstan's foreign minister, Erlan Idrissov, plays down …", "The president of South Sudan,
 * Salva Kiir, said": a name set off after a title, or after a title's "of" and its place.
 */
function afterTitle({ doc, first, last }: Candidate, e: Evidence): void {
  const { tokens } = doc;
  if (tokens[first - 1]?.text !== "," || tokens[last]?.text !== ",") return;
  let k = first - 2;
  const placeEnd = k;
  while (k > first - 6 && tokens[k]?.upper && tokens[k]?.kind === "word") k--;
  if (k < placeEnd && tokens[k]?.key === "of") k--;
  else k = placeEnd;
  if (offices().lastWords.has(tokens[k]?.key ?? "")) add(e, 3, "after-title");
}

/** `…," said Burns`: a name after an inverted speech verb. */
function saidName({ doc, first }: Candidate, e: Evidence): void {
  const { tokens } = doc;
  if (
    tokens[first - 1] &&
    cueAt(tokens, first - 1) &&
    (tokens[first - 2]?.text === "," || tokens[first - 2]?.text === '"')
  )
    add(e, 2, "said-name");
}

/**
 * Each word: one that is never a name, a common word (no name after a given name or title:
 * "Michael Brown", "Rep. Earl Blumenauer"), a capitalised contraction ("I'll", "They're").
 */
function wordByWord({ titled, words, head, tail }: Candidate, e: Evidence): void {
  const givenFirst = ["given-name", "common-given-name", "family-name-first", "title"].some((r) =>
    e.reasons.includes(r),
  );
  // "Theresa May said", "Yin Myint May, 60,": a family name that is also a word may end a name
  // after a given name or before an age.
  const closes = (w: Token) =>
    w === tail &&
    w !== head &&
    FAMILY_NAMES_ALSO_WORDS.has(w.key) &&
    (givenFirst || e.reasons.includes("age"));
  for (const w of words) {
    if (NOT_NAMES.has(w.key) && !closes(w)) add(e, -4, `not-a-name:${w.key}`);
    else if (givenFirst && (w !== head || titled || e.reasons.includes("common-given-name"))) continue;
    else if (
      (COMMON_WORDS.has(w.key) || (words.length === 1 && commonPlural(w.key))) &&
      !GIVEN_NAMES.has(w.key) &&
      !FAMILY_FIRST.has(w.key) &&
      !FAMILY_NAMES.has(w.key)
    )
      add(e, -2, `common-word:${w.key}`);
    if (CONTRACTION.test(w.key)) add(e, -4, `not-a-name:${w.key}`);
  }
}

/** A word in capitals that is no initial nor a generational suffix: "NATO", "BREAKING". */
function allCapitals(w: Token): boolean {
  return (
    w.text.length > 2 &&
    !isInitial(w) &&
    w.text === w.text.toUpperCase() &&
    /[A-Z]/.test(w.text) &&
    !GENERATIONAL_SUFFIXES.has(w.key)
  );
}

/** "Aides", "Voters", "Opponents": the plural of a common word, alone, names no one. */
function commonPlural(key: string): boolean {
  return (
    (key.endsWith("s") && COMMON_WORDS.has(key.slice(0, -1))) ||
    (key.endsWith("es") && COMMON_WORDS.has(key.slice(0, -2)))
  );
}

/** A title word within the next few tokens, before any comma: ", political science professor at …". */
function titleSoon(doc: Doc, from: number): boolean {
  for (let k = from; k < Math.min(doc.tokens.length, from + 6); k++) {
    const t = doc.tokens[k] as Token;
    if (t.text === "," || t.text === ".") return false;
    // "…, Serbian President Boris Tadic told": a title before a name opens a new clause; "Deputy
    // Editor" goes on to the title's own last word.
    if (offices().lastWords.has(t.key)) {
      const next = doc.tokens[k + 1];
      if (next && offices().lastWords.has(next.key)) continue;
      return !isWordUpper(next);
    }
  }
  return false;
}
