import type { ActorKind, MentionForm } from "../contract.ts";
import type { GazetteerForm } from "../world/gazetteer.ts";

/** A half-open range of UTF-16 offsets into the stored text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export type TokenKind = "word" | "number" | "punct";

export interface Token extends Span {
  text: string;
  /** Lower case with diacritics and quotation-mark styles folded, for lexicon look-ups. */
  key: string;
  kind: TokenKind;
  /** Starts with an upper-case letter. */
  upper: boolean;
  sentence: number;
}

export interface Sentence extends Span {
  paragraph: number;
  /** Index of the first token and one past the last. */
  first: number;
  last: number;
  /** Cut for length, not ended by its punctuation: the next sentence goes on with it (a long list). */
  cut?: boolean;
}

/** A stretch of text naming or referring to an actor, and the rule that found it. */
export interface Mention extends Span {
  entity: number;
  /** What kind of expression: a name, a pronoun, a role noun phrase ("the Russian envoy"). */
  form: MentionForm;
  rule: string;
  /** For a name the gazetteer knows, the form it matched ("Serbian" is an adjective). */
  gazetteer?: GazetteerForm;
}

export interface Role {
  title: string;
  /** Index of the entity (state or organisation) the role is held for. */
  of?: number;
  span: Span;
  rule: string;
}

/** One real-world actor as this document refers to it. */
export interface Entity {
  name: string;
  kind: ActorKind;
  /** ISO 3166 code of a state; for a person or body, the state it acts for, when known. */
  country?: string;
  /** Gazetteer id of an organisation. */
  ref?: string;
  gender?: "m" | "f";
  aliases: Set<string>;
  roles: Role[];
  /** An unnamed speaker ("a senior official"), kept by its description. */
  unnamed?: boolean;
}

export interface Quote extends Span {
  kind: "direct" | "indirect";
  /** The pieces of a quote interrupted by its attribution: `"A," he said, "B"` has two. */
  spans: Span[];
  speaker?: number;
  /** The words that named the speaker in this attribution. */
  speakerSpan?: Span;
  cue?: string;
  cueSpan?: Span;
  rule: string;
  /** Attributed by a speech verb of its own (not a label, a colon or the context). */
  ownCue?: boolean;
  /** Words around a quoted fragment ('called Kosovo “a false state”'): the object of the speaker's verb, no clause with a subject of its own. */
  fragment?: boolean;
}

/** A date expression and its value at the precision the text gives: `2007-07-18`, `2008-02`, `2007`, `--02-18`. */
export interface DateMention extends Span {
  text: string;
  value: string;
  /** First and last day covered, for ranges such as "the second half of 2008" or "the 1990s". */
  range?: [string, string];
  rule: string;
  /** Gives the passage's year to a month and day named later without one ("in June 1999 … on June 12"). */
  narrative?: boolean;
  /** Its day is the day named last before it ("later that day"). */
  lastDay?: boolean;
}

/** A quoted stretch of text: where its marks are, and how it was closed. */
export interface QuotedRegion extends Span {
  /** The text between the marks. */
  inner: Span;
  paragraph: number;
  /** How the region ended: its closing mark, a mismatched single mark ("…’ he said"), or the paragraph's end. */
  closing: "mark" | "mismatch" | "cue-inside" | "paragraph-end";
  /** The previous region runs on into this one across a paragraph break (no closing mark there). */
  continues: boolean;
  style: "double" | "single";
}
