/**
 * Speakers are read by rules: each a named unit that reads one pattern of words at a place and
 * says whom they name. Rules are tried in an explicit order (a list per place: before a cue, after
 * an inverted cue, a clause's subject) and the first that applies decides. A rule's id is defined
 * once (`named`, rule-ids.ts) and put on a result only by `stamp`, with that rule's own object, so
 * the id `--explain` prints leads to exactly one rule.
 */

import type { Doc } from "../doc.ts";
import type { Span, Token } from "../types.ts";

/** Whom a stretch of text names, and where. */
export interface Found {
  entity: number;
  span: Span;
}

/** A speaker and the rule that read it. */
export interface SpeakerRef extends Found {
  rule: { readonly id: string };
}

/**
 * What a rule says at a place: a speaker it read (`Found`), one another list read for it (a
 * `SpeakerRef`, keeping that rule), `null` when it applies and names no one (no later rule may
 * try), or `undefined` when it does not apply.
 */
export type Outcome = Found | SpeakerRef | null | undefined;

export interface SpeakerRule<At> {
  readonly id: string;
  find(doc: Doc, at: At): Outcome;
}

/** What speaker resolution remembers while walking through a document: the quotes' speakers so far. */
export interface Discourse {
  /** Speakers of the quotes attributed so far, with the token where each was attributed. */
  speakers: Array<{ entity: number; token: number; paragraph: number }>;
}

/** A rule's result with its id stamped on it, or another list's result as it came. */
export function stamp(rule: { readonly id: string }, outcome: Found | SpeakerRef): SpeakerRef {
  return "rule" in outcome ? outcome : { ...outcome, rule };
}

/** The first rule of the list that applies, in order; its result, or undefined. */
export function firstSpeaker<At>(
  rules: ReadonlyArray<SpeakerRule<At>>,
  doc: Doc,
  at: At,
): SpeakerRef | undefined {
  for (const rule of rules) {
    const outcome = rule.find(doc, at);
    if (outcome === null) return undefined;
    if (outcome !== undefined) return stamp(rule, outcome);
  }
  return undefined;
}

/** The span from token `first` to before token `last`. */
export function spanOf(doc: Doc, first: number, last: number): Span {
  return { start: (doc.tokens[first] as Token).start, end: (doc.tokens[last - 1] as Token).end };
}

/** The entity a name mention ending at token `last` (exclusive) refers to, with its first token. */
export function nameEndingAt(doc: Doc, last: number): { entity: number; first: number } | undefined {
  const entity = doc.tokenEntity[last - 1];
  if (entity === undefined || entity < 0) return undefined;
  let first = last - 1;
  while (first > 0 && doc.tokenEntity[first - 1] === entity) first--;
  return { entity, first };
}

/** Whether the entity is a person (not a state, body or group). */
export function isPerson(doc: Doc, entity: number | undefined): entity is number {
  return entity !== undefined && entity >= 0 && doc.entities.get(entity).kind === "person";
}
