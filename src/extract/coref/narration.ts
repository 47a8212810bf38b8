/** The person a narrating sentence is about, for a pronoun that opens a speech clause after it. */

import { offices } from "../../world/offices.ts";
import { subjectStart } from "../clauses.ts";
import type { Doc } from "../doc.ts";
import { cueAt, PRONOUNS } from "../lexicons.ts";
import type { Token } from "../types.ts";
import { compatible, looksLikeSubject, type Reference } from "./salience.ts";

/** How many tokens back the narrating sentence before a pronoun is looked for. */
const LOOK_BACK = 400;

/** A sentence opener before token `k`: "However, he", "But he", "Still, she". */
function openedBy(doc: Doc, first: number, k: number): boolean {
  if (k - first > 2) return false;
  for (let j = first; j < k; j++) {
    const key = (doc.tokens[j] as Token).key;
    if (key !== "," && !SENTENCE_OPENERS.has(key)) return false;
  }
  return true;
}

/** Whether `entity` is the only person the sentence names (or refers to by a pronoun) outside quotations. */
function onlyPerson(doc: Doc, entity: number, first: number, end: number): boolean {
  for (let j = first; j < end; j++) {
    const e = doc.tokenEntity[j] as number;
    if (doc.insideQuote((doc.tokens[j] as Token).start)) continue;
    if (
      (e >= 0 && e !== entity && doc.entities.get(e).kind === "person") ||
      PRONOUNS.has((doc.tokens[j] as Token).key)
    )
      return false;
  }
  return true;
}

/** The first person named from `from` to `end`, outside quotations, of the gender a pronoun needs. */
function otherPerson(doc: Doc, from: number, end: number, reference: Reference): number | undefined {
  for (let j = from; j < end; j++) {
    const e = doc.tokenEntity[j] as number;
    if (e < 0 || doc.insideQuote((doc.tokens[j] as Token).start)) continue;
    const entity = doc.entities.get(e);
    if (entity.kind === "person" && entity.gender === reference) return e;
  }
  return undefined;
}

/**
 * The person of a reporting clause after a comma in a narrating sentence: "Trump, Sexton said, has
 * created …", "The good news for Cruz, Woolson said, is …", "…, said Jake Horowitz, editor of …".
 * That person is the one speaking in the passage, whoever the sentence is about.
 */
function parentheticalReporter(doc: Doc, first: number, end: number): number | undefined {
  const { tokens } = doc;
  // A reporting clause ends at a comma or the sentence's end: ", Sexton said," / ", said Jake Horowitz."
  const closes = (k: number) => k >= end || [",", ".", ";"].includes((tokens[k] as Token).text);
  for (let j = first + 1; j < end; j++) {
    if ((tokens[j] as Token).text !== "," || doc.insideQuote((tokens[j] as Token).start)) continue;
    const inverted = cueAt(tokens, j + 1);
    const at = inverted ? inverted.end : j + 1;
    const e = doc.tokenEntity[at] as number;
    if (e < 0 || doc.entities.get(e).kind !== "person") continue;
    let last = at;
    while (doc.tokenEntity[last] === e) last++;
    const after = inverted ? last : cueAt(tokens, last)?.end;
    if (after !== undefined && closes(after)) return e;
  }
  // "…, he is also the most able candidate Viguerie argues.": a report closing the sentence.
  let verb = end - 1;
  while (verb > first && [".", "!", "?"].includes((tokens[verb] as Token).text)) verb--;
  const e = doc.tokenEntity[verb - 1] as number;
  if (verb < end - 1 && cueAt(tokens, verb) && e >= 0 && doc.entities.get(e).kind === "person") return e;
  return undefined;
}

/**
 * Whether the words from `k` are a title ending right before another name: "Clinton communication
 * director Jennifer Palmieri", where the name before the title only says whom the title serves.
 */
function titleOfNext(doc: Doc, k: number): boolean {
  for (let j = k; j < k + 4; j++) {
    const t = doc.tokens[j];
    if (t?.kind !== "word") return false;
    if (offices().lastWords.has(t.key)) return (doc.tokenEntity[j + 1] ?? -1) >= 0;
  }
  return false;
}

/** Pronouns that never stand as a clause's subject. */
const NOT_SUBJECT_PRONOUNS = new Set(["his", "her", "its", "their", "him", "them"]);

/** Words that may open a sentence before its subject. */
const SENTENCE_OPENERS = new Set([
  "but",
  "and",
  "yet",
  "so",
  "still",
  "meanwhile",
  "later",
  "then",
  "now",
  "however",
  "instead",
  "also",
]);

/**
 * A pronoun that opens a speech clause, right after a quote ("…,” he said") or at the head of its
 * sentence ("He added, “…”"), names the subject of the last narrating sentence before it (in its
 * paragraph or the one before), not the person most talked about in the article. That subject may
 * itself be a pronoun resolved before; a place or body in a title ("White House spokesman Josh
 * Earnest", "Trump senior adviser Jason Miller") or a possessor ("Trump's campaign manager") is not it.
 */
export function narratingSubject(
  doc: Doc,
  k: number,
  reference: Reference,
  resolved: Map<number, number>,
): number | undefined {
  const from = narrationBefore(doc, k);
  if (from === undefined) return undefined;
  const start = doc.tokens[from + 1] as Token;
  const paragraph = doc.sentences[start.sentence]?.paragraph ?? 0;
  const floor = doc.paragraphs[Math.max(0, paragraph - 1)]?.start ?? 0;
  // Bounded: quotes run back to back in some texts, and this runs for every such pronoun.
  for (let i = from; i >= Math.max(0, from - LOOK_BACK); i--) {
    const before = doc.tokens[i] as Token;
    if (before.start < floor) break;
    if (doc.insideQuote(before.start)) continue;
    const sentence = doc.sentences[before.sentence];
    if (!sentence) return undefined;
    const end = Math.min(sentence.last, k);
    const reporter = parentheticalReporter(doc, sentence.first, end);
    if (reporter !== undefined)
      return compatible(doc.entities.get(reporter), reference) ? reporter : undefined;
    return subjectOf(doc, sentence.first, end, reference, resolved);
  }
  return undefined;
}

/**
 * Where the narration before a pronoun opening a speech clause ends: before the quote it follows
 * ("…,” he said"), or before its own sentence ("He added, “…”", "However, he"); undefined when
 * the pronoun opens no such clause.
 */
function narrationBefore(doc: Doc, k: number): number | undefined {
  const t = doc.tokens[k] as Token;
  const previous = doc.tokens[k - 1];
  const sentenceFirst = doc.sentences[t.sentence]?.first ?? k;
  if (previous && /^[”"’']$/.test(previous.text) && cueAt(doc.tokens, k + 1)) {
    const region = doc.quoteEndingBefore(t.start);
    return region ? doc.tokenAt(region.start) - 1 : undefined;
  }
  if (sentenceFirst === k || openedBy(doc, sentenceFirst, k)) return sentenceFirst - 1;
  return undefined;
}

/** The person a narrating sentence from `first` to `end` is about, if a pronoun of `reference` can stand for them. */
function subjectOf(
  doc: Doc,
  first: number,
  end: number,
  reference: Reference,
  resolved: Map<number, number>,
): number | undefined {
  const begin = subjectStart(doc, first, end);
  for (let j = begin; j < end; j++) {
    // "In her speech, Rhimes declared": a possessive or object pronoun is not the subject.
    const e =
      (doc.tokenEntity[j] as number) >= 0
        ? (doc.tokenEntity[j] as number)
        : NOT_SUBJECT_PRONOUNS.has((doc.tokens[j] as Token).key)
          ? undefined
          : resolved.get(j);
    if (e === undefined || doc.insideQuote((doc.tokens[j] as Token).start)) continue;
    let last = j + 1;
    while (doc.tokenEntity[last] === e) last++;
    if (modifiesNext(doc, last)) {
      j = last - 1;
      continue;
    }
    const entity = doc.entities.get(e);
    if (entity.kind !== "person") return undefined;
    // A name opening its sentence is its subject, a phrase after it or not ("Dan McLaughlin at
    // the National Review agreed").
    const opens = j === begin || (j === begin + 1 && SENTENCE_OPENERS.has((doc.tokens[begin] as Token).key));
    // "Then there's Axelrod.": a sentence naming one person, not as its subject, still narrates them.
    if (!(opens || looksLikeSubject(doc, last)))
      return compatible(entity, reference) && onlyPerson(doc, e, first, end) ? e : undefined;
    if (compatible(entity, reference)) return e;
    // "McDonough was responding to a message from Wendy Sherman …", then "she wrote": the
    // subject cannot be meant, a person of the other gender after it can.
    return otherPerson(doc, last, end, reference);
  }
  return undefined;
}

/** A possessor, or a place or body in a title ("White House spokesman Josh Earnest"): a name ending before `last` only modifies. */
function modifiesNext(doc: Doc, last: number): boolean {
  const next = doc.tokens[last];
  const titles = offices();
  return (
    next !== undefined &&
    (next.key === "'s" ||
      titles.lastWords.has(next.key) ||
      titles.modifiers.has(next.key) ||
      titleOfNext(doc, last))
  );
}
