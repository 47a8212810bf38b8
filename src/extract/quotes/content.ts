/** What reported speech said: its content, cut where the report's words end. */

import { type Doc, startingBefore } from "../doc.ts";
import { cueAt } from "../lexicons.ts";
import type { Quote, Span, Token } from "../types.ts";
import { words } from "../word-classes.ts";
import { isSpeechVerb } from "./verbs.ts";

/** Reported content runs to its sentence's end, but never longer than this many tokens. */
const MAX_CONTENT = 90;

/** Cues whose content is the noun phrase after them ("called for further talks"), not a clause. */
export const OBJECT_CUES = new Set(["call for", "urge", "demand"]);

/** "calling for further talks, while Belgium … supported …": the phrase ends before a contrasting clause. */
export function cutAtContrast(doc: Doc, content: Span): Span {
  const { tokens } = doc;
  for (let k = doc.tokenAt(content.start); k < doc.tokenAt(content.end); k++) {
    const t = tokens[k] as Token;
    if (t.text === "," && CONTRAST.has(tokens[k + 1]?.key ?? "") && !doc.insideQuote(t.start))
      return { start: content.start, end: t.start };
  }
  return content;
}

const CONTRAST = words("contrastive");

export function capLength(doc: Doc, content: Span): Span {
  const first = doc.tokenAt(content.start);
  const last = doc.tokenAt(content.end);
  if (last - first <= MAX_CONTENT) return content;
  return { start: content.start, end: (doc.tokens[first + MAX_CONTENT - 1] as Token).end };
}

/**
 * Reported content stops before another report with its own speaker: "that Belgrade will not
 * accept the loss, and Serbian officials said …" ends at "loss".
 */
export function cutBeforeNextReport(doc: Doc, content: Span | undefined, verb: number): Span | undefined {
  if (!content) return content;
  const { tokens } = doc;
  const first = doc.tokenAt(content.start);
  const last = doc.tokenAt(content.end);
  for (let j = Math.max(first, verb + 1); j < last; j++) {
    if (!isSpeechVerb(doc, j) || doc.insideQuote((tokens[j] as Token).start)) continue;
    // Back from the second verb to the comma or conjunction that opens its clause.
    for (let b = j - 1; b > first && j - b <= 8; b--) {
      const t = tokens[b] as Token;
      if (t.text === "," || t.text === ";" || t.key === "and" || t.key === "but") {
        let end = b;
        while (end > first && [",", ";"].includes((tokens[end - 1] as Token).text)) end--;
        if ((tokens[b - 1] as Token).text === ",") end = b - 1;
        return end > first ? { start: content.start, end: (tokens[end - 1] as Token).end } : undefined;
      }
    }
  }
  return content;
}

/** Reported content stops where a direct quote it introduces begins: `said X would …, "including …"`. */
export function cutBeforeDirect(doc: Doc, content: Span, direct: Quote[]): Span | undefined {
  for (const q of direct) {
    if (q.start > content.start && q.start < content.end) {
      const end =
        doc.text.slice(content.start, q.start).replace(/[\s,:;\u2014-]+$/, "").length + content.start;
      return end > content.start ? { start: content.start, end } : undefined;
    }
  }
  return content;
}

/**
 * Reported content stops before a participle of speech that hangs on the report itself: "declared
 * that Kosovo will be independent by the end of 2007, restating Bush's promise" ends at "2007".
 */
export function cutBeforeParticiple(doc: Doc, content: Span | undefined): Span | undefined {
  if (!content) return content;
  const { tokens } = doc;
  const first = doc.tokenAt(content.start);
  const last = doc.tokenAt(content.end);
  for (let j = first + 1; j < last - 1; j++) {
    const t = tokens[j] as Token;
    const next = tokens[j + 1] as Token;
    if (t.text !== "," || doc.insideQuote(t.start) || next.upper) continue;
    // Only a participle of speech or of citing: ", comprising the US, Britain, …" still describes the content.
    if (next.key.endsWith("ing") && (cueAt(tokens, j + 1) || next.key === "citing"))
      return { start: content.start, end: (tokens[j - 1] as Token).end };
  }
  return content;
}

/** Whether a UTF-16 unit is a letter or number (\p{L} or \p{N}), worked out once per unit seen. */
const letterOrNumber = new Int8Array(65536).fill(-1);
function isLetterOrNumber(code: number): boolean {
  let c = letterOrNumber[code] as number;
  if (c < 0) {
    c = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 0;
    letterOrNumber[code] = c;
  }
  return c === 1;
}

/** The share of a span's letters inside quotation marks (as doc.insideQuote tells, read in one pass). */
export function quotedShare(doc: Doc, span: Span): number {
  const { quoted } = doc;
  let letters = 0;
  let inside = 0;
  // The last region starting at or before the offset, moved on as the offset grows.
  let r = startingBefore(quoted, span.start + 1) - 1;
  for (let i = span.start; i < span.end; i++) {
    if (!isLetterOrNumber(doc.text.charCodeAt(i))) continue;
    letters++;
    while (r + 1 < quoted.length && (quoted[r + 1] as Span).start <= i) r++;
    const region = quoted[r];
    if (region !== undefined && i < region.end) inside++;
  }
  return letters ? inside / letters : 0;
}
