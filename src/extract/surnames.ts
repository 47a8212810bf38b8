/**
 * Surnames: which of several people sharing one a lone surname stands for, and the family names of
 * the people named so far.
 */

import { keyOf } from "../world/fold.ts";
import type { Doc } from "./doc.ts";
import { GENERATIONAL_SUFFIXES } from "./lexicons.ts";
import type { Token } from "./types.ts";

/** The folded words of a person's name without a closing "Jr." or "IV": "Luther Stan Pate IV" → luther, stan, pate. */
export function nameParts(name: string): string[] {
  const parts = keyOf(name).split(" ");
  while (
    parts.length > 1 &&
    GENERATIONAL_SUFFIXES.has((parts[parts.length - 1] as string).replace(/\.$/, ""))
  )
    parts.pop();
  return parts;
}

/** The last word of a person's name that is not a generational suffix. */
export function familyName(name: string): string {
  return nameParts(name).pop() as string;
}

const familyNames = new WeakMap<Doc, { seen: number; names: Set<string> }>();

/** Last words of the names of the people found so far, kept up to date as entities are added. */
export function familyNamesSoFar(doc: Doc): Set<string> {
  let known = familyNames.get(doc);
  if (!known) {
    known = { seen: 0, names: new Set() };
    familyNames.set(doc, known);
  }
  const { list } = doc.entities;
  for (; known.seen < list.length; known.seen++) {
    const entity = list[known.seen];
    if (entity?.kind === "person") known.names.add(familyName(entity.name));
  }
  return known.names;
}

/** How far back (in sentences) a person just named in full with the surname is still the one meant. */
const RECENT_SENTENCES = 1;

/** Of several people sharing a surname, the one a lone surname at `offset` stands for. */
export function surnameOwner(
  doc: Doc,
  full: Map<number, number[]>,
  candidates: number[],
  offset: number,
): number {
  const first = candidates[0] as number;
  if (candidates.length === 1) return first;
  // A candidate named in full in this sentence or the one before is meant ("Anne Marie Murphy …
  // Murphy said"); past that, the one named in full most often so far, the article's own ("Cruz"
  // after "his wife, Heidi Cruz" is still Ted Cruz).
  const k = doc.tokenAt(offset);
  const here = (doc.tokens[k] as Token | undefined)?.sentence ?? 0;
  let nearest: { entity: number; at: number } | undefined;
  let most: { entity: number; count: number } | undefined;
  // Outside a quotation, a full name inside one ("If Anne Marie Murphy could do that") is someone's
  // words, not the narrator's last naming of the person.
  const quoted = doc.insideQuote(offset);
  for (const entity of candidates) {
    const starts = full.get(entity) ?? [];
    const count = countBelow(starts, k);
    let n = count - 1;
    // Back over quoted namings only while they are recent enough to count: bounded however long the text.
    while (!quoted && n >= 0 && doc.insideQuote((doc.tokens[starts[n] as number] as Token).start))
      n = here - (doc.tokens[starts[n] as number] as Token).sentence > RECENT_SENTENCES ? -1 : n - 1;
    const last = starts[n];
    if (last !== undefined && here - (doc.tokens[last] as Token).sentence <= RECENT_SENTENCES)
      if (!nearest || last > nearest.at) nearest = { entity, at: last };
    if (!most || count > most.count) most = { entity, count };
  }
  return nearest?.entity ?? most?.entity ?? first;
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where each person is named in full (two words or more): token indices, in order. */
export function fullNameStarts(doc: Doc): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let k = 0; k < doc.tokens.length; k++) {
    const e = doc.tokenEntity[k] as number;
    if (e < 0 || doc.tokenEntity[k - 1] === e || doc.tokenEntity[k + 1] !== e) continue;
    const list = out.get(e);
    if (list) list.push(k);
    else out.set(e, [k]);
  }
  return out;
}
