import { ABBREVIATIONS, SENTENCE_STARTERS } from "./lexicons.ts";
import { charClass, DIGIT, isSpaceAt, LETTER, tokenEnd, UPPER } from "./token-scan.ts";
import type { Sentence, Span, Token, TokenKind } from "./types.ts";

/** "U-turn", "T-shirt", "X-ray": a capital letter joined to a lower-case word is a common noun, no name. */
const LETTER_COMPOUND = /^[A-Z]-[a-z]/;
/** A family name after an Arabic article or kin word: "al-Awlaki", "el-Sisi", "bin-Laden" read as capitalised. */
const PARTICLE_NAME = /^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd)-\p{Lu}/u;

/**
 * Tokens over the folded text (same offsets as the stored text): initialisms with periods
 * ("U.S.", and a party before a state's as in "D-N.Y."), words with inner hyphens and apostrophes
 * ("al-Assad", "don't"), a possessive "'s" on its own, numbers with separators and ordinal or
 * plural endings ("20,000", "1990s"), and every other character on its own.
 */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  for (let start = 0; start < folded.length; ) {
    if (isSpaceAt(folded, start)) {
      start++;
      continue;
    }
    const end = tokenEnd(folded, start);
    const text = folded.slice(start, end);
    const first = charClass(text.charCodeAt(0));
    const kind: TokenKind =
      first === UPPER || first === LETTER || text === "'s" ? "word" : first === DIGIT ? "number" : "punct";
    tokens.push({
      start,
      end,
      text,
      key: text.toLowerCase(),
      kind,
      upper:
        (first === UPPER && !(text.charCodeAt(1) === 45 && LETTER_COMPOUND.test(text))) ||
        (first === LETTER && text.indexOf("-", 2) > 0 && PARTICLE_NAME.test(text)),
      sentence: 0,
    });
    start = end;
  }
  return joinAbbreviations(tokens, folded);
}

/** "Gen" "." becomes "Gen." and "W" "." becomes "W.": abbreviations and initials keep their period. */
function joinAbbreviations(tokens: Token[], folded: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (
      next?.text === "." &&
      next.start === token.end &&
      token.kind === "word" &&
      (ABBREVIATIONS.has(token.key) || (token.text.length === 1 && token.upper))
    ) {
      const text = folded.slice(token.start, next.end);
      out.push({ ...token, end: next.end, text, key: text.toLowerCase() });
      i++;
    } else out.push(token);
  }
  return out;
}

/**
 * Paragraphs: lines of text, except that a line break inside a sentence (a line ending in a word
 * or comma followed by one starting in lower case) does not end a paragraph, nor, in text wrapped
 * at a fixed width, the break after a full line that ends inside a sentence ("… said Frantisek\nLipka,
 * president of …").
 */
export function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  const breaks = /\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)*/g;
  const width = wrapWidth(text);
  let start = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    const before = text.slice(Math.max(start, m.index - 1), m.index);
    const after = text[m.index + m[0].length] ?? "";
    if (/[\p{L},]/u.test(before) && /\p{Ll}/u.test(after)) continue;
    // A full line of wrapped text that ends inside a sentence goes on: its last line ends the paragraph.
    const full =
      width !== undefined && !m[0].includes("\n", 1) && lineBefore(text, m.index) >= width * FULL_LINE;
    if (full && /[\p{L}\p{N},;:]/u.test(before) && m.index - start < WRAPPED_PARAGRAPH) continue;
    if (text.slice(start, m.index).trim()) spans.push(trim(text, start, m.index));
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim()) spans.push(trim(text, start, text.length));
  return spans;
}

/** How long a paragraph of wrapped lines may grow: a long text wrapped without a paragraph's end
 * would otherwise be read as one paragraph, which later stages read more slowly than many. */
const WRAPPED_PARAGRAPH = 10_000;
/** A line at least this share of the wrapping width long was wrapped, not ended. */
const FULL_LINE = 0.75;
/** Widths text is wrapped at: wider lines are paragraphs of their own. */
const WRAP_WIDTHS = { min: 55, max: 100 };
/** Lines of text wrapped at a fixed width: at least this many, most of them full. */
const WRAPPED_LINES = 8;
const WRAPPED_SHARE = 0.6;

/** The width text is wrapped at ("hard-wrapped" wire copy), or undefined when its lines are not. */
function wrapWidth(text: string): number | undefined {
  const lengths = text
    .split("\n")
    .map((line) => line.trimEnd().length)
    .filter((n) => n > 0);
  if (lengths.length < WRAPPED_LINES) return undefined;
  // A loop, not Math.max(...lengths): a text of a million lines would overflow the stack.
  let width = 0;
  for (const n of lengths) if (n > width) width = n;
  if (width < WRAP_WIDTHS.min || width > WRAP_WIDTHS.max) return undefined;
  const full = lengths.filter((n) => n >= width * FULL_LINE).length;
  return full >= lengths.length * WRAPPED_SHARE ? width : undefined;
}

/** The length of the line that ends at offset `end`. */
function lineBefore(text: string, end: number): number {
  return end - (text.lastIndexOf("\n", end - 1) + 1);
}

function trim(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}

const MAX_SENTENCE = 200;
const CLOSERS = new Set(['"', "'", ")", "]", "*", "_"]);
const TERMINAL = new Set([".", "!", "?", "…"]);

/**
 * Sentences: a terminal mark (with any closing quotes or brackets after it) followed by a capital,
 * an opening quote or a number, or the end of the paragraph. "?," inside a quote, an abbreviation
 * ("Gen.", "Feb.") or an initial ("George W. Bush") does not end a sentence; an initialism such
 * as "U.S." does only before a usual sentence opener ("… in the U.S. The …").
 */
export function sentences(tokens: Token[], paras: Span[]): Sentence[] {
  const out: Sentence[] = [];
  let p = 0;
  let first = 0;
  const close = (last: number, cut = false) => {
    if (last <= first) return;
    const startToken = tokens[first] as Token;
    const endToken = tokens[last - 1] as Token;
    out.push({
      start: startToken.start,
      end: endToken.end,
      paragraph: p,
      first,
      last,
      ...(cut ? { cut } : {}),
    });
    for (let k = first; k < last; k++) (tokens[k] as Token).sentence = out.length - 1;
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    while (p < paras.length - 1 && token.start >= (paras[p] as Span).end) {
      close(i);
      p++;
    }
    const next = tokens[i + 1];
    if (next && next.start >= (paras[p] as Span).end) continue;
    // Text without sentence punctuation still comes in sentences of bounded length, cut after a
    // comma or semicolon when one is near, so that no later stage works on a whole book at once.
    if (
      i - first >= MAX_SENTENCE &&
      (token.text === "," || token.text === ";" || i - first >= MAX_SENTENCE * 1.5)
    ) {
      close(i + 1, true);
      continue;
    }
    if (!endsSentence(tokens, i)) continue;
    let last = i + 1;
    while (
      last < tokens.length &&
      CLOSERS.has((tokens[last] as Token).text) &&
      (tokens[last] as Token).start === (tokens[last - 1] as Token).end
    )
      last++;
    const after = tokens[last];
    if (!after || after.start >= (paras[p] as Span).end) continue;
    if (after.text === "," || (after.kind === "word" && !after.upper)) continue;
    close(last);
    i = last - 1;
  }
  close(tokens.length);
  return out;
}

function endsSentence(tokens: Token[], i: number): boolean {
  const token = tokens[i] as Token;
  if (TERMINAL.has(token.text)) return true;
  if (!token.text.endsWith(".") || token.text.length < 2) return false;
  const next = tokens[i + 1];
  // "U.S." or "a.m." ends a sentence only before a usual sentence opener.
  if (/^(?:[a-z]\.){2,}$/.test(token.key) || /^(?:inc|co|corp|ltd|jr|sr|etc)\.$/.test(token.key)) {
    return next !== undefined && SENTENCE_STARTERS.has(next.key);
  }
  return false;
}
