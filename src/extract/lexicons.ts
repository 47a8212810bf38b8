import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.ts";
import { keyOf } from "../world/fold.ts";
import { type WordClass, words } from "./word-classes.ts";

const DATA = join(PACKAGE_ROOT, "data");
const json = <T>(path: string): T => JSON.parse(readFileSync(join(DATA, path), "utf8")) as T;

interface WordsFile {
  english_function_words: string[];
  abbreviations: string[];
  sentence_starters: string[];
  pronouns: Record<"m" | "f" | "plural" | "first", string[]>;
  not_names: string[];
  place_prefixes: string[];
  body_openers: string[];
  subnational_places: string[];
  contraction_stems: string[];
}
const wordLists = json<WordsFile>("lexicons/words.json");

/** Abbreviations that keep their period as part of the token ("gen", "feb"). */
export const ABBREVIATIONS = new Set(wordLists.abbreviations);
export const SENTENCE_STARTERS = new Set(wordLists.sentence_starters);
export const ENGLISH_FUNCTION_WORDS = new Set(wordLists.english_function_words);
export const NOT_NAMES = new Set([...wordLists.not_names, ...wordLists.subnational_places]);
/** A pronoun or auxiliary with a contracted ending: "I'll", "we're", "don't" (keys fold ’ to '). */
export const CONTRACTION = new RegExp(`^(?:${wordLists.contraction_stems.join("|")})'`);
/** Words opening place names ("New York", "West Virginia"). */
export const PLACE_PREFIXES = new Set(wordLists.place_prefixes);
/** The prefixes that are adjectives of direction: "southern Yemen" is often written so for "Southern Yemen". */
export const COMPASS_ADJECTIVES = new Set(wordLists.place_prefixes.filter((w) => w.endsWith("ern")));
/** Words that are no names yet may open a body's: "Southern Transitional Council". */
export const BODY_OPENERS = new Set(wordLists.body_openers);
export const PRONOUNS = new Map<string, "m" | "f" | "plural" | "first">(
  (Object.entries(wordLists.pronouns) as Array<["m" | "f" | "plural" | "first", string[]]>).flatMap(
    ([g, list]) => list.map((w) => [w, g] as [string, "m" | "f" | "plural" | "first"]),
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
  /** Takes an infinitive as its content: "vowed to block any recognition". */
  to?: boolean;
  /** Its content starts right after it, object included: "urged Serbia to …", "accused Pristina of …". */
  object?: boolean;
}
interface VerbsFile {
  verbs: Array<SpeechVerb & { forms: string[] }>;
  according_to: string[];
  listeners: string[];
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
    ...(verb.to ? { to: true } : {}),
    ...(verb.object ? { object: true } : {}),
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
/** Plain listeners of a "tell" verb, as token keys: "reporters", "the assembly". */
export const LISTENERS: ReadonlyArray<readonly string[]> = verbsFile.listeners.map((p) => p.split(" "));

/** How many tokens an "according to" phrase starting at token `k` takes, or 0 where none starts. */
export function accordingToAt(tokens: ReadonlyArray<{ key: string }>, k: number): number {
  const first = tokens[k]?.key;
  for (const words of ACCORDING_TO)
    if (words[0] === first && words.every((w, i) => tokens[k + i]?.key === w)) return words.length;
  return 0;
}

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
type Gender = "m" | "f" | "";
interface EnglishLexiconFile {
  given: Record<Gender, string[]>;
  common_given: Record<Gender, string[]>;
  family: string[];
  common_words: string[];
  dictionary_words: string[];
}
/** compromise's and the Moby lists' words, as scripts/english-lexicon.ts wrote them down. */
const english = json<EnglishLexiconFile>("lexicons/english-lexicon.generated.json");
const byGender = (lists: Record<Gender, string[]>) =>
  new Map<string, Gender>(
    (["m", "f", ""] as const).flatMap((g) => lists[g].map((w) => [w, g] as [string, Gender])),
  );
/** Given names with a gender where known: the generated lexicon's, then ours. */
export const GIVEN_NAMES = byGender(english.given);
for (const gender of ["m", "f", ""] as const)
  for (const name of names.given[gender]) GIVEN_NAMES.set(keyOf(name), gender);
/** Given names that are also common words (Frank, Will, Rush): a name only before an unknown word. */
export const COMMON_GIVEN_NAMES = byGender(english.common_given);
/** Family names of the generated lexicon. */
export const FAMILY_NAMES = new Set(english.family);
/** Common words of English (names excluded), to tell a name from a word. */
export const COMMON_WORDS = new Set(english.common_words);
/** The dictionary's stems never written capitalised: "hostility", "member". */
const DICTIONARY_WORDS = new Set(english.dictionary_words);
/** Endings a stem of the dictionary takes in a plural or an adverb, and what it had before. */
const INFLECTIONS: ReadonlyArray<[string, string]> = [
  ["ies", "y"],
  ["es", ""],
  ["s", ""],
  ["ly", ""],
];

/** Whether a word (a token's key) is a dictionary word, as written or plural or an adverb: "Hostilities", "Members", "Essentially". */
export function isDictionaryWord(key: string): boolean {
  if (DICTIONARY_WORDS.has(key)) return true;
  return INFLECTIONS.some(
    ([ending, stem]) => key.endsWith(ending) && DICTIONARY_WORDS.has(key.slice(0, -ending.length) + stem),
  );
}
export const FAMILY_FIRST = new Set(names.family_first.map(keyOf));

/** A word list of a rule's purpose: closed classes by name and words of its own. */
interface Composed {
  classes: WordClass[];
  words: string[];
  except?: string[];
}
const composed = (list: Composed): ReadonlySet<string> => {
  const out = new Set(words(...list.classes, list.words));
  for (const w of list.except ?? []) out.delete(w);
  return out;
};
interface SpeakerNounsFile {
  nouns: string[];
  for_state: string[];
  state_media: string[];
  state_media_markers: string[];
  executive: string[];
  state_possessors: string[];
  documents: string[];
  continuing_documents: string[];
  adopted_documents: string[];
  adopting_bodies: string[];
  adoption_words: string[];
  unadopted_words: string[];
  between: Composed;
  determiners: Composed;
}
const speakerNouns = json<SpeakerNounsFile>("lexicons/speaker-nouns.json");
/** Head nouns of unnamed speakers ("a senior official", "sources", "the ministry"). */
export const SPEAKER_NOUNS = new Set(speakerNouns.nouns);
/** Heads of unnamed speakers who speak for a state: "the foreign ministry", "a government spokesman". */
export const STATE_VOICES = new Set(speakerNouns.for_state);
const EXECUTIVE_HEADS = new Set(speakerNouns.executive);
/**
 * Whether a body's name is that of a state's executive body, headed by its first word ("Ministry of
 * External Affairs", "the Cabinet Office") or by its last ("Pakistan Foreign Ministry").
 */
export function isExecutiveName(name: string): boolean {
  const words = name
    .replace(/^the\s+/i, "")
    .toLowerCase()
    .split(/\s+/);
  return EXECUTIVE_HEADS.has(words[0] ?? "") || EXECUTIVE_HEADS.has(words[words.length - 1] ?? "");
}
/** Media a state runs, known by a marker before their head noun: "state news agency". */
const STATE_MEDIA = new Set(speakerNouns.state_media);
const STATE_MEDIA_MARKERS = new Set(speakerNouns.state_media_markers);
/**
 * Whether a description's words speak for a state: its head is one of STATE_VOICES, the head being
 * the noun before "of" or "for" ("the Ministry of External Affairs", "France's minister for European
 * affairs") or before "sources" ("government sources"), or a state's media.
 */
export function speaksForState(words: string[]): boolean {
  const of = words.findIndex((w) => w === "of" || w === "for");
  const last = of > 0 ? of - 1 : words.length - 1;
  const head = words[last] === "sources" || words[last] === "source" ? words[last - 1] : words[last];
  if (head === undefined) return false;
  // "Syria's state news agency", "Iranian state television": media the state runs speak for it.
  return STATE_VOICES.has(head) || (STATE_MEDIA.has(head) && words.some((w) => STATE_MEDIA_MARKERS.has(w)));
}
/** Nouns that stand for a state named before when they own such a speaker: "the country's government". */
export const STATE_POSSESSORS = new Set(speakerNouns.state_possessors);
/** Documents that speak for whoever issued them: "the statement said", "the decree says". */
export const DOCUMENT_NOUNS = new Set(speakerNouns.documents);
/** Documents whose words go on from their issuer's when the text names no issuer: "the statement added". */
export const CONTINUING_DOCUMENTS = new Set(speakerNouns.continuing_documents);
/** Documents a deliberative body adopts ("the resolution"), and the last words of such bodies' names. */
export const ADOPTED_DOCUMENTS = new Set(speakerNouns.adopted_documents);
export const ADOPTING_BODIES = new Set(speakerNouns.adopting_bodies);
/** Words that tell a document was adopted ("voted", "passed"), and that one was not ("draft", "vetoed"). */
export const ADOPTION_WORDS = new Set(speakerNouns.adoption_words);
export const UNADOPTED_WORDS = new Set(speakerNouns.unadopted_words);
/** Adverbs and auxiliaries that may stand between a speaker and the speech verb. */
export const BETWEEN_SUBJECT_AND_VERB = composed(speakerNouns.between);
/** Words that may open a speaker's description: articles, "some", "top" ("top aides said"). */
export const DETERMINERS = composed(speakerNouns.determiners);
/** Pronouns opening a relative clause: "who has been plotting …", "a major who Gowdy … fired". */
export const RELATIVE_PRONOUNS = words("relative_pronouns");

/** Each irregular verb's forms other than its base, by base: "send" → sends, sent, sending. */
export const IRREGULAR_VERBS: Readonly<Record<string, string[]>> = json<{ verbs: Record<string, string[]> }>(
  "lexicons/irregular-verbs.json",
).verbs;
/** Irregular past forms ("sent", "wrote"): where a subject's noun phrase has ended. */
export const IRREGULAR_PAST = new Set(Object.values(IRREGULAR_VERBS).flat());
