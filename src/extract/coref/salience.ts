/** How salient each actor is as a text goes on, for the pronouns that may stand for it. */

import type { Doc } from "../doc.ts";
import { cueAt } from "../lexicons.ts";
import type { Entity, Token } from "../types.ts";
import { words } from "../word-classes.ts";

/** Salience weights, after Lappin and Leass (1994): recent subjects and speakers are the likeliest antecedents. */
const WEIGHT = {
  mention: 30,
  subject: 130,
  speaker: 120,
  /** A mention inside a quotation is part of what someone said, not of the narrative. */
  quotedFactor: 0.1,
  /** Salience halves with every sentence. */
  decay: 0.3,
  /** Below this, nothing is salient enough to be an antecedent. */
  floor: 1,
};

/** He, she, they, and "it" as the subject of a speech verb: a state or a body ("it said"). */
export type Reference = "m" | "f" | "plural" | "it";

export function compatible(entity: Entity, reference: Reference): boolean {
  if (reference === "plural") return entity.kind !== "person" && entity.kind !== "state";
  if (reference === "it") return entity.kind === "state" || entity.kind === "organization";
  if (entity.kind !== "person") return false;
  return !entity.gender || entity.gender === reference;
}

/** A speech verb just after a mention ("Burns said", "Burns also said") or just before it ("noted NBC's Dante Chinni"). */
function besideSpeechVerb(doc: Doc, first: number, last: number): boolean {
  for (let k = last; k < Math.min(doc.tokens.length, last + 3); k++) {
    const key = (doc.tokens[k] as Token).key;
    if (cueAt(doc.tokens, k)) return true;
    if (key === "," || key === "." || key === '"') break;
  }
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    const key = (doc.tokens[k] as Token).key;
    if (cueAt(doc.tokens, k)) return true;
    if (key === "." || key === '"') break;
  }
  return false;
}

/** Words after a name that show it is not a clause's subject: a possessive, a preposition, a determiner. */
const NOT_AFTER_SUBJECT = words("articles", "demonstratives", "possessives_third", [
  "'s",
  "of",
  "in",
  "on",
  "at",
  "to",
  "for",
  "from",
  "with",
  "by",
  "about",
  "into",
  "over",
  "than",
  "as",
  "and",
  "or",
  "nor",
]);

export function looksLikeSubject(doc: Doc, last: number): boolean {
  let next = doc.tokens[last];
  if (!next) return false;
  // "Lee Zeldin of New York, a Trump supporter, said": a name's place or body comes before its verb.
  if ((next.key === "of" || next.key === "from") && doc.tokens[last + 1]?.upper) {
    let k = last + 1;
    while (doc.tokens[k]?.upper && doc.tokens[k]?.kind === "word") k++;
    next = doc.tokens[k];
    if (!next) return false;
  }
  // An apposition follows a subject: "Chris Christie, …" or "Chris Christie – a Cowboys fan – said".
  if ([",", "–", "—", "(", "--"].includes(next.text)) return true;
  if (next.kind === "punct" || next.upper) return false;
  return !NOT_AFTER_SUBJECT.has(next.key);
}

/** How salient each actor is as the text goes on: mentions add, sentences make it fade. */
export class Salience {
  private readonly scores = new Map<number, number>();
  private sentence = -1;
  private subjectSeen = false;

  constructor(private readonly doc: Doc) {}

  /** Moves to sentence `s`: what came before fades by a factor for each sentence passed. */
  enter(s: number): void {
    if (s === this.sentence) return;
    if (this.sentence >= 0)
      for (const [e, score] of this.scores) this.scores.set(e, score * WEIGHT.decay ** (s - this.sentence));
    this.sentence = s;
    this.subjectSeen = false;
  }

  bump(entity: number, first: number, last: number, quoted: boolean, adjective: boolean): void {
    let weight = WEIGHT.mention;
    // The subject: the first name of a narrating sentence that a verb follows ("Calderon
    // intimated"), not an adjective ("French Foreign Minister …"), a possessor ("Trump's
    // misinformation") or an object ("given Trump a shot").
    if (!this.subjectSeen && !quoted && !adjective && looksLikeSubject(this.doc, last)) {
      weight += WEIGHT.subject;
      this.subjectSeen = true;
    }
    if (!quoted && besideSpeechVerb(this.doc, first, last)) weight += WEIGHT.speaker;
    if (quoted) weight *= WEIGHT.quotedFactor;
    this.scores.set(entity, (this.scores.get(entity) ?? 0) + weight);
  }

  /** The most salient actor a pronoun of `reference` can stand for, above the floor. */
  best(reference: Reference): number | undefined {
    let best: { entity: number; score: number } | undefined;
    for (const [entity, score] of this.scores) {
      if (score < WEIGHT.floor || !compatible(this.doc.entities.get(entity), reference)) continue;
      if (!best || score > best.score) best = { entity, score };
    }
    return best?.entity;
  }
}
