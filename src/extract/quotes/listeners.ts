/**
 * Reported content after a "tell" verb's listener without "that": "told reporters in Brussels he
 * expected …", "told MPs the agreement would …", "told the United Nations a year ago he hoped …".
 * Only where the words after the listener open a clause: a subject pronoun, or a noun phrase and
 * a finite verb soon after it ("told reporters the details" names no content).
 */

import type { Doc } from "../doc.ts";
import { LISTENERS } from "../lexicons.ts";
import type { Token } from "../types.ts";
import { words } from "../word-classes.ts";

const SUBJECTS = words("subject_pronouns");
const FINITE = words("modals", "be_finite", "have");
const OPENERS = words("articles", "possessives_third", "demonstratives");
/** How many words a noun phrase opening the content may hold before its finite verb: "the agreement would". */
const SUBJECT_REACH = 4;

/** How many words a named listener may run: "the Spanish King Felipe". */
const LISTENER_REACH = 6;

/**
 * The token after a listener starting at `k`: one of the plain listeners, or a run of names and
 * capitalised title words ending on a name ("the Spanish King Felipe", "the United Nations").
 */
function listenerEnd(doc: Doc, k: number): number | undefined {
  const phrase = LISTENERS.find((p) => p.every((w, i) => doc.tokens[k + i]?.key === w));
  if (phrase) return k + phrase.length;
  const first = doc.tokens[k]?.key === "the" ? k + 1 : k;
  let end: number | undefined;
  for (let i = first; i < first + LISTENER_REACH; i++) {
    const t = doc.tokens[i];
    if ((doc.tokenEntity[i] ?? -1) >= 0) end = i + 1;
    else if (t?.kind !== "word" || !t.upper) break;
  }
  return end;
}

/** Past "in Brussels", "on Tuesday" (a date), "a year ago" after the listener. */
function pastPlaceAndTime(doc: Doc, j: number, limit: number): number {
  const { tokens } = doc;
  if (tokens[j]?.key === "in" && (doc.tokenEntity[j + 1] ?? -1) >= 0) {
    const place = doc.tokenEntity[j + 1];
    j++;
    while (j < limit && doc.tokenEntity[j] === place) j++;
  }
  const date = doc.dates.find((d) => d.start === tokens[j]?.start || d.start === tokens[j + 1]?.start);
  if (date) j = doc.tokenAt(date.end);
  // "a year ago", "a week ago": a time chrono may leave undated.
  if (tokens[j]?.key === "a" && tokens[j + 2]?.key === "ago") j += 3;
  return j;
}

/** Whether a clause opens at `j`: a subject pronoun, or a short noun phrase then a finite verb. */
function opensClause(doc: Doc, j: number, limit: number): boolean {
  const t = doc.tokens[j] as Token | undefined;
  if (!t || j >= limit) return false;
  if (SUBJECTS.has(t.key))
    return FINITE.has(doc.tokens[j + 1]?.key ?? "") || /ed$/.test(doc.tokens[j + 1]?.key ?? "");
  if (!OPENERS.has(t.key) && (doc.tokenEntity[j] ?? -1) < 0) return false;
  for (let i = j + 1; i < Math.min(limit, j + 1 + SUBJECT_REACH); i++) {
    const w = doc.tokens[i] as Token;
    if (FINITE.has(w.key)) return true;
    if (w.kind === "punct") return false;
  }
  return false;
}

/** Where the content begins after the listener that starts at `k`, or undefined. */
export function bareAfterListener(doc: Doc, k: number, limit: number): number | undefined {
  const end = listenerEnd(doc, k);
  if (end === undefined) return undefined;
  const j = pastPlaceAndTime(doc, end, limit);
  return opensClause(doc, j, limit) ? j : undefined;
}
