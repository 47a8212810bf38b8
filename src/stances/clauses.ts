/** Where a stance cue sits in its sentence: its clause, a condition, a negation, a relative clause. */

import type { Doc } from "../extract/doc.ts";
import { cueAt } from "../extract/lexicons.ts";
import type { Token } from "../extract/types.ts";
import { words } from "../extract/word-classes.ts";
import { asideOpen, dashAt } from "./asides.ts";
import type { CompiledCodebook, Cue } from "./compile.ts";
import { sequenceAt } from "./patterns.ts";
import { CONDITIONAL_OPENERS, INTENT_PHRASES, PREPOSITIONS } from "./syntax.ts";

export const BE = words("be_finite", "be_nonfinite");

/** Words after which a new clause, with subjects of its own, begins: "Serbia recalls envoy after US, France recognise Kosovo". */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(
  // "as" joins lists ("as well as"), and conditions are read apart (`conditional`).
  [...words([";", ":", "that", "which", "who", "but"], "subordinators")].filter(
    (w) => !["as", "if", "unless", "whether"].includes(w),
  ),
);

const RELATIVES = words("relative_pronouns");

/** The comma opening ", which …," that ends at comma `close`, if the stretch is such a clause. */
function nonRestrictiveStart(doc: Doc, close: number, floor: number): number | undefined {
  for (let j = close - 1; j > floor && close - j < 20; j--) {
    const t = doc.tokens[j] as Token;
    if (opensRelative(doc, j)) return j;
    if (t.text === "," || t.text === ";") return undefined;
  }
  return undefined;
}

/** Whether the comma at `j` opens a relative clause: ", which …", ", from which Kosovo declared independence, …". */
function opensRelative(doc: Doc, j: number): boolean {
  if (doc.tokens[j]?.text !== ",") return false;
  const next = doc.tokens[j + 1]?.key ?? "";
  return RELATIVES.has(next) || (PREPOSITIONS.has(next) && RELATIVES.has(doc.tokens[j + 2]?.key ?? ""));
}

/** Words after a list's last "and" that go on with the list: "China, Russia, and other countries". */
const LIST_GOES_ON = new Set(["other", "several", "some", "many", "most"]);

/** Whether the comma at `j` is a list's last before "and": "Britain, France, and Germany recognised". */
function serialComma(doc: Doc, j: number): boolean {
  const named = doc.tokenEntity[j - 1] ?? -1;
  if (named < 0 || doc.tokens[j + 1]?.key !== "and") return false;
  let next = j + 2;
  if (doc.tokens[next]?.key === "the") next++;
  if ((doc.tokenEntity[next] ?? -1) < 0 && !LIST_GOES_ON.has(doc.tokens[next]?.key ?? "")) return false;
  let first = j - 1;
  while (first > 0 && doc.tokenEntity[first - 1] === named) first--;
  if (doc.tokens[first - 1]?.key === "the") first--;
  return doc.tokens[first - 1]?.text === ",";
}

/** Where the clause holding token `k` starts: after a semicolon, colon, comma before "and"/"but", or "that". */
export function clauseStart(doc: Doc, k: number, floor: number): number {
  for (let j = k - 1; j > floor; j--) {
    const t = doc.tokens[j] as Token;
    // "the residents of the Crimea – in accordance with the UN Charter, which … – voted": an aside
    // between dashes is passed over whole, whatever clauses it holds.
    if (dashAt(doc, j)) {
      const open = asideOpen(doc, j, floor);
      if (open !== undefined) {
        j = open;
        continue;
      }
    }
    // ", which have recognised Kosovo," between a subject and its verb: passed over whole.
    if (t.text === "," && !opensRelative(doc, j)) {
      const open = nonRestrictiveStart(doc, j, floor);
      if (open !== undefined) {
        j = open;
        continue;
      }
    }
    if (
      CLAUSE_OPENERS.has(t.key) ||
      (t.text === "," &&
        ["and", "but", "while"].includes(doc.tokens[j + 1]?.key ?? "") &&
        !serialComma(doc, j))
    )
      return j + 1;
  }
  return floor;
}

/** Subject pronouns and modals that open the main clause after a condition: "if it vetoed …, they would …". */
export const PRONOUN_SUBJECTS = words("subject_pronouns");

const MODALS = words("modals");

/** A cue inside a condition ("if Russia vetoed") is no stance; one in the main clause after it is. */
export function conditional(doc: Doc, floor: number, k: number, book: CompiledCodebook): boolean {
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

export function hasPhrase(doc: Doc, from: number, to: number, phrases: string[][]): boolean {
  for (let j = from; j < to; j++) {
    // "Theresa May said": a word of a name is no hedge nor negation.
    if ((doc.tokenEntity[j] ?? -1) >= 0) continue;
    for (const phrase of phrases) if (phrase.every((w, i) => doc.tokens[j + i]?.key === w)) return true;
  }
  return false;
}

/**
 * Whether a negator governs the cue at `k`: within four words of a verb cue ("will not formally
 * recognise"), within two of any other ("is not a violation"); "never recognise the false state"
 * does not negate "false state".
 */
export function negated(doc: Doc, k: number, floor: number, book: CompiledCodebook, verb: boolean): boolean {
  const reach = verb ? 4 : 2;
  if (hasPhrase(doc, Math.max(floor, k - reach), k, book.negators)) return true;
  // "will never, under any circumstances, recognise": a parenthesis between commas is passed over.
  const close = k - 1;
  if (doc.tokens[close]?.text !== ",") return false;
  for (let open = close - 1; open > Math.max(floor, close - 8); open--) {
    if (doc.tokens[open]?.text === ",")
      return hasPhrase(doc, Math.max(floor, open - reach), open, book.negators);
  }
  return false;
}

/** Auxiliaries and adverbs that may stand between a subject and a verb in -ing: "is recognising", "now backing". */
const BEFORE_PROGRESSIVE = new Set([...BE, "not", "never", "also", "now", "still", "formally", "and", "to"]);

/**
 * "a resolution endorsing Kosovo's independence", "by recognising Kosovo": a support verb in -ing
 * after a noun or preposition describes something else, not the subject's act.
 */
export function modifyingParticiple(doc: Doc, k: number, cue: Cue, book: CompiledCodebook): boolean {
  const token = doc.tokens[k] as Token;
  const before = doc.tokens[k - 1];
  // "voted against recognising", "is considering recognising", "interested in buying": negated, hedged or intended, not a modifier.
  if (
    hasPhrase(doc, Math.max(0, k - 3), k, book.negators) ||
    hasPhrase(doc, Math.max(0, k - 3), k, book.hedges) ||
    INTENT_PHRASES.some((p) => k >= p.length && sequenceAt(doc.tokens, k - p.length, p))
  )
    return false;
  return (
    cue.stance === "support" &&
    !before?.key.endsWith("ing") &&
    token.key.endsWith("ing") &&
    before?.kind === "word" &&
    !/^\p{Lu}/u.test(before.text) &&
    !BEFORE_PROGRESSIVE.has(before.key) &&
    // "joined Russia in recognising Kosovo": a gerund after "in" is the subject's act.
    before.key !== "in"
  );
}

/** After "If Russia vetoed the draft," the main clause begins: names in the condition are not its subjects. */
export function afterCondition(doc: Doc, start: number, k: number): number {
  // "However, if Moldova unites with Romania, the region …": past a connective opening the sentence.
  let opener = start;
  while (opener < k && LEADING_CONNECTIVES.has((doc.tokens[opener] as Token).key)) opener++;
  if (!CONDITIONAL_OPENERS.has((doc.tokens[opener] as Token).key)) return start;
  for (let j = opener + 1; j < k; j++) if ((doc.tokens[j] as Token).text === ",") return j + 1;
  return start;
}

const LEADING_CONNECTIVES = new Set(["however", "but", "and", "yet", "still", "meanwhile", "moreover", ","]);

/** Whether token `k` sits in ", which …," or ", who …," after `floor`: "Germany, which have recognised Kosovo, abstained". */
export function insideRelative(doc: Doc, k: number, floor: number): boolean {
  for (let j = k - 1; j > floor; j--) {
    const t = doc.tokens[j] as Token;
    if (
      RELATIVES.has(t.key) &&
      opensRelative(doc, PREPOSITIONS.has(doc.tokens[j - 1]?.key ?? "") ? j - 2 : j - 1)
    )
      return true;
    if (t.text === "," || t.text === ";") return false;
  }
  return false;
}

/** "Countries that recognised Kosovo": a cue in a relative clause is its subject's act, not the speaker's. */
export function inRelativeClause(doc: Doc, k: number, floor: number): boolean {
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
  // "told reporters that …", "… remains in force, and that …": the "that" opens what a report says,
  // not a relative clause on the listener or the noun before.
  const second = ["and", "or", "but"].includes(before.key);
  if (
    doc.quotes.some(
      (q) =>
        q.kind === "indirect" && (q.start === t.start || (second && q.start < t.start && t.end <= q.end)),
    )
  )
    return false;
  // "said that …" is a report; "the states that …" a relative clause ("states" a noun after "the").
  const noun = ["the", "a", "an", "these", "those", "other", "many", "all"].includes(
    doc.tokens[j - 2]?.key ?? "",
  );
  return !cueAt(doc.tokens, j - 1) || noun;
}

const FINITE_VERBS = words("modals", "be_finite", "have");
/** Words before a noun that no subject of a verb would be: "that" opening a report, an article. */
const BEFORE_NOUN = words("articles", "demonstratives", ["that"]);

/**
 * "… said that calls for the separation of southern Yemen should be ignored": a cue's verb in its
 * -s form after no subject, with a finite verb past its object, heads the clause's subject; it is a
 * noun. After a subject it is a verb ("Argentina claims the islands were seized").
 */
export function nounUse(doc: Doc, k: number, end: number): boolean {
  const key = (doc.tokens[k] as Token).key;
  return (
    key.endsWith("s") &&
    !key.endsWith("ss") &&
    BEFORE_NOUN.has(doc.tokens[k - 1]?.key ?? "") &&
    FINITE_VERBS.has(doc.tokens[end]?.key ?? "")
  );
}
