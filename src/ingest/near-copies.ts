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

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The hashed word 5-shingles of a text, case and punctuation ignored. */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) set.add(fnv(words.slice(i, i + SHINGLE).join(" ")));
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
