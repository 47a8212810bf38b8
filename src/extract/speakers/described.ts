/** Speakers named by a description ("the Russian envoy", "a senior official") rather than a name. */

import { offices } from "../../world/offices.ts";
import { bodyIn, isFormer, lastMention, roleHolder, roleHolderAfter } from "../descriptions.ts";
import type { Doc } from "../doc.ts";
import {
  cueAt,
  DETERMINERS,
  DOCUMENT_NOUNS,
  looksPlural,
  PRONOUNS,
  SPEAKER_NOUNS,
  STATE_VOICES,
  speaksForState,
} from "../lexicons.ts";
import { statePlacing } from "../role-places.ts";
import { named } from "../rule-ids.ts";
import type { Token } from "../types.ts";
import { personBeforeApposition } from "./apposition.ts";
import { type SpeakerRef, spanOf, stamp } from "./rule.ts";
import {
  internationalBodyIn,
  issuingVoiceState,
  possessedEarlier,
  possessorState,
  stateIn,
} from "./state-of.ts";
import { CLAUSE_BREAK, isAdverbBeforeVerb, NOT_HEADS, QUANTIFIER_SUBJECTS } from "./words.ts";

/** "the Russian envoy" → Russia's ambassador named earlier; "the ministry" → the last ministry named. */
export const DESCRIPTION_COREFERENCE = named("description-coreference");
/** "Kosovo's foreign minister said … Skender Hyseni told Reuters": the person named just after. */
export const DESCRIPTION_CATAPHORA = named("description-cataphora");
/** "a senior official", "sources close to the talks": an unnamed speaker known by the description. */
export const DESCRIPTION_UNNAMED = named("description-unnamed");
/** "a U.N. official", "an EU spokesman": the international body the voice speaks for. */
const DESCRIPTION_BODY = named("description-body");
/** "the statement said": whoever the text told had issued it. */
const DOCUMENT_ISSUER = named("document-issuer");
/** "Nathalie Loiseau said … The minister also reiterated": the person just named, whom the text gives no office. */
const DESCRIPTION_ROLELESS = named("description-roleless-holder");
/** "Cleveland Police Chief Calvin Williams said": a description that closes with a person's name. */
const TITLED_NAME_BEFORE_CUE = named("titled-name-before-cue");

/** Prepositions joining a description's head to a phrase after it: "a message on the website". */
const PHRASE_PREPOSITIONS = new Set([
  "in",
  "on",
  "of",
  "at",
  "for",
  "from",
  "with",
  "across",
  "around",
  "throughout",
]);
/** Words that end a description before a verb: a conjunction or the opening of a clause. */
const DESCRIPTION_BREAKERS = new Set([
  "and",
  "but",
  "or",
  "which",
  "who",
  "that",
  "if",
  "when",
  "whether",
  "as",
  "because",
]);

/** "Kosovo's foreign minister": a description opened by a state's possessive is as definite as "the". */
function possessedByState(doc: Doc, first: number, end: number): boolean {
  const e = doc.tokenEntity[first] as number;
  if (e < 0 || doc.entities.get(e).kind !== "state") return false;
  let j = first;
  while (j < end && doc.tokenEntity[j] === e) j++;
  return doc.tokens[j]?.key === "'s" && j + 1 < end;
}

/**
 * A description resolved to the actor it stands for when the document has one ("the Russian
 * envoy" → the person with an envoy's or ambassador's role for Russia; "the ministry" → the last
 * ministry named), else an unnamed speaker known by the description itself ("a senior official").
 */
export function describe(doc: Doc, first: number, end: number, phraseEnd = end): SpeakerRef {
  const { tokens } = doc;
  // "Pia Kjaersgaard, the former Speaker of the Danish Parliament called Trump …": an apposition
  // to the name that opens the sentence, left without its closing comma.
  const apposed = openingNameBefore(doc, first);
  if (apposed) return apposed;
  const head = (tokens[end - 1] as Token).key;
  // "a Foreign Office spokesman": the body's state; "the foreign ministry": the state the text places it in.
  const voice = speaksForState(tokens.slice(first, end).map((t) => t.key));
  const stated =
    stateIn(doc, first, end) ??
    (voice ? possessorState(doc, first, end) : undefined) ??
    (DOCUMENT_NOUNS.has(head) ? issuingVoiceState(doc, end, phraseEnd) : undefined);
  const placed =
    stated === undefined && voice
      ? (statePlacing(doc, first) ?? possessedEarlier(doc, head, first))
      : undefined;
  const country = stated ?? placed;
  if (tokens[first]?.key === "the" || possessedByState(doc, first, end)) {
    const before = (tokens[first] as Token).start;
    const office = officeOf(doc, first, end);
    const former = isFormer(doc.slice(first, end));
    // "Russia's ambassador, X, … “Kosovo must wait,” the ambassador said": where the text only
    // places the speaker, the holder of the office named before is meant.
    const named = bodyIn(doc, first, end);
    const reordered = officeReordered(doc, first, end);
    const holder =
      (named !== undefined ? roleHolder(doc, office, before, { body: named, former }) : undefined) ??
      roleHolder(doc, office, before, { country, former }) ??
      (reordered !== undefined ? roleHolder(doc, reordered, before, { country, former }) : undefined) ??
      (placed !== undefined ? roleHolder(doc, office, before, { country: undefined, former }) : undefined);
    const body = lastMention(
      doc,
      before,
      (_m, e) =>
        e.kind === "organization" &&
        // "Taiwan's Foreign Ministry" is not the Chinese one named before.
        (country === undefined ||
          e.country === undefined ||
          e.country === doc.entities.get(country).country) &&
        e.name
          .toLowerCase()
          .split(/[\s-]+/)
          .includes(head),
    );
    const best = holder && (!body || holder.start > body.start) ? holder : body;
    if (best) return stamp(DESCRIPTION_COREFERENCE, { entity: best.entity, span: spanOf(doc, first, end) });
    // "Kosovo's foreign minister said … “I expect Serbia to come to us,” Skender Hyseni told Reuters":
    // an office named first, its holder's name just after.
    // Only a description opened by a state's possessive introduces someone: "the governor" refers back.
    const title = offices().lastWords.has(head) ? head : officeBeforeField(doc, first, end);
    const introduces = possessedByState(doc, first, end) && title !== undefined && !former;
    const after = introduces
      ? (holderNamedAfter(doc, end, title, country) ?? namedJustAfter(doc, end))
      : undefined;
    if (after !== undefined)
      return stamp(DESCRIPTION_CATAPHORA, { entity: after, span: spanOf(doc, first, end) });
    // "the Polisario Front statement said": the issuer the description names, else the one told before.
    const issuer = DOCUMENT_NOUNS.has(head)
      ? (firstActorIn(doc, first, end - 1) ?? issuerOf(doc, head, first))
      : undefined;
    if (issuer !== undefined)
      return stamp(DOCUMENT_ISSUER, { entity: issuer, span: spanOf(doc, first, end) });
    const roleless =
      offices().lastWords.has(head) && !former ? rolelessJustBefore(doc, first, end, country) : undefined;
    if (roleless !== undefined)
      return stamp(DESCRIPTION_ROLELESS, { entity: roleless, span: spanOf(doc, first, end) });
  }
  const issuedBy = issuerAfterBy(doc, end, phraseEnd);
  if (issuedBy !== undefined)
    return stamp(DOCUMENT_ISSUER, { entity: issuedBy, span: spanOf(doc, first, phraseEnd) });
  const body = voice && country === undefined ? internationalBodyIn(doc, first, end) : undefined;
  if (body !== undefined)
    return stamp(DESCRIPTION_BODY, { entity: body, span: spanOf(doc, first, phraseEnd) });
  const text = doc.slice(first, phraseEnd);
  const countryCode = country !== undefined ? doc.entities.get(country).country : undefined;
  const entity = doc.entities.group(text, countryCode, true);
  return stamp(DESCRIPTION_UNNAMED, { entity, span: spanOf(doc, first, phraseEnd) });
}

/** The person named at the start of the sentence, right before the comma before token `first`. */
function openingNameBefore(doc: Doc, first: number): SpeakerRef | undefined {
  if (doc.tokens[first - 1]?.text !== ",") return undefined;
  const sentence = doc.sentences[(doc.tokens[first] as Token).sentence] as { first: number };
  const person = personBeforeApposition(doc, first - 1, sentence.first);
  return person && doc.tokenAt(person.span.start) === sentence.first ? person : undefined;
}

/** How many sentences before an office's description a person without an office may be named. */
const ROLELESS_REACH = 2;

/**
 * The last person named before a description of an office no one named holds, when the text gives
 * that person no office at all and places them in no other state: the office is theirs.
 */
export function rolelessJustBefore(
  doc: Doc,
  first: number,
  end: number,
  country: number | undefined,
): number | undefined {
  // Only an office by itself ("the minister", "The Foreign Secretary"): "the Florida senator" or
  // "the prime minister's spokesman" say more than the text tells of the person before.
  for (let k = first + 1; k < end; k++) {
    const key = (doc.tokens[k] as Token).key;
    if (!offices().modifiers.has(key) && !offices().lastWords.has(key)) return undefined;
  }
  const here = (doc.tokens[first] as Token).sentence;
  const from = (doc.sentences[narrationBack(doc, here, ROLELESS_REACH)] as { start: number }).start;
  // "the Senate Minority Leader, who represents Abia South, Enyinnaya Abaribe, said": named after it.
  const sentence = doc.sentences[here] as { last: number };
  for (let k = end; k < sentence.last; k++) {
    const e = doc.tokenEntity[k] ?? -1;
    const told = !doc.insideQuote((doc.tokens[k] as Token).start);
    if (e >= 0 && told && doc.entities.get(e).kind === "person") return undefined;
  }
  const last = lastMention(
    doc,
    (doc.tokens[first] as Token).start,
    (m, e) => m.form === "name" && e.kind === "person",
  );
  if (!last || last.start < from || !(speaksThere(doc, last) || opensSentence(doc, last))) return undefined;
  const person = doc.entities.get(last.entity);
  if (person.roles.length || person.unnamed) return undefined;
  const state = country === undefined ? undefined : doc.entities.get(country).country;
  return state === undefined || person.country === undefined || person.country === state
    ? last.entity
    : undefined;
}

/**
 * The sentence `n` sentences of narration before sentence `here`: the sentences of a quote that
 * runs on over paragraphs are not counted ("But Hague told The Sun: "…" … The Foreign Secretary said").
 */
function narrationBack(doc: Doc, here: number, n: number): number {
  let s = here;
  for (let told = 0; s > 0 && told < n; ) {
    s--;
    const sentence = doc.sentences[s] as { start: number; end: number };
    const quoted =
      doc.insideQuote(sentence.start) && doc.insideQuote(Math.max(sentence.start, sentence.end - 2));
    if (!quoted) told++;
  }
  return s;
}

/** Whether a name is told speaking where it stands: "Nathalie Loiseau said", "said Hague". */
function speaksThere(doc: Doc, mention: { start: number; end: number }): boolean {
  const before = doc.tokenAt(mention.start) - 1;
  const after = doc.tokenAt(mention.end);
  return (
    cueAt(doc.tokens, after) !== undefined || (before >= 0 && cueAt(doc.tokens, before)?.end === before + 1)
  );
}

/** Whether a name opens its sentence, as its subject: "William Hague has accused Argentina of …". */
function opensSentence(doc: Doc, mention: { start: number }): boolean {
  const k = doc.tokenAt(mention.start);
  const sentence = doc.sentences[(doc.tokens[k] as Token).sentence] as { first: number };
  return k === sentence.first;
}

/** How many sentences after a description its holder's name may come first. */
const CATAPHORA_REACH = 2;

/**
 * The first person named after the description, up to the end of the second sentence after its
 * own, whom the text gives no office of their own: the description's holder. Persons with other
 * offices named between are passed over.
 */
function namedJustAfter(doc: Doc, end: number): number | undefined {
  const sentence = (doc.tokens[end - 1] as Token).sentence;
  const from = (doc.tokens[end] as Token | undefined)?.start ?? Number.POSITIVE_INFINITY;
  const last = doc.sentences[Math.min(doc.sentences.length - 1, sentence + CATAPHORA_REACH)];
  if (!last) return undefined;
  // "Catalan President Carles Puigdemont" holds an office of his own: the next person named may be meant.
  let first: { start: number; entity: number } | undefined;
  for (const m of doc.mentions) {
    if (m.start < from || m.start >= last.end || m.form !== "name") continue;
    const person = doc.entities.get(m.entity);
    if (person.kind === "person" && !person.roles.length && (!first || m.start < first.start)) first = m;
  }
  return first?.entity;
}

/** How many sentences after a description a person holding its very office may be named first. */
const HOLDER_REACH = 6;

/** "Puerto Rico's governor announced … Puerto Rico Governor Ricardo Rossello": a holder of the office named a little later. */
function holderNamedAfter(
  doc: Doc,
  end: number,
  office: string,
  country: number | undefined,
): number | undefined {
  const sentence = (doc.tokens[end - 1] as Token).sentence;
  const from = (doc.tokens[end] as Token | undefined)?.start ?? Number.POSITIVE_INFINITY;
  const last = doc.sentences[Math.min(doc.sentences.length - 1, sentence + HOLDER_REACH)];
  if (!last) return undefined;
  return roleHolderAfter(doc, office, from, last.end, country === undefined ? {} : { country })?.entity;
}

/** "France's minister for European affairs": the office word before the field it is of or for. */
function officeBeforeField(doc: Doc, first: number, end: number): string | undefined {
  for (let k = end - 2; k > first && end - k <= 4; k--) {
    const key = (doc.tokens[k] as Token).key;
    if ((key === "for" || key === "of") && offices().lastWords.has(doc.tokens[k - 1]?.key ?? ""))
      return (doc.tokens[k - 1] as Token).key;
  }
  return undefined;
}

/** The office a description names: its head noun, or "head of government" and "head of state" whole. */
function officeOf(doc: Doc, first: number, end: number): string {
  const last = doc.slice(Math.max(first, end - 3), end).toLowerCase();
  return last === "head of government" || last === "head of state"
    ? last
    : (doc.tokens[end - 1] as Token).key;
}

/**
 * "the Minister of the Interior" after "Interior Minister Gérald Darmanin": an office written with
 * its field after "of", as the title written with the field first.
 */
function officeReordered(doc: Doc, first: number, end: number): string | undefined {
  const { tokens } = doc;
  let of = first + 1;
  while (of < end - 1 && tokens[of]?.key !== "of") of++;
  const field = end - 1;
  const head = tokens[of - 1]?.key ?? "";
  if (tokens[of]?.key !== "of" || !offices().lastWords.has(head)) return undefined;
  const between = field - of - 1;
  if (between > 1 || (between === 1 && tokens[of + 1]?.key !== "the")) return undefined;
  return `${(tokens[field] as Token).key} ${head}`;
}

/** How many sentences back a document's issuing may be told. */
const ISSUED_REACH = 3;

/**
 * "In a statement, the British government said … “…,” the statement added": the actor the
 * sentence that told of "a statement" (or decree, letter) names first, in it or a few before.
 */
function issuerOf(doc: Doc, head: string, first: number): number | undefined {
  const here = (doc.tokens[first] as Token).sentence;
  for (let s = here - 1; s >= Math.max(0, here - ISSUED_REACH); s--) {
    const sentence = doc.sentences[s];
    if (!sentence) continue;
    let told = false;
    for (let k = sentence.first; k < sentence.last && !told; k++)
      told =
        doc.tokens[k]?.key === head &&
        // "a statement", "a unanimous statement"
        [k - 1, k - 2].some((j) => ["a", "an"].includes(doc.tokens[j]?.key ?? ""));
    if (told) return issuerTold(doc, sentence);
  }
  return undefined;
}

/**
 * Who issued a document in the sentence that told of it: the first actor named before its speech
 * verb ("In a statement, the British government said"), not one in what was said; else the body a
 * description there stands for ("In a unanimous statement, the 15-member council said").
 */
function issuerTold(doc: Doc, sentence: { first: number; last: number }): number | undefined {
  let verb = sentence.first;
  while (verb < sentence.last && !(cueAt(doc.tokens, verb) && !(doc.tokens[verb] as Token).upper)) verb++;
  const named = firstActorIn(doc, sentence.first, verb);
  if (named !== undefined || verb >= sentence.last) return named;
  let opens = verb;
  while (opens > sentence.first && doc.tokens[opens - 1]?.text !== ",") opens--;
  if (doc.tokens[opens]?.key !== "the" || opens >= verb) return undefined;
  const described = describe(doc, opens, verb);
  return described.rule.id === DESCRIPTION_UNNAMED.id ? undefined : described.entity;
}

/** Participles that tie a document to its issuer after "by": "a statement released on Friday by Aldar Xelil". */
const ISSUING = new Set(["released", "issued", "signed", "published", "posted", "sent", "read"]);

/**
 * The issuer named after "by" in a document's phrase, after a participle of issuing that follows
 * the document's noun, whether the description (ending at `end`) holds the participle or not.
 */
function issuerAfterBy(doc: Doc, end: number, phraseEnd: number): number | undefined {
  const participle = ISSUING.has(doc.tokens[end - 1]?.key ?? "") ? end - 1 : end;
  if (!ISSUING.has(doc.tokens[participle]?.key ?? "")) return undefined;
  if (!DOCUMENT_NOUNS.has(doc.tokens[participle - 1]?.key ?? "")) return undefined;
  for (let k = participle + 1; k < phraseEnd; k++)
    if ((doc.tokens[k] as Token).key === "by") return firstActorIn(doc, k + 1, phraseEnd);
  return undefined;
}

/** The first person, state or body named in a token range outside quotation marks. */
function firstActorIn(doc: Doc, first: number, last: number): number | undefined {
  for (let k = first; k < last; k++) {
    const e = doc.tokenEntity[k] as number;
    if (e < 0 || doc.insideQuote((doc.tokens[k] as Token).start)) continue;
    // "the former Spanish colony, the Sahrawi information ministry said": an adjective names an issuer only before its voice.
    if (doc.adjectives.has(k) && !voiceAfter(doc, k + 1)) continue;
    const entity = doc.entities.get(e);
    if (entity.kind !== "group" || entity.country) return e;
  }
  return undefined;
}

/** Whether a noun that speaks for a state stands within a few words from token `k`: "information ministry". */
function voiceAfter(doc: Doc, k: number): boolean {
  for (let j = k; j < k + 3; j++) {
    const t = doc.tokens[j];
    if (t?.kind !== "word") return false;
    if (STATE_VOICES.has(t.key)) return true;
  }
  return false;
}

/** A description ending just before token `end`: back to its determiner, with a speaker noun as head. */
export function describedSpeaker(doc: Doc, end: number, floor: number): SpeakerRef | undefined {
  const { tokens } = doc;
  const head = tokens[end - 1] as Token;
  // "Another tweeted, “…”", "Others said": a quantifier standing alone as the clause's subject.
  if (
    QUANTIFIER_SUBJECTS.has(head.key) &&
    (end - 1 === floor || CLAUSE_BREAK.has(tokens[end - 2]?.text ?? ""))
  )
    return describe(doc, end - 1, end);
  if (head.kind !== "word" || PRONOUNS.has(head.key) || NOT_HEADS.has(head.key)) return undefined;
  const known = SPEAKER_NOUNS.has(head.key) || offices().lastWords.has(head.key);
  const opening = descriptionStart(doc, end, floor);
  // Any noun can head a description that opens with a determiner ("the announcer said", "The New
  // York businessman says"); without one, only a known speaker noun can ("officials said").
  if (!known && !opening.determined) return undefined;
  const first = opening.determined ? phraseHead(doc, opening.first, floor) : opening.first;
  // A name closing the description is the speaker: "Cleveland Police Chief Calvin Williams"; a name
  // modifying its head is not ("one Trump campaign source", "a Clinton campaign spokesman").
  const person = doc.tokenEntity[end - 1] ?? -1;
  if (person >= 0 && doc.entities.get(person).kind === "person")
    return stamp(TITLED_NAME_BEFORE_CUE, { entity: person, span: spanOf(doc, first, end) });
  return describe(doc, first, end);
}

/** Back from a description's head at `end` - 1 to its determiner, within a few words. */
function descriptionStart(doc: Doc, end: number, floor: number): { first: number; determined: boolean } {
  const { tokens } = doc;
  let first = end - 1;
  while (first - 1 >= floor && end - first < 7) {
    const t = tokens[first - 1] as Token;
    if (CLAUSE_BREAK.has(t.text) || t.text === "." || (PRONOUNS.has(t.key) && !DETERMINERS.has(t.key))) break;
    if (DESCRIPTION_BREAKERS.has(t.key)) break;
    if (t.kind === "punct" && t.text !== "-" && t.text !== "'s") break;
    first--;
    if (DETERMINERS.has(t.key)) return { first, determined: true };
  }
  // "France's minister for European affairs said": a state's possessive is as definite as "the".
  return { first, determined: possessedByState(doc, first, end) };
}

/** "a voice-over in the ad states", "A footnote in the report": the phrase the preposition hangs on. */
function phraseHead(doc: Doc, first: number, floor: number): number {
  const { tokens } = doc;
  if (!PHRASE_PREPOSITIONS.has(tokens[first - 1]?.key ?? "")) return first;
  for (let j = first - 2; j >= Math.max(floor, first - 5); j--) {
    const t = tokens[j] as Token;
    if (t.kind === "punct" && t.text !== "-") break;
    if (DETERMINERS.has(t.key) && !PRONOUNS.has(t.key)) return j;
    // "Pollsters across the country say": a plural without a determiner, opening its clause.
    const opens = j === floor || tokens[j - 1]?.kind === "punct";
    if (opens && t.kind === "word" && looksPlural(t.key)) return j;
  }
  return first;
}

/**
 * Any noun phrase standing between a quote and its speech verb (`," the New York businessman
 * said`), as a description: there, nothing but the speaker can stand.
 */
export function phraseBetween(doc: Doc, first: number, end: number): SpeakerRef | undefined {
  // "my father often said", "it further stated": the adverb before the verb is no part of the phrase.
  while (end - 1 > first && isAdverbBeforeVerb(doc.tokens[end - 1] as Token)) end--;
  if (end - first < 1 || end - first > 8) return undefined;
  // An unresolved pronoun, or "it", names no one.
  const only = (doc.tokens[first] as Token).key;
  if (end - first === 1 && (PRONOUNS.has(only) || NOT_HEADS.has(only))) return undefined;
  for (let k = first; k < end; k++) {
    const t = doc.tokens[k] as Token;
    if (t.kind === "punct" && t.text !== "'s" && t.text !== "-" && t.text !== "." && t.text !== "&")
      return undefined;
  }
  return describe(doc, first, end);
}
