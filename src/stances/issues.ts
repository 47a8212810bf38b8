import type { Codebook } from "../codebooks/codebook.ts";
import { aboutPatterns, defaultCodebook } from "../codebooks/default.ts";
import type { Doc } from "../extract/doc.ts";
import { once } from "../paths.ts";
import { stateInfo, stateName } from "../world/states.ts";
import { type CompiledCodebook, compile } from "./compile.ts";
import { matchPattern, type Pattern, parsePattern, phraseKeys, type Slot } from "./patterns.ts";
import { targetStarts } from "./target.ts";

/** A disputed entity or region named this often in a text makes its independence an issue of the text. */
const AUTO_MENTIONS = 2;
/** Any place named this often, once in a phrase about its independence ("Montenegro's independence"), too. */
const ABOUT_MENTIONS = 1;

const cache = new Map<string, CompiledCodebook>();
const byObject = new WeakMap<Codebook, CompiledCodebook>();

export function compiled(book: Codebook): CompiledCodebook {
  let c = byObject.get(book);
  if (c) return c;
  const key = JSON.stringify(book);
  c = cache.get(key);
  if (!c) {
    c = compile(book);
    cache.set(key, c);
  }
  byObject.set(book, c);
  return c;
}

const about = once(() => aboutPatterns().map(parsePattern));

/** How many words before the target a phrase about its independence may start: "the independence of the breakaway". */
const ABOUT_REACH = 6;

/** Whether the text names the target in a phrase about its independence within one sentence: tried just before each of the target's names. */
function namesAsIssue(doc: Doc, book: CompiledCodebook, adjectives: Set<string>): boolean {
  const patterns = about();
  const tried = new Set<number>();
  for (const start of targetStarts(doc, book)) {
    for (let k = Math.max(0, start - ABOUT_REACH); k <= start; k++) {
      if (tried.has(k)) continue;
      tried.add(k);
      if (aboutAt(doc, book, adjectives, patterns, k)) return true;
    }
  }
  return false;
}

function aboutAt(
  doc: Doc,
  book: CompiledCodebook,
  adjectives: Set<string>,
  patterns: Pattern[],
  k: number,
): boolean {
  for (const pattern of patterns) {
    const filled: Partial<Record<Slot, [number, number]>> = {};
    const end = matchPattern(doc.tokens, k, pattern.elements, book.slots, filled);
    if (end < 0 || doc.tokens[end - 1]?.sentence !== doc.tokens[k]?.sentence) continue;
    // "recognise Georgia's territorial integrity" is not about Georgia's independence, nor
    // "breakaway Georgian provinces": a name owning what follows, an adjective before its noun.
    if (filled.T?.[1] === end) {
      if (doc.tokens[end]?.key === "'s") continue;
      const words = doc.tokens.slice(filled.T[0], end).map((t) => t.key);
      if (adjectives.has(words.join(" "))) continue;
    }
    return true;
  }
  return false;
}

function adjectiveKeys(code: string): Set<string> {
  return new Set((stateInfo(code)?.adjectives ?? []).map((a) => phraseKeys(a).join(" ")));
}

/**
 * With no codebook given, the issues a text is about: the independence of each disputed entity
 * or region (Kosovo, Abkhazia, Catalonia, …) it names at least twice, and of any place it
 * names twice or more, once in a phrase about its independence ("South Sudan's independence").
 */
export function detectIssues(doc: Doc): Codebook[] {
  const counts = new Map<string, number>();
  for (const m of doc.mentions) {
    const e = doc.entities.get(m.entity);
    if (e.kind !== "state" || !e.country || m.form !== "name") continue;
    counts.set(e.country, (counts.get(e.country) ?? 0) + 1);
  }
  const out: Codebook[] = [];
  for (const [code, n] of counts) {
    const type = stateInfo(code)?.type;
    if (type === "historic" || n < ABOUT_MENTIONS) continue;
    const book = defaultCodebook(`independence of ${stateName(code)}`);
    if ((type === "disputed" || type === "region") && n >= AUTO_MENTIONS) out.push(book);
    else if (namesAsIssue(doc, compiled(book), adjectiveKeys(code))) out.push(book);
  }
  return out;
}
