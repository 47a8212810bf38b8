/** A place joining another state ("a referendum on joining Russia"): the annexation a text about a disputed place is about. */

import type { Codebook } from "../codebooks/codebook.ts";
import { aboutPatterns, defaultCodebook } from "../codebooks/default.ts";
import type { Doc } from "../extract/doc.ts";
import type { Token } from "../extract/types.ts";
import { once } from "../paths.ts";
import { contested, stateInfo, stateName } from "../world/states.ts";
import { firstKeys, matchPattern, type Pattern, parsePattern, type SlotValues } from "./patterns.ts";

const NO_SLOTS: SlotValues = { T: [], P: [], PARENT: [], BY: [], ORG: [] };

/** The joining phrases without their closing {BY}, by the words they may open with. */
const joining = once(() => {
  const index = new Map<string, Pattern[]>();
  for (const source of aboutPatterns("annexation").joining) {
    const pattern = parsePattern(source.replace(/\s*\{BY\}$/, ""));
    for (const key of firstKeys(pattern.elements, NO_SLOTS))
      index.set(key, [...(index.get(key) ?? []), pattern]);
  }
  return index;
});

/** A joining phrase: the state it names, and the disputed place named before it as the one to join, if any. */
interface Joining {
  by: string;
  place: string | undefined;
}

/**
 * The joining phrases of a text: the state named by its name or capital right after each
 * ("reunification with Russia"), leaving out a state's own union ("Moldova … plans to join Romania").
 */
function joinings(doc: Doc): Joining[] {
  const out: Joining[] = [];
  const index = joining();
  for (let k = 0; k < doc.tokens.length; k++) {
    for (const pattern of index.get((doc.tokens[k] as Token).key) ?? []) {
      const end = matchPattern(doc.tokens, k, pattern.elements, NO_SLOTS);
      if (end < 0) continue;
      const by = stateNamedAt(doc, end);
      const joiner = by ? joinerBefore(doc, k, by) : undefined;
      if (by && joiner !== null) out.push({ by, place: joiner });
      break;
    }
  }
  return out;
}

/** Codes by how often they come, most first. */
const byCount = (codes: string[]): string[] => {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
};

/**
 * Who a joining phrase at `k` has join: the nearest state or national body named before it in its
 * sentence, past a state left ("independence from Ukraine and unification with Russia"). A disputed
 * place gives its code; a state other than the one joined, `null` (its own union); none, undefined.
 */
function joinerBefore(doc: Doc, k: number, joined: string): string | null | undefined {
  const sentence = doc.sentences[(doc.tokens[k] as Token).sentence] as { first: number };
  for (let j = k - 1; j >= sentence.first; j--) {
    const e = doc.tokenEntity[j] ?? -1;
    if (e < 0) continue;
    // "the Moldovan Government": a national body stands for its state.
    const { kind, country } = doc.entities.get(e);
    if ((kind !== "state" && kind !== "organization") || !country) continue;
    let from = j - 1;
    while (doc.tokenEntity[from] === e) from--;
    if (doc.tokens[from]?.key === "from" || country === joined) continue;
    if (contested(country)) return country;
    return stateInfo(country)?.type === "state" ? null : undefined;
  }
  return undefined;
}

/** The code of the state whose name or capital (not adjective) a mention at `j` makes. */
function stateNamedAt(doc: Doc, j: number): string | undefined {
  const e = doc.tokenEntity[j] ?? -1;
  if (e < 0 || doc.adjectives.has(j)) return undefined;
  const entity = doc.entities.get(e);
  if (entity.kind !== "state" || !entity.country) return undefined;
  return stateInfo(entity.country)?.type === "state" ? entity.country : undefined;
}

/**
 * "South Ossetia … plans a referendum on joining Russia": the annexation, by the state the text
 * most speaks of joining, of the place its joining phrases have join, else of the disputed place it
 * names most (at least `least` times); never of a place that state is the one it belongs to
 * ("reunification with China" is no annexation of Taiwan).
 */
export function joiningIssue(doc: Doc, counts: Map<string, number>, least: number): Codebook | undefined {
  const found = joinings(doc);
  const [by] = byCount(found.map((j) => j.by));
  if (!by) return undefined;
  const returns = (code: string) => stateInfo(code)?.parent === by;
  // "the residents of the Crimea … voted … for unification with Russia": the place the phrase has join.
  const [joiner] = byCount(
    found.flatMap((j) => (j.by === by && j.place && !returns(j.place) ? [j.place] : [])),
  );
  const place =
    joiner ?? mostNamed(counts, least, (code) => contested(code) && code !== by && !returns(code));
  return place ? defaultCodebook(`annexation of ${stateName(place)} by ${stateName(by)}`) : undefined;
}

/** The place named most, at least `least` times, among those `fits` allows. */
function mostNamed(
  counts: Map<string, number>,
  least: number,
  fits: (code: string) => boolean,
): string | undefined {
  let best: string | undefined;
  for (const [code, n] of counts)
    if (n >= least && fits(code) && (best === undefined || n > (counts.get(best) ?? 0))) best = code;
  return best;
}
