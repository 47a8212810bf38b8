import { type Doc, startingBefore } from "../doc.ts";
import type { QuotedRegion } from "../types.ts";

const DOUBLE_OPEN = new Set(["\u201c", "\u201e", "\u00ab", "\u2033"]);
const DOUBLE_CLOSE = new Set(["\u201d", "\u00bb", "\u201f"]);
const MAX_REGION = 6000;
/** Every character the scan acts on (the double marks, and single marks that may close one), by UTF-16 unit. */
const QUOTE_MARK = new Uint8Array(65536);
for (const ch of ['"', "'", "\u2019", ...DOUBLE_OPEN, ...DOUBLE_CLOSE]) QUOTE_MARK[ch.charCodeAt(0)] = 1;

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /[\s\u00a0]/.test(ch);
}

/** Regions found so far, and whether the last paragraph's open quote runs on into the next. */
interface Found {
  regions: QuotedRegion[];
  carry: boolean;
}

/** A paragraph being scanned: the mark open in it, if any. */
interface Scan {
  found: Found;
  paragraph: number;
  /** Where the open mark is, or -1. */
  open: number;
  openStraight: boolean;
}

/**
 * Quoted regions in the text, paragraph by paragraph. Curly and straight double marks and
 * guillemets are paired; a straight mark opens after a space or bracket and closes otherwise; an
 * open quote at a paragraph's end continues into the next paragraph when that one opens with a
 * mark (the newspaper convention), else it is closed by a mismatched single mark ("…issue,’ he
 * continued") or, failing that, by the paragraph's end. Single-mark quotes (‘…’) are found
 * outside double-quoted regions, where they are not apostrophes.
 */
export function findQuotedRegions(doc: Doc): QuotedRegion[] {
  const found: Found = { regions: [], carry: false };
  doc.paragraphs.forEach((para, paragraph) => {
    const scan: Scan = { found, paragraph, open: -1, openStraight: false };
    for (let i = para.start; i < para.end; i++) {
      if (QUOTE_MARK[doc.text.charCodeAt(i)] === 1) i = atMark(doc, scan, i, para.start);
    }
    if (scan.open >= 0) closeAtParagraphEnd(doc, scan, para.end);
  });
  return withSingleQuotes(doc, found.regions);
}

function push(
  scan: Scan,
  start: number,
  end: number,
  innerEnd: number,
  closing: QuotedRegion["closing"],
): void {
  scan.found.regions.push({
    start,
    end,
    inner: { start: start + 1, end: innerEnd },
    paragraph: scan.paragraph,
    closing,
    continues: scan.found.carry,
    style: "double",
  });
  scan.found.carry = false;
}

/** What a quotation mark at `i` does: opens a region, closes one, or nothing; the index to go on from. */
function atMark(doc: Doc, scan: Scan, i: number, paraStart: number): number {
  const { text } = doc;
  const ch = text[i] as string;
  const straight = ch === '"';
  // Two single closing marks typed for a double one: "a “question’’ that …".
  if (scan.open >= 0 && (ch === "\u2019" || ch === "'") && text[i + 1] === ch) {
    push(scan, scan.open, i + 2, i, "mark");
    scan.open = -1;
    return i + 1;
  }
  if (!straight && !DOUBLE_OPEN.has(ch) && !DOUBLE_CLOSE.has(ch)) return i;
  if (scan.open < 0) {
    if (DOUBLE_CLOSE.has(ch)) return i;
    // A straight mark glued to a word with nothing open: a stray closer, or inches.
    if (
      straight &&
      !isSpace(text[i - 1]) &&
      !/[([{\u2014\u2013\-/:]/.test(text[i - 1] as string) &&
      i > paraStart
    )
      return i;
    scan.open = i;
    scan.openStraight = straight;
    return i;
  }
  // An opening mark glued to the words before it and followed by a space closes all the same
  // ("Apparently not,“ he said"): a typesetting slip.
  const slip = DOUBLE_OPEN.has(ch) && !isSpace(text[i - 1]) && isSpace(text[i + 1]);
  const closes = DOUBLE_CLOSE.has(ch) || slip || (straight && (scan.openStraight || !isSpace(text[i - 1])));
  if (closes) {
    push(scan, scan.open, i + 1, i, "mark");
    scan.open = -1;
  } else if (DOUBLE_OPEN.has(ch) || straight) {
    // An opening mark while one is open: the first never closed; end it where this one starts.
    push(scan, scan.open, i, i, "paragraph-end");
    scan.open = i;
    scan.openStraight = straight;
  }
  if (scan.open >= 0 && i - scan.open > MAX_REGION) {
    push(scan, scan.open, i, i, "paragraph-end");
    scan.open = -1;
  }
  return i;
}

/**
 * A quote still open at its paragraph's end runs on when the next paragraph opens with a mark;
 * else a single mark or an attribution inside closes it, or the paragraph's end does.
 */
function closeAtParagraphEnd(doc: Doc, scan: Scan, end: number): void {
  const { text } = doc;
  const next = doc.paragraphs[scan.paragraph + 1];
  const nextOpens =
    next !== undefined && /^["\u201c\u201e\u00ab]/.test(text.slice(next.start, next.start + 1));
  const mismatch = nextOpens ? -1 : mismatchedCloser(text, scan.open + 1, end);
  const cut = nextOpens ? -1 : attributionInside(text, scan.open + 1, end);
  if (mismatch >= 0) push(scan, scan.open, mismatch + 1, mismatch, "mismatch");
  else if (cut >= 0) push(scan, scan.open, cut, cut, "cue-inside");
  else {
    push(scan, scan.open, end, end, "paragraph-end");
    scan.found.carry = nextOpens;
  }
}

/**
 * A quote whose closing mark was forgotten before its attribution ("…papers to keep, said Kessel,
 * whose …"): where the attribution begins, or -1.
 */
function attributionInside(text: string, from: number, to: number): number {
  const re =
    /,\s+(?:(?:he|she|they)\s+|(?:\p{Lu}[\p{L}'’.-]*\s+){1,4})?(?:said|says|added|adds|wrote|writes|told|asked|explained|noted|continued)\b/gu;
  re.lastIndex = from;
  const m = re.exec(text.slice(0, to));
  return m ? m.index : -1;
}

/** A single closing mark used to close a double quote: "…the independence issue,’ he continued". */
function mismatchedCloser(text: string, from: number, to: number): number {
  const re = /[\u2019'](?=\s+(?:he|she|they|it|we|I)\b|\s+\p{Lu}|\s*$)/gu;
  re.lastIndex = from;
  const slice = text.slice(0, to);
  let found = -1;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const before = slice[m.index - 1] ?? "";
    if (/[,.!?]/.test(before)) found = m.index;
  }
  return found;
}

/** ‘British-style’ single-mark quotes, outside the double-quoted regions. */
function withSingleQuotes(doc: Doc, regions: QuotedRegion[]): QuotedRegion[] {
  const { text } = doc;
  const out = [...regions];
  // The double-quoted regions are in order and do not overlap.
  const inside = (i: number) => {
    const region = regions[startingBefore(regions, i + 1) - 1];
    return region !== undefined && i < region.end;
  };
  doc.paragraphs.forEach((para, p) => {
    for (let i = para.start; i < para.end; i++) {
      const code = text.charCodeAt(i);
      if (code !== 0x2018 && code !== 0x27) continue;
      if (!(i === para.start || /[\s([{\u2014\u2013-]/.test(text[i - 1] as string)) || inside(i)) continue;
      if (!/[\p{L}\p{N}]/u.test(text[i + 1] ?? "")) continue;
      const close = singleCloser(text, i + 1, Math.min(para.end, i + 800));
      if (close < 0 || inside(close)) continue;
      out.push({
        start: i,
        end: close + 1,
        inner: { start: i + 1, end: close },
        paragraph: p,
        closing: "mark",
        continues: false,
        style: "single",
      });
      i = close;
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

/** A closing single mark: after a letter or punctuation, before a space, punctuation or the end; not "n't" or "Serbs' rights". */
function singleCloser(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x2019 && code !== 0x27) continue;
    const before = text[i - 1] ?? "";
    const after = text[i + 1];
    if (/\p{L}/u.test(after ?? "")) continue;
    if (!/[\p{L}\p{N}.,!?]/u.test(before)) continue;
    // A plural possessive ("the Serbs' rights") runs on in lower case.
    if (before === "s" && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4)) && !/[.,!?]/.test(before)) continue;
    return i;
  }
  return -1;
}
