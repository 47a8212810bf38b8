/** Titles before a name: "US Under Secretary of State", "Russian State Duma Chairman", "Sen.". */

import { offices } from "../../world/offices.ts";
import type { Doc } from "../doc.ts";
import { type GazetteerMatch, matchAt } from "../gazetteer-match.ts";
import { named } from "../rule-ids.ts";
import type { Token } from "../types.ts";

/** A region of title words, honorifics and the states or bodies they are of, before a name. */
export interface TitleRegion {
  first: number;
  last: number;
  /** Gazetteer matches inside the region. */
  places: GazetteerMatch[];
  gender?: "m" | "f";
  honorificOnly: boolean;
}

export const TITLE_GLUE = new Set(["of", "for", "and", "the", "'s", "-", "at", "to", "in"]);

/** Walks back from token `end` (exclusive) over title words; undefined when no title head is there. */
export function titleRegionBefore(doc: Doc, end: number, floor: number): TitleRegion | undefined {
  const { tokens } = doc;
  let i = end - 1;
  let head = false;
  let honorific = false;
  let gender: "m" | "f" | undefined;
  const places: GazetteerMatch[] = [];
  while (i >= floor) {
    const t = tokens[i] as Token;
    // A gazetteer phrase ending here: "Serbian", "EU", "State Duma", "Novosti news agency".
    let matched: GazetteerMatch | undefined;
    for (let s = Math.max(floor, i - 4); s <= i && !matched; s++) {
      const m = matchAt(tokens, s, doc.folded);
      if (m && m.last === i + 1) matched = m;
    }
    if (matched) {
      places.unshift(matched);
      i = matched.first - 1;
      continue;
    }
    if (offices().honorifics.has(t.key) || offices().honorifics.has(`${t.key}.`)) {
      honorific = true;
      const g = offices().honorifics.get(t.key) ?? offices().honorifics.get(`${t.key}.`);
      if (g) gender ??= g;
      i--;
      continue;
    }
    if (offices().lastWords.has(t.key)) {
      head = true;
      gender ??= offices().gendered.get(t.key);
      i--;
      continue;
    }
    if (offices().modifiers.has(t.key) || TITLE_GLUE.has(t.key)) {
      i--;
      continue;
    }
    break;
  }
  let first = i + 1;
  while (
    first < end &&
    (TITLE_GLUE.has((tokens[first] as Token).key) || (tokens[first] as Token).text === ",")
  )
    first++;
  if (!head && !honorific) return undefined;
  return { first, last: end, places, ...(gender ? { gender } : {}), honorificOnly: honorific && !head };
}

/** Text of a title region without its places: "Prime Minister", "Under Secretary of State". */
function titleText(doc: Doc, region: TitleRegion): string {
  const words: string[] = [];
  for (let k = region.first; k < region.last; k++) {
    const t = doc.tokens[k] as Token;
    if (region.places.some((p) => k >= p.first && k < p.last)) continue;
    if (offices().honorifics.has(t.key) && !offices().lastWords.has(t.key.replace(/\.$/, ""))) continue;
    words.push(doc.text.slice(t.start, t.end));
  }
  return words
    .join(" ")
    .replace(/^(?:(?:of|for|and|the|'s|,)\s+)+/i, "")
    .replace(/\s+(?:of|for|and|the|'s|,)$/i, "")
    .replace(/ 's/g, "'s")
    .trim();
}

/**
 * The state or body a title between `first` and `last` is of, among the places named in it: the
 * last, but for an envoy to a body the state named before the body ("Russian UN ambassador").
 */
export function placeOfRole<P extends GazetteerMatch>(
  doc: Doc,
  places: P[],
  first: number,
  last: number,
): P | undefined {
  const body = places.at(-1);
  let head = -1;
  for (let k = first; k < last; k++) if (offices().lastWords.has((doc.tokens[k] as Token).key)) head = k;
  if (
    body?.entry.kind === "organization" &&
    head > body.first &&
    offices().toBody.has((doc.tokens[head] as Token).key)
  )
    return places.findLast((p) => p.entry.kind === "state" && p.last <= body.first) ?? body;
  return body;
}

/** "Serbian Prime Minister Vojislav Koštunica": the titles before a person's name. */
const TITLE_BEFORE_NAME = named("title-before-name");

/**
 * The roles a title region gives a person, one for each title it joins with "and" or a comma:
 * "Kosovo Prime Minister and former KLA commander" gives Prime Minister of Kosovo and former
 * commander of the KLA.
 */
export function addTitleRole(doc: Doc, entity: number, region: TitleRegion): void {
  const segments: TitleRegion[] = [];
  let from = region.first;
  for (let k = region.first; k <= region.last; k++) {
    const t = doc.tokens[k];
    if (k === region.last || t?.key === "and" || t?.text === ",") {
      if (k > from) {
        const places = region.places.filter((p) => p.first >= from && p.last <= k);
        segments.push({ ...region, first: from, last: k, places });
      }
      from = k + 1;
    }
  }
  const person = doc.entities.get(entity);
  for (const segment of segments) {
    const hasHead = doc.tokens.slice(segment.first, segment.last).some((t) => offices().lastWords.has(t.key));
    if (!hasHead) continue;
    const title = titleText(doc, segment);
    if (!title) continue;
    const place = placeOfRole(doc, segment.places, segment.first, segment.last);
    let of: number | undefined;
    if (place)
      of =
        place.entry.kind === "state"
          ? doc.entities.state(place.entry.code)
          : doc.entities.organization(place.entry.code);
    const span = {
      start: (doc.tokens[segment.first] as Token).start,
      end: (doc.tokens[segment.last - 1] as Token).end,
    };
    if (person.roles.some((r) => r.title === title && r.of === of)) continue;
    person.roles.push({ title, ...(of !== undefined ? { of } : {}), span, rule: TITLE_BEFORE_NAME.id });
  }
  if (!person.gender && region.gender) person.gender = region.gender;
}
