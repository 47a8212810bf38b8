import { type GazetteerEntry, phrasesStartingWith } from "../world/gazetteer.ts";
import { COMPASS_ADJECTIVES } from "./lexicons.ts";
import type { Token } from "./types.ts";

export interface GazetteerMatch {
  first: number;
  /** One past the last token. */
  last: number;
  entry: GazetteerEntry;
}

/**
 * The gazetteer phrase (state, organisation; name, alias, adjective, people, capital) that starts at
 * token i, longest first. Words capitalised in the gazetteer must be capitalised in the text
 * ("Turkey", not "turkey"), but for a direction opening a longer name ("southern Yemen", "northern
 * Cyprus", which news writes in lower case for the place), and short all-capital aliases ("US", "UN", "IS") must match in capitals,
 * so "us" or "is" never do.
 */
export function matchAt(tokens: Token[], i: number, text: string): GazetteerMatch | undefined {
  const token = tokens[i] as Token;
  const candidates = phrasesStartingWith(token.key);
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    const end = i + phrase.keys.length;
    if (end > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < phrase.keys.length && ok; k++) {
      const t = tokens[i + k] as Token;
      if (t.key !== phrase.keys[k]) ok = false;
      else if (
        phrase.capital[k] &&
        !t.upper &&
        !(k === 0 && phrase.keys.length > 1 && COMPASS_ADJECTIVES.has(t.key))
      )
        ok = false;
      else if (k > 0 && t.start - (tokens[i + k - 1] as Token).end > 1) ok = false;
    }
    if (!ok) continue;
    if (phrase.exact && text.slice(token.start, (tokens[end - 1] as Token).end) !== phrase.exact) continue;
    return { first: i, last: end, entry: phrase.entry };
  }
  return undefined;
}
