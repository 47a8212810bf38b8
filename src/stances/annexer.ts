/** Who annexes, read around a phrase about an annexation ("Russia's annexation of Crimea", "Russia annexed …", "… by Iraq"), and the places a text is about the annexation of. */

import type { Doc } from "../extract/doc.ts";
import type { Token } from "../extract/types.ts";
import { stateInfo } from "../world/states.ts";
import { subjects } from "./actors.ts";
import { inflect } from "./inflect.ts";
import { coordinatedWith } from "./lists.ts";
import { CONDEMNING_REACTIONS, COUNTERING_VERBS, WELCOMING_REACTIONS } from "./syntax.ts";

/**
 * Verbs of others' reactions whose object an annexation may be: "Germany condemned the annexation"
 * names no annexer before it, where "Moscow completed (announced) the annexation" does.
 */
const GOVERNING_VERBS = new Set([
  ...[...WELCOMING_REACTIONS, ...CONDEMNING_REACTIONS, "recognise", "recognize"].flatMap(inflect),
  ...COUNTERING_VERBS,
]);

/** The state a token's mention stands for, if any and not `not`: a state, or the state a person holds office in. */
function stateAt(doc: Doc, j: number, not: string): string | undefined {
  const e = doc.tokenEntity[j];
  if (e === undefined || e < 0) return undefined;
  const country = actsFor(doc, e);
  return country !== not ? country : undefined;
}

/** "Argentina's Foreign Ministry said its claim to …": the nearest state named before `j` in its sentence or the one before. */
function stateBefore(doc: Doc, j: number, not: string): string | undefined {
  const sentence = (doc.tokens[j] as Token).sentence;
  const floor = doc.sentences[Math.max(0, sentence - 1)]?.first ?? 0;
  for (let i = j - 1; i >= floor; i--) {
    const country = stateAt(doc, i, not);
    if (country) return country;
  }
  return undefined;
}

/** The state an entity acts for: itself, or the one a person holds office in ("President Trump"). */
function actsFor(doc: Doc, e: number): string | undefined {
  const { kind } = doc.entities.get(e);
  return kind === "state" || kind === "person" ? doc.entities.countryOf(e) : undefined;
}

/**
 * The code of the state that annexes in the phrase at `k`…`end` about `target`'s annexation: its
 * possessor or adjective before ("Russia's annexation", "Moscow's", "Russian annexation"), the
 * name after "by", else (unless `bySubject` is false) the subject of the clause ("Russia annexed Crimea").
 */
export function annexerAt(
  doc: Doc,
  k: number,
  end: number,
  target: string,
  bySubject = true,
): string | undefined {
  // Past words that qualify the act: "Russia's self-declared annexations"; not past a verb that governs it.
  let j = k - 1;
  while (j > k - 4 && qualifier(doc.tokens[j])) j--;
  const key = doc.tokens[j]?.key;
  const owner =
    key === "'s"
      ? stateAt(doc, j - 1, target)
      : key === "its"
        ? stateBefore(doc, j, target)
        : stateAt(doc, j, target);
  if (owner) return owner;
  if (doc.tokens[end]?.key === "by") {
    const agent = stateAt(doc, end + 1, target);
    if (agent) return agent;
  }
  // "Germany condemned the annexation of Crimea": the subject reacts to the act, it does not annex.
  if (!bySubject || GOVERNING_VERBS.has(key ?? "")) return undefined;
  const first = doc.sentences[(doc.tokens[k] as Token).sentence]?.first ?? 0;
  // "He signed treaties to annex …": a person acts for the state he holds office in.
  for (const e of subjects(doc, k, first)) {
    const country = actsFor(doc, e);
    if (country && country !== target) return country;
  }
  return undefined;
}

/** A lower-case word that may qualify an act before it ("self-declared"), not a verb that governs it. */
function qualifier(t: Token | undefined): boolean {
  return t?.kind === "word" && !t.upper && t.key !== "its" && !GOVERNING_VERBS.has(t.key);
}

/** A phrase that shows what a text is about: its tokens and those of the target's name in it. */
export interface AboutPhrase {
  k: number;
  end: number;
  target: [number, number];
  /** Made by a phrase that counts only with an owner other than the target's parent. */
  owned: boolean;
}

/** The first phrase about `c`'s annexation that names who annexes, else the first that is one. */
function annexation(
  doc: Doc,
  c: { code: string },
  phrases: Iterable<AboutPhrase>,
): { phrase: AboutPhrase; by: string | undefined } | undefined {
  let unnamed: AboutPhrase | undefined;
  for (const phrase of phrases) {
    // "recognised Morocco's claim of sovereignty over …": an owned phrase's owner stands right before it.
    const by = annexerAt(doc, phrase.k, phrase.end, c.code, !phrase.owned);
    // A state's own sovereignty over its land is no annexation: "Syria's sovereignty over the Golan".
    if (phrase.owned && by === undefined) continue;
    if (by === undefined) unnamed ??= phrase;
    // Nor does a place annex the state that claims it: "the Taiwan Issue and China's Reunification".
    else if (by !== stateInfo(c.code)?.parent && stateInfo(by)?.parent !== c.code) return { phrase, by };
  }
  return unnamed && { phrase: unnamed, by: undefined };
}

/**
 * The places a text is about the annexation of, each with the state that annexes it where the
 * text says: those named in a phrase about annexation, and those listed with them ("signed
 * treaties to annex Donetsk, Kherson, Luhansk and Zaporizhzhia").
 */
export function annexedPlaces<C extends { code: string }>(
  doc: Doc,
  candidates: C[],
  phrasesOf: (c: C) => Iterable<AboutPhrase>,
): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const c of candidates) {
    const found = annexation(doc, c, phrasesOf(c));
    if (!found) continue;
    const { phrase, by } = found;
    const named = doc.tokenEntity[phrase.target[0]] as number;
    const last = doc.sentences[(doc.tokens[phrase.k] as Token).sentence]?.last ?? phrase.end;
    const listed = named >= 0 ? coordinatedWith(doc, named, last) : [];
    for (const e of listed) {
      const code = doc.entities.get(e).country;
      if (code && code !== by && (!out.has(code) || out.get(code) === undefined)) out.set(code, by);
    }
    if (!out.get(c.code)) out.set(c.code, by);
  }
  return out;
}
