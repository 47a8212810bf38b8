/**
 * Folding for matching, one UTF-16 unit for one, so offsets in the folded text are offsets in the
 * stored text: diacritics dropped ("Koštunica" matches "Kostunica"), every quotation-mark style made
 * ASCII (a backtick between letters an apostrophe), exotic spaces made plain, case kept.
 */
const cache = new Map<number, string>();

const QUOTE_DOUBLE = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e\uff02";
const QUOTE_SINGLE = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\uff07";
const SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000";
const DASHES = "\u2010\u2011\u2012";
/** Letters NFD does not decompose. */
const SPECIAL: Record<string, string> = {
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ß: "s",
  æ: "a",
  Æ: "A",
  œ: "o",
  Œ: "O",
  ı: "i",
  ħ: "h",
  Ħ: "H",
  þ: "t",
  Þ: "T",
  ð: "d",
  Ð: "D",
};

function foldChar(code: number): string {
  const hit = cache.get(code);
  if (hit !== undefined) return hit;
  const ch = String.fromCharCode(code);
  let out = ch;
  if (QUOTE_DOUBLE.includes(ch)) out = '"';
  else if (QUOTE_SINGLE.includes(ch)) out = "'";
  else if (SPACES.includes(ch)) out = " ";
  else if (DASHES.includes(ch)) out = "-";
  else if (SPECIAL[ch]) out = SPECIAL[ch] as string;
  else {
    const base = ch.normalize("NFD")[0];
    if (base && base.length === 1 && base.charCodeAt(0) < 0x250) out = base;
  }
  cache.set(code, out);
  return out;
}

function afterMojibakeLead(text: string, i: number): boolean {
  const previous = text.charCodeAt(i - 1);
  if (previous === 0xc2 || previous === 0xc3) return true;
  return (previous === 0x302 || previous === 0x303) && text[i - 2] === "A";
}

export function fold(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // "Kallsberg`s attempt": a backtick between letters is an apostrophe typed on an old keyboard.
    if (code === 0x60 && /\p{L}/u.test(text[i - 1] ?? "") && /\p{L}/u.test(text[i + 1] ?? "")) {
      out += `${text.slice(from, i)}'`;
      from = i + 1;
      continue;
    }
    if (code < 0x80) continue;
    // Surrogate pairs stay as they are: both halves keep their places.
    if (code >= 0xd800 && code <= 0xdfff) continue;
    // UTF-8 read as Latin-1 ("TrÃ©vidic" for "Trévidic"): the byte after Ã or Â (composed, or an A
    // with a combining tilde or circumflex) becomes a combining mark, so the word stays one word.
    const mojibake = code <= 0xbf && code !== 0xa0 && afterMojibakeLead(text, i);
    const folded = mojibake ? "\u0301" : foldChar(code);
    if (folded.length === 1 && folded !== text[i]) {
      out += text.slice(from, i) + folded;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

const keys = new Map<string, string>();
/** Names and words come back document after document; the cache is emptied when it grows large. */
const MAX_KEYS = 100_000;
const MAX_KEYED_LENGTH = 80;

/** A lexicon key: folded, lower case, inner whitespace single. */
export function keyOf(text: string): string {
  if (text.length > MAX_KEYED_LENGTH) return fold(text).toLowerCase().replace(/\s+/g, " ").trim();
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = fold(text).toLowerCase().replace(/\s+/g, " ").trim();
    keys.set(text, key);
  }
  return key;
}

/** Letters to change, add or drop to make one word the other (Levenshtein distance). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** A surname this long or longer may be spelled otherwise; shorter ones are too easily another name. */
const MIN_SURNAME = 7;

/**
 * Two spellings of one person's folded name ("andriy deshchytsya", "andrii deshchytsia"): as many
 * words, each with the same first letter and at most one letter apart, two in all, and a surname
 * of some length that does not merely gain a letter at its end ("Petrov", "Petrova").
 */
export function sameNameSpelledOtherwise(a: string, b: string): boolean {
  const wa = a.split(" ");
  const wb = b.split(" ");
  if (wa.length !== wb.length || wa.length < 2) return false;
  let total = 0;
  for (const [i, x] of wa.entries()) {
    const y = wb[i] as string;
    if (x[0] !== y[0]) return false;
    const d = editDistance(x, y);
    if (d > 1) return false;
    total += d;
  }
  const sa = wa[wa.length - 1] as string;
  const sb = wb[wb.length - 1] as string;
  return total > 0 && total <= 2 && surnameVariant(sa, sb);
}

/**
 * One surname spelled otherwise ("mitosotakis", "mitsotakis"): the same first letter, one letter
 * apart, long enough, and not merely a letter more at the end ("Petrov", "Petrova").
 */
export function sameSurnameSpelledOtherwise(a: string, b: string, least = MIN_SURNAME): boolean {
  // The cheap tests first: this runs for every lone capitalised word a text does not know.
  return (
    a !== b &&
    a[0] === b[0] &&
    Math.abs(a.length - b.length) <= 1 &&
    surnameVariant(a, b, least) &&
    editDistance(a, b) === 1
  );
}

function surnameVariant(a: string, b: string, least = MIN_SURNAME): boolean {
  const suffixOnly = a.startsWith(b) || b.startsWith(a);
  return Math.min(a.length, b.length) >= least && !suffixOnly;
}
