/**
 * Syndicated near-copies (the same wire story with another headline or a trimmed ending) are found
 * with MinHash over word 5-shingles and locality-sensitive bands, then confirmed by the exact
 * Jaccard similarity of the two shingle sets.
 */
const SHINGLE = 5;
const BANDS = 16;
const ROWS = 4;
/** Share of shingles two texts must have in common to count as copies of one story. */
export const NEAR_COPY_JACCARD = 0.8;

const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

function mix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the code point at `i` is a letter or digit; ASCII decided without a regular expression. */
function isWordChar(text: string, i: number, code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) as number));
}

/** Start and end offsets of the runs of letters and digits, in pairs. */
function wordSpans(text: string): number[] {
  const spans: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const next = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    const width = next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    const inWord = isWordChar(text, i, code);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      spans.push(start, i);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) spans.push(start, text.length);
  return spans;
}

/** FNV-1a of words `from` to `from + count` joined by single spaces, without building the string. */
function fnvOfWords(text: string, spans: number[], from: number, count: number): number {
  let h = FNV_OFFSET;
  for (let w = from; w < from + count; w++) {
    if (w > from) h = Math.imul(h ^ SPACE, FNV_PRIME);
    for (let i = spans[2 * w] as number; i < (spans[2 * w + 1] as number); i++)
      h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

/** The hashed word 5-shingles of a text, case and punctuation ignored. */
export function shingles(text: string): Set<number> {
  const lower = text.toLowerCase();
  const spans = wordSpans(lower);
  const words = spans.length / 2;
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= words; i++) set.add(fnvOfWords(lower, spans, i, SHINGLE));
  return set;
}

/** Band keys of a text's MinHash signature; texts sharing a key are candidates. Empty for very short texts. */
export function bandKeys(set: Set<number>): string[] {
  if (set.size < 4) return [];
  const signature = new Uint32Array(BANDS * ROWS).fill(0xffffffff);
  for (const shingle of set) {
    for (let i = 0; i < signature.length; i++) {
      const h = mix(shingle ^ (SEEDS[i] as number));
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ (signature[b * ROWS + r] as number));
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
