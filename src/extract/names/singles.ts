/**
 * Single capitalised words: a person's surname (or given name) used alone links to that person;
 * a single word after a title ("Ambassador Churkin") is a person; others need a speech verb beside
 * them and must not be common words.
 */

import { sameSurnameSpelledOtherwise } from "../../world/fold.ts";
import { bodySuffixes } from "../../world/organizations.ts";
import { subjectStart } from "../clauses.ts";
import type { Doc } from "../doc.ts";
import {
  CAPITAL_INSIDE_NAME,
  cueAt,
  DETERMINERS,
  ENGLISH_FUNCTION_WORDS,
  isDictionaryWord,
  NOT_NAMES,
} from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import { fullNameStarts, nameParts, surnameOwner } from "../surnames.ts";
import type { Token } from "../types.ts";
import { type Evidence, LOCATIVE, personEvidence } from "./evidence.ts";
import { genderOf } from "./gender.ts";
import { PARTICLES } from "./runs.ts";
import { addTitleRole, type TitleRegion, titleRegionBefore } from "./titles.ts";

/** A single capitalised word waiting for the names of the whole text, with the title before it if any. */
export interface Single {
  first: number;
  titled: TitleRegion | undefined;
}

/** "Obama said" after "Barack Obama": a lone word of a person's name named in full elsewhere. */
const SURNAME = named("surname");
/** With "Mark Cuban" in the text, "Cuban said" is Cuban, not Cuba. */
const SURNAME_OVER_PLACE = named("surname-over-place");

/** Writings that put a publication after "in": "an article in Politico" names no place. */
const WRITINGS = new Set([
  "article",
  "piece",
  "interview",
  "op-ed",
  "column",
  "editorial",
  "report",
  "story",
  "essay",
]);

/** Within one text a shorter surname may be misspelt than across a store: the text names its owner. */
const IN_TEXT_SURNAME = 4;

/** The people of the document by the first and last parts of their names. */
type ByPart = Map<string, number[]>;

export function resolveSingles(doc: Doc, singles: Single[]): void {
  const full = fullNameStarts(doc);
  const byPart = peopleByPart(doc);
  const places = placeWords(doc);
  const unlinked: number[] = [];
  for (const single of singles) {
    if (doc.tokenEntity[single.first] !== -1 || linkSurname(doc, full, byPart, single.first)) continue;
    const entity = nameSingle(doc, single, places);
    if (entity === undefined) unlinked.push(single.first);
    else byPart.set((doc.tokens[single.first] as Token).key, [entity]);
  }
  // "Obama also addressed …" before "Obama stated": a surname is known from anywhere in the text.
  for (const k of unlinked) if (doc.tokenEntity[k] === -1) linkSurname(doc, full, byPart, k);
  surnamesOverPlaces(doc, full, byPart);
}

function peopleByPart(doc: Doc): ByPart {
  const byPart: ByPart = new Map();
  doc.entities.list.forEach((entity, index) => {
    if (entity.kind !== "person") return;
    const parts = nameParts(entity.name);
    const last = parts[parts.length - 1] ?? "";
    // "Abadi" for "Haider al-Abadi": a family name without the particle joined to it.
    const joined = /^([a-z]+)-(.+)$/.exec(last);
    const bare = joined && PARTICLES.has(joined[1] as string) ? joined[2] : undefined;
    // "Oyarzun" for "Román Oyarzun Marchesi": of two family names, the first is the one used alone.
    const before = parts.length >= 3 ? parts[parts.length - 2] : undefined;
    const paternal = before && before.length > 2 && !PARTICLES.has(before) ? before : undefined;
    for (const part of new Set([last, parts[0], bare, paternal])) {
      if (!part) continue;
      const list = byPart.get(part);
      if (list) list.push(index);
      else byPart.set(part, [index]);
    }
  });
  return byPart;
}

/** Links the word at `k` to the person whose name it is part of, if any; whether it did. */
function linkSurname(doc: Doc, full: Map<number, number[]>, byPart: ByPart, k: number): boolean {
  const t = doc.tokens[k] as Token;
  // "Mitosotakis said" after "Kyriakos Mitsotakis", "Abai labelled" after "Haider al-Abadi": a
  // surname misspelt by one letter in a text that names its owner in full.
  const known =
    byPart.get(t.key) ??
    [...byPart].find(([part]) => sameSurnameSpelledOtherwise(t.key, part, IN_TEXT_SURNAME))?.[1];
  if (!known?.length) return false;
  // "Will voters come?" beside a "Will Sanders": a function word opening a sentence is that word.
  if (ENGLISH_FUNCTION_WORDS.has(t.key) && k === doc.sentences[t.sentence]?.first) return false;
  doc.addMention(k, k + 1, surnameOwner(doc, full, known, t.start), "name", SURNAME.id);
  return true;
}

/** A single word as the name of a person or body, when the evidence says so; the entity, or undefined. */
function nameSingle(doc: Doc, single: Single, places: Set<string>): number | undefined {
  const t = doc.tokens[single.first] as Token;
  const sentenceStart = doc.sentences[t.sentence]?.first ?? 0;
  const region = single.titled ?? titleRegionBefore(doc, single.first, sentenceStart);
  const evidence = personEvidence(doc, single.first, single.first + 1, region !== undefined);
  if ((evidence.score < 2 && weakSingle(doc, single.first, evidence, places)) || NOT_NAMES.has(t.key))
    return undefined;
  const name = doc.slice(single.first, single.first + 1);
  // "Al-Shabaab, the terrorist group based in Somalia": an apposition headed by a body's noun.
  const body =
    (/^\p{Lu}[\p{Ll}]+\p{Lu}|^\p{Lu}{3,}$/u.test(name) && !CAPITAL_INSIDE_NAME.test(name)) ||
    bodySuffixes().has(appositionHead(doc, single.first + 1) ?? "");
  const isBody = body && !region;
  const entity = isBody
    ? doc.entities.namedBody(name)
    : doc.entities.person(name, region?.gender ?? genderOf(t));
  const rule = `${isBody ? "body-single" : "person-single"}:${evidence.reasons.join("+")}`;
  doc.addMention(single.first, single.first + 1, entity, "name", rule);
  if (region && !region.honorificOnly) addTitleRole(doc, entity, region);
  return entity;
}

/**
 * Whether a lone word lacks what makes it a name: a speech verb or an apposition beside it
 * ("PolitiFact says", "Tadic said"; at a sentence's start only right before the verb, where a
 * common word would be), or a verb after it as the subject of its clause ("Carson defied the
 * question", "At the debate, Sanders compared …").
 */
function weakSingle(doc: Doc, k: number, evidence: Evidence, places: Set<string>): boolean {
  const t = doc.tokens[k] as Token;
  const sentence = doc.sentences[t.sentence];
  const sentenceStart = sentence?.first ?? 0;
  const named = ["speaker-context", "said-name", "apposition"].some((r) => evidence.reasons.includes(r));
  const plain =
    !evidence.reasons.some((r) => r.startsWith("common-word") || r.startsWith("not-a-name")) &&
    !isDictionaryWord(t.key);
  const placed = k > sentenceStart || cueAt(doc.tokens, k + 1) !== undefined;
  const opensClause = k === sentenceStart || k === subjectStart(doc, sentenceStart, sentence?.last ?? k);
  const subject = opensClause && plain && !places.has(t.key) && verbFollows(doc, k + 1);
  return !(named && plain && placed && !places.has(t.key)) && !subject;
}

/**
 * A place's word that is also the surname of a person named in full here is the person; never
 * over an acronym: "ISIS" stays the group even where a quotation spelt it "Isis declares".
 */
function surnamesOverPlaces(doc: Doc, full: Map<number, number[]>, byPart: ByPart): void {
  for (const mention of doc.mentions) {
    const k = doc.tokenAt(mention.start);
    if (mention.gazetteer === undefined || doc.tokenAt(mention.end) !== k + 1) continue;
    const word = doc.tokens[k] as Token;
    const people = byPart.get(word.key)?.filter((e) => doc.entities.get(e).name.includes(" "));
    if (!people?.length || /^\p{Lu}{2,}$/u.test(word.text)) continue;
    mention.entity = surnameOwner(doc, full, people, mention.start);
    mention.rule = SURNAME_OVER_PLACE.id;
    delete mention.gazetteer;
    doc.tokenEntity[k] = mention.entity;
    doc.adjectives.delete(k);
  }
}

/** The head noun of an apposition opening with a determiner at the comma `comma`: "group" in ", the terrorist group based in …". */
function appositionHead(doc: Doc, comma: number): string | undefined {
  if (doc.tokens[comma]?.text !== "," || !DETERMINERS.has(doc.tokens[comma + 1]?.key ?? "")) return undefined;
  let k = comma + 2;
  while (k < comma + 7) {
    const t = doc.tokens[k];
    if (t?.kind !== "word" || ENGLISH_FUNCTION_WORDS.has(t.key) || /(?:ed|ing)$/.test(t.key)) break;
    k++;
  }
  return k > comma + 2 ? doc.tokens[k - 1]?.key : undefined;
}

/** Capitalised words the text also puts after a preposition of place: places, not people. */
function placeWords(doc: Doc): Set<string> {
  const out = new Set<string>();
  const { tokens } = doc;
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (!t.upper || t.kind !== "word" || !LOCATIVE.has((tokens[k - 1] as Token).key)) continue;
    if (tokens[k + 1]?.key !== "'s" && !WRITINGS.has(tokens[k - 2]?.key ?? "")) out.add(t.key);
  }
  return out;
}

/**
 * Whether a verb in the past or present follows (after adverbs in -ly): "Carson defied the
 * question", "Cruz openly admitted". A lone unknown word there is a clause's subject.
 */
function verbFollows(doc: Doc, k: number): boolean {
  let j = k;
  while (doc.tokens[j]?.key.endsWith("ly") && doc.tokens[j]?.kind === "word") j++;
  const t = doc.tokens[j];
  return (
    t !== undefined &&
    t.kind === "word" &&
    !/^\p{Lu}/u.test(t.text) &&
    t.key.length > 3 &&
    /(?:ed|es)$/.test(t.key)
  );
}
