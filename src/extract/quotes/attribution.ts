/**
 * Who said a quote is read by attribution rules, each a named unit (a cue after the quote, a cue
 * before it, a transcript's label, the context); its id, put on the attribution by `attributed`, is
 * the first half of the rule `--explain` prints, the speaker rule's id the second.
 */

import type { Doc } from "../doc.ts";
import type { SpeakerRef } from "../speakers/rule.ts";
import type { Span, Token } from "../types.ts";

/** A named way of attributing a quote. */
export interface CueRule {
  readonly id: string;
  /** Attributed by a speech verb of its own ("said", "told"): never run on into the quote before. */
  readonly verb?: boolean;
}

/** A quote's speaker, the cue that gave it and the rule that read both. */
export interface Attribution {
  speaker: SpeakerRef;
  cue?: { text: string; span: Span };
  rule: CueRule;
  /**
   * Token after the attribution clause, where a second piece of a split quote may begin; for a
   * transcript's label, the character offset where the quoted words start after it (which the
   * split test reads as a token, so a labelled quote takes in the next quote of its paragraph).
   */
  resume?: number;
}

/** An attribution by a rule, with the rule's id stamped on it. */
export function attributed(
  rule: CueRule,
  speaker: SpeakerRef,
  cue?: { text: string; span: Span },
  resume?: number,
): Attribution {
  return { speaker, ...(cue ? { cue } : {}), rule, ...(resume !== undefined ? { resume } : {}) };
}

/** The words from token `k` to before `end` (one word unless told) as the cue of an attribution. */
export function cueOf(doc: Doc, k: number, end = k + 1): { text: string; span: Span } {
  const span = { start: (doc.tokens[k] as Token).start, end: (doc.tokens[end - 1] as Token).end };
  return { text: doc.text.slice(span.start, span.end), span };
}
