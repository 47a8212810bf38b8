/** Whether a word that can report speech does so where it stands: a verb, not a noun or a name's word. */

import type { Doc } from "../doc.ts";
import { cueAt, looksPlural } from "../lexicons.ts";
import type { Token } from "../types.ts";
import { words } from "../word-classes.ts";

/** Words that make a speech verb a noun: "the claims", "its report". */
const NOUN_MARKERS = words("articles", "possessives_third", [
  "our",
  "these",
  "those",
  "many",
  "other",
  "some",
  "several",
  "all",
  "two",
  "three",
  "such",
  "dozen",
  "few",
  "both",
  "each",
  "every",
  "any",
]);

/** Words after which a participle is a clause without its subject: "when asked which candidate she backs". */
/** Words before a speech verb that is mostly a noun which make it the noun: "member states", "Western states" (not "the member said"). */
const NOUN_MODIFIERS = new Set(["member", "western"]);

const REDUCED_CLAUSE = new Set(["when", "if", "unless", "once", "until", "though", "although"]);

/** Pronouns before "'s" that make it "has" or "is" ("he's said"), not a possessive ("the IG's report"). */
const CONTRACTED_SUBJECTS = new Set(["he", "she", "it", "that", "who", "there", "what"]);

export function isSpeechVerb(doc: Doc, k: number, afterQuote = false): boolean {
  const t = doc.tokens[k];
  const cue = cueAt(doc.tokens, k);
  if (!t || !cue || (doc.tokenEntity[k] ?? -1) >= 0) return false;
  // A capital inside a sentence makes a name's word, not a verb: "Secretary of State", "the Post".
  if (t.upper && k > (doc.sentences[t.sentence]?.first ?? 0)) return false;
  // "read" reports what a document says only right after its quotation ("…," the statement read).
  if (cue.verb.class === "document" && !afterQuote) return false;
  const before = doc.tokens[k - 1];
  if (before && (NOUN_MARKERS.has(before.key) || (REDUCED_CLAUSE.has(before.key) && t.key.endsWith("ed"))))
    return false;
  // "the IG's report", "a think tank": a noun.
  if (before?.key === "'s" && !CONTRACTED_SUBJECTS.has(doc.tokens[k - 2]?.key ?? "")) return false;
  // "cleaning up state voter-roll data", "50 states": a word that is mostly a noun is a verb only
  // after what can be its subject.
  if (cue.verb.noun && before) {
    if (before.kind === "number" || NOUN_MODIFIERS.has(before.key)) return false;
    if (t.key === cue.verb.lemma && !canPrecedeBaseVerb(doc, k - 1)) return false;
  }
  if (doc.tokens[k + 1]?.key === "tank") return false;
  // "the final say" is a noun; "the article read" is a past form spelt as the base.
  if (t.key === cue.verb.lemma && cue.verb.class !== "document" && singularBefore(doc, k)) return false;
  // "the plan proposed by the envoy": a passive participle reports no speech of its subject.
  return doc.tokens[k + 1]?.key !== "by";
}

const ARTICLES = words("articles");
const PLURALS_WITHOUT_S = words("plurals_without_s");
const PREPOSITIONS = words("prepositions");

/**
 * "the final say", "an indirect acknowledge": a base form right after an article and one word that
 * is no plural ("the people say") and no name is a noun, which a singular subject could not take.
 * The article must not follow a preposition, whose object is no subject.
 */
function singularBefore(doc: Doc, k: number): boolean {
  const word = doc.tokens[k - 1];
  if (word?.kind !== "word" || !ARTICLES.has(doc.tokens[k - 2]?.key ?? "")) return false;
  // "observers around the country say": the words after a preposition are no subject.
  if (PREPOSITIONS.has(doc.tokens[k - 3]?.key ?? "")) return false;
  if ((doc.tokenEntity[k - 1] ?? -1) >= 0) return false;
  return !looksPlural(word.key) && !PLURALS_WITHOUT_S.has(word.key);
}

/** Words after which a base form is a verb: "they claim", "to state", "did not report". */
const BEFORE_BASE_VERB = words("modals", "do", [
  "i",
  "you",
  "we",
  "they",
  "who",
  "that",
  "to",
  "not",
  "n't",
  "also",
  "often",
]);

function canPrecedeBaseVerb(doc: Doc, k: number): boolean {
  const t = doc.tokens[k] as Token;
  if (BEFORE_BASE_VERB.has(t.key) || (doc.tokenEntity[k] ?? -1) >= 0) return true;
  // "officials claim", "publicly state"; not an adjective in -ous ("his famous demand").
  return t.kind === "word" && !t.upper && (looksPlural(t.key) || t.key.endsWith("ly"));
}

/** A verb whose object is the listener ("told Clark"), never the speaker. */
export function takesListener(doc: Doc, k: number): boolean {
  return cueAt(doc.tokens, k)?.verb.class === "tell";
}

/** "Mr Mas said, according to Reuters": a speech verb and a comma right before token `k`. */
export function afterSpeechVerb(doc: Doc, k: number): boolean {
  return doc.tokens[k - 1]?.text === "," && k >= 2 && isSpeechVerb(doc, k - 2);
}

/** How far after "according to SOURCE," the verb of a clause with a subject of its own may stand: "…, Artur Mas said". */
const OWN_CLAUSE_REACH = 6;

/**
 * "According to Reuters, Mas said: …": whether a finite speech verb follows the source at `from`
 * (before `to`) closely enough to be its clause's own, not an infinitive ("to claim") or a
 * participle further on.
 */
export function speechVerbIn(doc: Doc, from: number, to: number): boolean {
  for (let j = from; j < Math.min(to, from + OWN_CLAUSE_REACH); j++) {
    if (doc.insideQuote((doc.tokens[j] as Token).start)) return false;
    if (isSpeechVerb(doc, j) && doc.tokens[j - 1]?.key !== "to") return true;
  }
  return false;
}
