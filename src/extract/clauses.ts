/** Where a clause's subject starts. */

import type { Doc } from "./doc.ts";
import type { Token } from "./types.ts";
import { words } from "./word-classes.ts";

/** Words opening a phrase that comes before a sentence's subject: "Since launching his bid, Trump …". */
const INTRODUCTORY = new Set([
  "after",
  "before",
  "since",
  "during",
  "in",
  "on",
  "at",
  "when",
  "while",
  "as",
  "although",
  "though",
  "despite",
  "following",
  "asked",
  "speaking",
  "if",
  "because",
  "from",
  "until",
  "once",
  "earlier",
  "last",
  "alongside",
  "amid",
  "among",
  "unlike",
  "like",
  "with",
  "without",
  "under",
  "throughout",
  "given",
]);

/** Words of time that make "that morning," or "this week," an opening phrase. */
const TIME_NOUNS = new Set(
  "morning afternoon evening night day week weekend month year summer spring fall autumn winter time season".split(
    " ",
  ),
);
const TIME_DETERMINERS = new Set(["this", "that", "each", "every", "one", "next"]);

/** Words that may sharpen an opening phrase's first word: "Even before …,", "Shortly after …,". */
const OPENER_ADVERBS = new Set(
  "even just shortly long soon right only hours days minutes moments weeks".split(" "),
);

/** Sentence adverbs that open a sentence with a comma after them: "Likewise, a paper …". */
const SENTENCE_ADVERBS = new Set(
  "however meanwhile still instead likewise moreover nevertheless nonetheless indeed then now later yet also otherwise again today yesterday tonight overall thus therefore besides afterward afterwards earlier separately".split(
    " ",
  ),
);

/** Conjunctions that may open a sentence before its opening phrase. */
const LEADING_CONJUNCTIONS = new Set(["and", "but", "yet", "so"]);

/** Where the subject of a sentence may start: after an introductory phrase and its comma. */
export function subjectStart(doc: Doc, first: number, last: number): number {
  const opening = datelineEnd(doc, first, last);
  // "And after the court refused, McCrory blamed …": a conjunction may come before the opener.
  let start = LEADING_CONJUNCTIONS.has((doc.tokens[opening] as Token).key) ? opening + 1 : opening;
  if (!opensPhrase(doc, start)) return opening;
  // "But on Thursday, in the release announcing his role, Manafort described …": openers in a row.
  while (opensPhrase(doc, start)) {
    const next = afterPhrase(doc, start, last);
    if (next === undefined) return start === opening ? opening : start;
    start = next;
  }
  return start;
}

/** Whether token `k` opens a phrase before the subject: "after …", "amid …", "that morning,". */
function opensPhrase(doc: Doc, k: number): boolean {
  const key = doc.tokens[k]?.key ?? "";
  if (INTRODUCTORY.has(key)) return true;
  if (OPENER_ADVERBS.has(key) && INTRODUCTORY.has(doc.tokens[k + 1]?.key ?? "")) return true;
  if (doc.tokens[k + 1]?.text === "," && (SENTENCE_ADVERBS.has(key) || isMannerAdverb(doc, k))) return true;
  // "Filling in for Sanders at the event, West landed …": a participle opening the sentence.
  if (isOpeningParticiple(doc, k)) return true;
  return (
    TIME_DETERMINERS.has(key) &&
    TIME_NOUNS.has(doc.tokens[k + 1]?.key ?? "") &&
    doc.tokens[k + 2]?.text === ","
  );
}

/** A word in -ly that no stage took for a name: "Similarly,", "Separately," (not "Kelly,"). */
function isMannerAdverb(doc: Doc, k: number): boolean {
  const t = doc.tokens[k] as Token;
  return t.kind === "word" && t.key.length > 4 && t.key.endsWith("ly") && (doc.tokenEntity[k] ?? -1) < 0;
}

function isOpeningParticiple(doc: Doc, k: number): boolean {
  const t = doc.tokens[k] as Token;
  const first = doc.sentences[t.sentence]?.first;
  return (
    k === first &&
    t.kind === "word" &&
    t.upper &&
    t.key.length > 5 &&
    t.key.endsWith("ing") &&
    (doc.tokenEntity[k] ?? -1) < 0
  );
}

const DASHES = words("dashes");

/**
 * After a dateline opening a sentence ("WASHINGTON —", "MANCHESTER, N.H. - ", "WASHINGTON, Dec. 8
 * (UPI) —"): a place in capitals, then a dash within a few tokens. Else `first`.
 */
export function datelineEnd(doc: Doc, first: number, last: number): number {
  const place = doc.tokens[first] as Token;
  if (place.kind !== "word" || place.text.length < 3 || place.text !== place.text.toUpperCase()) return first;
  for (let j = first + 1; j < Math.min(last - 1, first + 12); j++) {
    if (DASHES.has((doc.tokens[j] as Token).text)) return j + 1;
  }
  return first;
}

/** The token after the comma closing the opening phrase that starts at `opener`. */
function afterPhrase(doc: Doc, opener: number, last: number): number | undefined {
  for (let j = opener + 1; j < Math.min(last, opener + 30); j++) {
    const t = doc.tokens[j] as Token;
    if (t.text !== ",") continue;
    // `When Maddow called it "Medicare for all," Clinton …`: the comma ending a quotation ends the phrase.
    const closing = /^[”"’']$/.test(doc.tokens[j + 1]?.text ?? "");
    const after = doc.tokens[closing ? j + 2 : j + 1];
    if (after && !doc.insideQuote(after.start)) return closing ? j + 2 : j + 1;
  }
  return undefined;
}

/** Words opening a subordinate clause, whose report is not the sentence's own. */
export const SUBORDINATORS = words("subordinators", ["which", "who"]);

/** The first token of the clause holding token `k`: after the comma before it, or the sentence's start. */
export function clauseStart(doc: Doc, k: number, floor: number): number {
  let j = k;
  while (j > floor && (doc.tokens[j - 1] as Token).text !== ",") j--;
  return j;
}
