/**
 * Places a text describes by the state they would leave rather than by name: "the two
 * self-proclaimed republics in eastern Ukraine", "Georgia's breakaway regions". The gazetteer's
 * disputed places of that state, as many as the text counts, are meant; the descriptions become
 * names of their issue's target for this text.
 */

import { contestedPlacesNamed } from "../extract/contested-places.ts";
import type { Doc } from "../extract/doc.ts";
import type { Token } from "../extract/types.ts";
import { words } from "../extract/word-classes.ts";
import { once } from "../paths.ts";
import { states } from "../world/states.ts";

/** Words that describe a place as breaking away. */
const BREAKING_AWAY = new Set([
  "breakaway",
  "separatist",
  "rebel",
  "self-proclaimed",
  "self-declared",
  "secessionist",
  "rebel-held",
  "separatist-held",
]);

/** Nouns of the places so described, singular or plural. */
const PLACE_HEADS = new Map<string, "one" | "many">([
  ["region", "one"],
  ["regions", "many"],
  ["republic", "one"],
  ["republics", "many"],
  ["province", "one"],
  ["provinces", "many"],
  ["territory", "one"],
  ["territories", "many"],
  ["enclave", "one"],
  ["enclaves", "many"],
]);

const COUNTS = new Map([
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["both", 2],
]);

/** Words placing a region within its state: "in eastern Ukraine". */
const QUARTERS = new Set(["eastern", "western", "northern", "southern", "east", "west", "north", "south"]);

const ARTICLES = words("articles");

interface Description {
  /** Token range of the whole description. */
  first: number;
  end: number;
  parent?: string;
  count?: number;
  republics: boolean;
}

/** The state named or described by adjective at token `k`, with the token after its name. */
function stateAt(doc: Doc, k: number): { code: string; next: number } | undefined {
  const e = doc.tokenEntity[k] ?? -1;
  if (e < 0) return undefined;
  const entity = doc.entities.get(e);
  // "the breakaway region of Transnistria" names the place itself, not the state it would leave.
  if (entity.kind !== "state" || states().get(entity.country ?? "")?.type !== "state") return undefined;
  let next = k;
  while (doc.tokenEntity[next] === e) next++;
  return { code: entity.country as string, next };
}

/** Whether a place that is no state is named at token `k`: "of Abkhazia". */
function namesPlace(doc: Doc, k: number): boolean {
  const e = doc.tokenEntity[k] ?? -1;
  if (e < 0) return false;
  const type = states().get(doc.entities.get(e).country ?? "")?.type;
  return type !== undefined && type !== "state";
}

/** The description around the word of breaking away at `k`, if a place's noun follows it. */
function descriptionAt(doc: Doc, k: number): Description | undefined {
  const { tokens } = doc;
  // "breakaway Ukraine regions", "breakaway Georgian provinces".
  const inside = stateAt(doc, k + 1);
  const head = inside?.next ?? k + 1;
  const number = PLACE_HEADS.get(tokens[head]?.key ?? "");
  if (!number) return undefined;
  let parent = inside?.code;
  let end = head + 1;
  // "Georgia's breakaway regions of Abkhazia and South Ossetia": the places are named.
  if (tokens[end]?.key === "of" && namesPlace(doc, end + 1)) return undefined;
  // "… republics in eastern Ukraine", "… regions of Georgia".
  if (!parent && ["of", "in"].includes(tokens[end]?.key ?? "")) {
    let j = end + 1;
    if (tokens[j]?.key === "the") j++;
    if (QUARTERS.has(tokens[j]?.key ?? "")) j++;
    const after = stateAt(doc, j);
    if (after) {
      parent = after.code;
      end = after.next;
    }
  }
  let first = k;
  const count = COUNTS.get(tokens[first - 1]?.key ?? "");
  if (count !== undefined) first--;
  // "Georgia's two breakaway regions", "Georgian breakaway provinces".
  const owner = tokens[first - 1]?.key === "'s" ? first - 2 : first - 1;
  if (!parent && (doc.tokenEntity[owner] ?? -1) >= 0) {
    let start = owner;
    while (start > 0 && doc.tokenEntity[start - 1] === doc.tokenEntity[owner]) start--;
    const before = stateAt(doc, start);
    if (before && before.next === owner + 1) {
      parent = before.code;
      first = start;
    }
  }
  if (ARTICLES.has(tokens[first - 1]?.key ?? "")) first--;
  return {
    first,
    end,
    ...(parent ? { parent } : {}),
    ...(count !== undefined ? { count } : number === "one" ? { count: 1 } : {}),
    republics: (tokens[head] as Token).key.startsWith("republic"),
  };
}

/** The gazetteer's places within each state that may break away from it, by the state's code. */
const placesWithin = once(() => {
  const out = new Map<string, Array<{ code: string; disputed: boolean; republic: boolean }>>();
  for (const s of states().values()) {
    if (!s.parent || (s.type !== "disputed" && s.type !== "region")) continue;
    const republic = [s.name, ...s.aliases].some((n) => /\brepublic\b/i.test(n));
    out.set(s.parent, [
      ...(out.get(s.parent) ?? []),
      { code: s.code, disputed: s.type === "disputed", republic },
    ]);
  }
  return out;
});

/**
 * The places a description means: the state's disputed places, or its republics, or those of its
 * places the text names ("two breakaway regions of Ukraine" … "the breakaway regions of Luhansk
 * and Donetsk"), as many as it counts.
 */
function meant(description: Description, named: Set<string>): string[] | undefined {
  const within = placesWithin().get(description.parent ?? "") ?? [];
  const pools = [
    within.filter((p) => p.disputed),
    ...(description.republics ? [within.filter((p) => p.republic)] : []),
    within.filter((p) => named.has(p.code)),
  ];
  const { count } = description;
  const pool = count === undefined ? pools.find((p) => p.length >= 2) : pools.find((p) => p.length === count);
  return pool?.map((p) => p.code);
}

/**
 * The places the text describes, each with the descriptions that mean it. A description the
 * gazetteer cannot settle by itself ("breakaway Ukraine regions") means what another one of the
 * same state settled. One naming no state ("the breakaway province") is left alone: the text may
 * name the place it means.
 */
export function describedPlaces(doc: Doc): Map<string, string[]> {
  const descriptions: Description[] = [];
  for (let k = 0; k < doc.tokens.length; k++)
    if (BREAKING_AWAY.has((doc.tokens[k] as Token).key)) {
      const found = descriptionAt(doc, k);
      if (found) descriptions.push(found);
    }
  const settled = new Map<string, string[]>();
  const named = contestedPlacesNamed(doc);
  for (const d of descriptions) {
    const places = d.parent && !settled.has(d.parent) ? meant(d, named) : undefined;
    if (places && d.parent) settled.set(d.parent, places);
  }
  const out = new Map<string, string[]>();
  for (const d of descriptions) {
    const places = settled.get(d.parent ?? "");
    if (!places || (d.count !== undefined && d.count !== places.length)) continue;
    const text = doc.slice(d.first, d.end);
    // With its article and without: patterns write "[the] {T}" either way.
    const names = ARTICLES.has((doc.tokens[d.first] as Token).key)
      ? [text, doc.slice(d.first + 1, d.end)]
      : [text];
    for (const code of places) out.set(code, [...new Set([...(out.get(code) ?? []), ...names])]);
  }
  return out;
}
