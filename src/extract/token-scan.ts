/**
 * Where the token starting at a position ends, by hand rather than by one regular expression,
 * which allocated a match for every token and was the slowest part of segmentation. The tokens are
 * those of this pattern (the tests hold the scanner to it), tried in its order at each position:
 *
 *   [A-Za-z]+-(?:[A-Za-z]\.){2,}                  a party before a state: "D-N.Y."
 *   (?:[A-Za-z]\.){2,}                            an initialism: "U.S."
 *   [\p{L}\p{M}][\p{L}\p{M}\d]*(?:-[\p{L}\p{M}\d]+)*(?:'(?!s\b)[\p{L}\p{M}]+)?
 *                                                 a word: "al-Assad", "don't"
 *   's\b                                          a possessive
 *   \d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?\b          a number: "20,000", "1990s", "3rd"
 *   \S                                            any other character (a code point)
 *
 * with the "u" flag, so \d and \b are ASCII and whitespace is JavaScript's \s.
 */

const OTHER = 0;
export const DIGIT = 1;
export const UPPER = 2;
/** Any other letter or mark (\p{L} or \p{M}). */
export const LETTER = 3;
const SPACE = 4;
/** Character classes by UTF-16 unit, worked out once per unit seen (-1 not yet). */
const classes = new Int8Array(65536).fill(-1);
const astral = new Map<number, boolean>();

export function charClass(code: number): number {
  let c = classes[code] as number;
  if (c < 0) {
    const ch = String.fromCharCode(code);
    c = /\s/.test(ch)
      ? SPACE
      : /\p{Lu}/u.test(ch)
        ? UPPER
        : /[\p{L}\p{M}]/u.test(ch)
          ? LETTER
          : /\d/.test(ch)
            ? DIGIT
            : OTHER;
    classes[code] = c;
  }
  return c;
}

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number) => code >= 48 && code <= 57;
/** \w: what \b tells from the rest. */
const isWordChar = (code: number) => isAsciiLetter(code) || isDigit(code) || code === 95;

export function isSpaceAt(text: string, i: number): boolean {
  return charClass(text.charCodeAt(i)) === SPACE;
}

/** The length of the letter or mark (one code point) at `i`, or 0 when there is none. */
function letterAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) {
    const c = charClass(code);
    return c === UPPER || c === LETTER ? 1 : 0;
  }
  const cp = text.codePointAt(i) as number;
  if (cp === code) return 0;
  let letter = astral.get(cp);
  if (letter === undefined) {
    letter = /[\p{L}\p{M}]/u.test(String.fromCodePoint(cp));
    astral.set(cp, letter);
  }
  return letter ? 2 : 0;
}

/** The length of a letter, mark or ASCII digit at `i`, or 0. */
const wordCharAt = (text: string, i: number) => (isDigit(text.charCodeAt(i)) ? 1 : letterAt(text, i));

/** \b at `i`, where the character before is a word character: the one at `i` is not. */
const boundaryAfterWord = (text: string, i: number) => !isWordChar(text.charCodeAt(i));

/** After a run of at least two initials ("N.Y.", "U.S."), from `i`: its end, or -1. */
function initialsEnd(text: string, i: number): number {
  let j = i;
  let pairs = 0;
  while (isAsciiLetter(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) {
    j += 2;
    pairs++;
  }
  return pairs >= 2 ? j : -1;
}

function wordEnd(text: string, i: number, first: number): number {
  let j = i + first;
  for (let n = wordCharAt(text, j); n > 0; n = wordCharAt(text, j)) j += n;
  // Inner hyphens: "al-Assad", "Nagorno-Karabakh".
  while (text.charCodeAt(j) === 45) {
    let n = wordCharAt(text, j + 1);
    if (n === 0) break;
    j += 1;
    for (; n > 0; n = wordCharAt(text, j)) j += n;
  }
  // An inner apostrophe ("don't", "O'Neill"), but not a possessive "'s".
  if (text.charCodeAt(j) === 39 && letterAt(text, j + 1) > 0) {
    const possessive = text.charCodeAt(j + 1) === 115 && boundaryAfterWord(text, j + 2);
    if (!possessive) {
      j += 1;
      for (let n = letterAt(text, j); n > 0; n = letterAt(text, j)) j += n;
    }
  }
  return j;
}

const SUFFIXES = ["st", "nd", "rd", "th", "s"];

/**
 * A number's end, as the pattern's backtracking finds it: the ends of its groups of digits are
 * tried from the last back, each with an ordinal or plural ending and then without, and the first
 * followed by a word boundary wins; -1 if none is.
 */
function numberEnd(text: string, i: number): number {
  const ends: number[] = [];
  let j = i;
  while (isDigit(text.charCodeAt(j))) j++;
  ends.push(j);
  for (;;) {
    const sep = text.charCodeAt(j);
    if ((sep !== 46 && sep !== 44 && sep !== 58) || !isDigit(text.charCodeAt(j + 1))) break;
    j += 1;
    while (isDigit(text.charCodeAt(j))) j++;
    ends.push(j);
  }
  for (let k = ends.length - 1; k >= 0; k--) {
    const end = ends[k] as number;
    for (const suffix of SUFFIXES)
      if (text.startsWith(suffix, end) && boundaryAfterWord(text, end + suffix.length))
        return end + suffix.length;
    if (boundaryAfterWord(text, end)) return end;
  }
  return -1;
}

/** The end of the token that starts at `i`, a position that holds no whitespace. */
export function tokenEnd(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (isAsciiLetter(code)) {
    let j = i + 1;
    while (isAsciiLetter(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 45) {
      const end = initialsEnd(text, j + 1);
      if (end >= 0) return end;
    }
    const end = initialsEnd(text, i);
    if (end >= 0) return end;
  }
  const letter = letterAt(text, i);
  if (letter > 0) return wordEnd(text, i, letter);
  if (code === 39 && text.charCodeAt(i + 1) === 115 && boundaryAfterWord(text, i + 2)) return i + 2;
  // Inside a run of digits the number at the run's start did not match, and none here will either:
  // not trying again keeps a long run ("1111…x") linear.
  if (isDigit(code) && !isDigit(text.charCodeAt(i - 1))) {
    const end = numberEnd(text, i);
    if (end >= 0) return end;
  }
  const pair = code >= 0xd800 && code <= 0xdbff && (text.codePointAt(i) as number) > 0xffff;
  return i + (pair ? 2 : 1);
}
