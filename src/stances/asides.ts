/** Asides between dashes: "the residents of the Crimea – in accordance with the Charter – voted". */

import type { Doc } from "../extract/doc.ts";
import { words } from "../extract/word-classes.ts";

const DASHES = words("dashes");

/** Whether token `j` is a dash, or one of a run ("--"); a hyphen inside a word ("12-nation") is none. */
export function dashAt(doc: Doc, j: number): boolean {
  const t = doc.tokens[j];
  if (!t || !DASHES.has(t.text)) return false;
  if (t.text !== "-") return true;
  const before = doc.tokens[j - 1];
  const after = doc.tokens[j + 1];
  const glued = before?.end === t.start && after?.start === t.end;
  return !glued || DASHES.has(before?.text ?? "") || DASHES.has(after?.text ?? "");
}

/**
 * The first token of the dash run opening the aside that the dash at `close` ends, after `floor`.
 * Names that open it restate the subject and make no aside: "Five EU countries – Greece, Slovakia
 * and Cyprus – do not recognise".
 */
export function asideOpen(doc: Doc, close: number, floor: number): number | undefined {
  let j = close;
  while (j > floor && dashAt(doc, j - 1)) j--;
  for (j--; j > floor; j--) {
    if (!dashAt(doc, j)) continue;
    const first = doc.tokens[j + 1]?.key === "the" ? j + 2 : j + 1;
    if ((doc.tokenEntity[first] ?? -1) >= 0) return undefined;
    while (j > floor + 1 && dashAt(doc, j - 1)) j--;
    return j;
  }
  return undefined;
}

/** The last token of the dash run closing the aside that the dash at `open` opens, before `to`. */
export function asideClose(doc: Doc, open: number, to: number): number | undefined {
  let j = open;
  while (j + 1 < to && dashAt(doc, j + 1)) j++;
  for (j++; j < to; j++) {
    if (!dashAt(doc, j)) continue;
    while (j + 1 < to && dashAt(doc, j + 1)) j++;
    return j;
  }
  return undefined;
}

/** Whether token `at` sits in an aside between dashes that closes before `k`, after `start`. */
export function insideAside(doc: Doc, at: number, start: number, k: number): boolean {
  let close = at + 1;
  while (close < k && !dashAt(doc, close)) close++;
  if (close >= k) return false;
  const open = asideOpen(doc, close, start - 1);
  return open !== undefined && open < at;
}
