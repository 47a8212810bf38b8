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

/**
 * The states the text speaks of a place joining, by how often, most first: the state named by
 * its name or capital right after a joining phrase ("reunification with Russia").
 */
export function statesJoined(doc: Doc): string[] {
  const counts = new Map<string, number>();
  const index = joining();
  for (let k = 0; k < doc.tokens.length; k++) {
    for (const pattern of index.get((doc.tokens[k] as Token).key) ?? []) {
      const end = matchPattern(doc.tokens, k, pattern.elements, NO_SLOTS);
      if (end < 0) continue;
      const code = stateNamedAt(doc, end);
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
      break;
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
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
 * most speaks of joining, of the disputed place it names most (at least `least` times), unless
 * that state is the one the place belongs to ("reunification with China" is no annexation of Taiwan).
 */
export function joiningIssue(doc: Doc, counts: Map<string, number>, least: number): Codebook | undefined {
  const [by] = statesJoined(doc);
  if (!by) return undefined;
  let place: string | undefined;
  for (const [code, n] of counts) {
    if (n < least || !contested(code) || code === by || stateInfo(code)?.parent === by) continue;
    if (place === undefined || n > (counts.get(place) ?? 0)) place = code;
  }
  return place ? defaultCodebook(`annexation of ${stateName(place)} by ${stateName(by)}`) : undefined;
}
