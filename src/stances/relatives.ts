/**
 * An act told in a relative clause on the proposition it acts on: "the referendum, which Kiev
 * called illegal", "the declaration that Serbia rejected", "the move Russia condemned". A verb cue
 * with its proposition as object ("~call {P} illegal") is read there with the proposition before
 * its subject; the names between are who act.
 */

import type { Doc } from "../extract/doc.ts";
import type { Span, Token } from "../extract/types.ts";
import { words } from "../extract/word-classes.ts";
import { negated } from "./clauses.ts";
import { type CompiledCodebook, type Cue, opposite } from "./compile.ts";
import { cueSpanOf, type Hit } from "./hits.ts";
import { type Element, firstKeys, matchPattern } from "./patterns.ts";
import { mentionsTarget } from "./target.ts";

const PROPOSITION: Element[] = [{ slot: "P" }];

const openings = new WeakMap<CompiledCodebook, Set<string>>();

/** The words a book's propositions may open with, so that most tokens are passed over at a glance. */
function openingKeys(book: CompiledCodebook): Set<string> {
  let keys = openings.get(book);
  if (!keys) {
    keys = firstKeys(PROPOSITION, book.slots);
    openings.set(book, keys);
  }
  return keys;
}

/** Words between a relative clause's subject and its verb: "which Kiev has also called …", "which Spain did not recognise". */
const AUXILIARIES = words("have", "do", "modals", [
  ...["not", "never", "also", "already", "since", "repeatedly"],
  ...["strongly", "firmly", "previously", "later", "immediately"],
]);

/** Words that may stand inside a list of subjects: "Kiev and the West", "Britain, France and Germany". */
const LIST_GLUE = new Set(["and", ",", "the", "its", "their"]);

/** How many tokens a relative clause's subjects and auxiliaries may run. */
const SUBJECT_REACH = 12;

/**
 * The hits of verb cues read in relative clauses on the proposition, outside the words `taken`;
 * unless the text is `about` the target, only on propositions that name it.
 */
export function relativeHits(doc: Doc, book: CompiledCodebook, taken: Span[], about: boolean): Hit[] {
  const hits: Hit[] = [];
  const opening = openingKeys(book);
  for (const sentence of doc.sentences) {
    for (let k = sentence.first; k < sentence.last; k++) {
      if (!opening.has((doc.tokens[k] as Token).key)) continue;
      const end = matchPattern(doc.tokens, k, PROPOSITION, book.slots);
      if (end < 0) continue;
      // "Kosovo's independence, which …" is no proposition on Catalonia's.
      const owned = doc.tokens[k - 1]?.key === "'s";
      const hit =
        owned || !(about || mentionsTarget(doc, book, k, end))
          ? undefined
          : relativeAfter(doc, book, end, sentence);
      if (hit && !taken.some((t) => t.start < hit.cue.end && hit.cue.start < t.end)) hits.push(hit);
      k = end - 1;
    }
  }
  return hits;
}

/** The act of a relative clause opening at token `i`, just after a proposition. */
function relativeAfter(
  doc: Doc,
  book: CompiledCodebook,
  i: number,
  sentence: { first: number; last: number; start: number; end: number },
): Hit | undefined {
  let j = doc.tokens[i]?.text === "," ? i + 1 : i;
  const key = doc.tokens[j]?.key;
  const pronoun = key === "which" || key === "that";
  if (pronoun) j++;
  // A bare relative ("the move Russia condemned") needs its subject's name right after the proposition.
  else if (j !== i || (doc.tokenEntity[j] ?? -1) < 0) return undefined;
  const actors: number[] = [];
  let v = j;
  for (; v < Math.min(sentence.last, j + SUBJECT_REACH); v++) {
    const t = doc.tokens[v] as Token;
    // "the referendum, which it sees as …": a pronoun subject stands for the actor it was resolved to.
    const e =
      (doc.tokenEntity[v] ?? -1) >= 0 ? (doc.tokenEntity[v] as number) : (doc.pronouns.get(t.start) ?? -1);
    if (e >= 0) {
      if (!actors.includes(e)) actors.push(e);
    } else if (!(actors.length ? AUXILIARIES.has(t.key) || LIST_GLUE.has(t.key) : t.key === "the")) break;
  }
  if (!actors.length || v >= sentence.last) return undefined;
  for (const cue of book.byFirst.get((doc.tokens[v] as Token).key) ?? []) {
    const split = objectParts(cue);
    if (!split) continue;
    const end = matchPattern(doc.tokens, v, split.verb, book.slots);
    const rest = end < 0 ? -1 : matchPattern(doc.tokens, end, split.rest, book.slots);
    if (rest < 0) continue;
    const stance = negated(doc, v, j, book, true) ? opposite(cue.stance) : cue.stance;
    return {
      actors,
      stance,
      evidence: { start: sentence.start, end: sentence.end },
      cue: cueSpanOf(doc, v, rest),
      rule: `cue:${cue.source}/object-relative`,
    };
  }
  return undefined;
}

const parts = new WeakMap<Cue, { verb: Element[]; rest: Element[] } | null>();

/** A verb cue whose proposition is its object ("~reject {P}", "~call {P} illegal"): its verb and what follows the object, split once. */
function objectParts(cue: Cue): { verb: Element[]; rest: Element[] } | null {
  let split = parts.get(cue);
  if (split === undefined) {
    const second = cue.elements[1];
    split =
      cue.verb && second !== undefined && "slot" in second && second.slot === "P"
        ? { verb: cue.elements.slice(0, 1), rest: cue.elements.slice(2) }
        : null;
    parts.set(cue, split);
  }
  return split;
}
