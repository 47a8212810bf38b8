import type { Doc } from "../extract/doc.ts";
import type { Targets } from "./compile.ts";
import { sequenceAt } from "./patterns.ts";

const firstWords = new WeakMap<Targets, Set<string>>();

/** The first words of the target's names, so that most tokens are passed over at a glance. */
export function firstWordsOf(book: Targets): Set<string> {
  let words = firstWords.get(book);
  if (!words) {
    words = new Set(book.targetKeys.map((seq) => seq[0] ?? ""));
    firstWords.set(book, words);
  }
  return words;
}

function targetAt(doc: Doc, book: Targets, k: number): boolean {
  if (!firstWordsOf(book).has(doc.tokens[k]?.key ?? "")) return false;
  for (const seq of book.targetKeys) if (sequenceAt(doc.tokens, k, seq)) return true;
  return false;
}

/** How many times a text names the target. */
const counted = new WeakMap<Doc, Map<Targets, number>>();

export function targetMentions(doc: Doc, book: Targets): number {
  let byBook = counted.get(doc);
  if (!byBook) {
    byBook = new Map();
    counted.set(doc, byBook);
  }
  let n = byBook.get(book);
  if (n === undefined) {
    n = targetStarts(doc, book).length;
    byBook.set(book, n);
  }
  return n;
}

/** Whether tokens first … last-1 name the target. */
export function mentionsTarget(doc: Doc, book: Targets, first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (targetAt(doc, book, k)) return true;
  return false;
}

/**
 * The tokens where a name of the target starts, among the positions of each word given by
 * `positions` (built once for many targets, so a target costs its own first words, not the text).
 */
export function targetStartsAt(doc: Doc, book: Targets, positions: Map<string, number[]>): number[] {
  const out: number[] = [];
  for (const word of firstWordsOf(book))
    for (const k of positions.get(word) ?? [])
      if (book.targetKeys.some((seq) => sequenceAt(doc.tokens, k, seq))) out.push(k);
  return out;
}

/** The tokens where a name of the target starts. */
function targetStarts(doc: Doc, book: Targets): number[] {
  const out: number[] = [];
  for (let k = 0; k < doc.tokens.length; k++) if (targetAt(doc, book, k)) out.push(k);
  return out;
}
