/** A cue after a quote: `…," Burns said.`, `…," said Burns`, `…," Jeffrey Lewis of the James Martin Center wrote`. */

import type { Doc } from "../doc.ts";
import { BETWEEN_SUBJECT_AND_VERB, DETERMINERS } from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import { speakerAfter } from "../speakers/after-cue.ts";
import { appositionPerson } from "../speakers/apposition.ts";
import { speakerBefore } from "../speakers/before-cue.ts";
import { phraseBetween } from "../speakers/described.ts";
import {
  type Discourse,
  firstSpeaker,
  isPerson,
  type SpeakerRef,
  type SpeakerRule,
  spanOf,
} from "../speakers/rule.ts";
import type { QuotedRegion, Token } from "../types.ts";
import { type Attribution, attributed, type CueRule, cueOf } from "./attribution.ts";
import { pastContinuation, speechVerbAfter } from "./kinds.ts";
import { isSpeechVerb } from "./verbs.ts";

/** `…," Burns said`, `…," said Burns`: a speech verb after the quote and its speaker. */
const CUE_AFTER: CueRule = named("cue-after", { verb: true });
/** `…," according to a court filing by state attorney Dave Aronberg.` */
const ACCORDING_TO_AFTER: CueRule = named("according-to-after");

/** The words between a quote and the speech verb after it. */
interface BetweenQuoteAndCue {
  /** The first word after the quote (and its comma). */
  start: number;
  verb: number;
  /** The first comma before the verb, or the verb: where an apposition would open. */
  comma: number;
  discourse: Discourse;
}

/** Who the words between a quote and its speech verb name, in order. */
const BETWEEN_QUOTE_AND_CUE: ReadonlyArray<SpeakerRule<BetweenQuoteAndCue>> = [
  // "Trump lawyer Marc Kasowitz said", "Jeff Sessions, a close adviser to Trump, told": the last
  // person named before any apposition; a possessor or modifier is not ("Ryan's office said",
  // "one Trump campaign source said", "the Trump campaign explained").
  named("name-between-quote-and-cue", {
    find: (doc, { start, verb, comma }) => {
      const { tokens } = doc;
      for (let k = comma - 1; k >= start; k--) {
        const e = doc.tokenEntity[k];
        const next = tokens[k + 1] as Token | undefined;
        const modifies =
          next?.key === "'s" ||
          (k + 1 < verb &&
            (next as Token).kind === "word" &&
            !(next as Token).upper &&
            doc.tokenEntity[k + 1] !== e &&
            !BETWEEN_SUBJECT_AND_VERB.has((next as Token).key));
        if (!isPerson(doc, e) || modifies) continue;
        let first = k;
        while (first > start && doc.tokenEntity[first - 1] === e) first--;
        return { entity: e, span: spanOf(doc, first, k + 1) };
      }
      return undefined;
    },
  }),
  // `…," an intelligence source, who was not authorized to speak, told Fox News`: a description
  // before an apposition, unless the apposition names the person ("his wife, Gabriela Lazar,").
  named("description-before-apposition", {
    find: (doc, { start, verb, comma }) =>
      comma < verb && DETERMINERS.has((doc.tokens[start] as Token).key)
        ? (appositionPerson(doc, comma, verb) ?? phraseBetween(doc, start, comma))
        : undefined,
  }),
  named("subject-before-cue", {
    find: (doc, { start, verb, discourse }) => speakerBefore(doc, verb, start, discourse),
  }),
  named("phrase-before-cue", {
    find: (doc, { start, verb }) => phraseBetween(doc, start, verb),
  }),
];

/** `…," Burns said.` / `…," said Burns` / `…," according to X`: the cue after a quote, if any. */
export function trailingCue(doc: Doc, region: QuotedRegion, discourse: Discourse): Attribution | undefined {
  const { tokens } = doc;
  const after = doc.tokenAt(region.end);
  // The attribution starts after the quote and a comma outside it.
  const start = pastContinuation(doc, tokens[after]?.text === "," ? after + 1 : after);
  const according = accordingToAfter(doc, after, start, discourse);
  if (according) return according;
  const verb = speechVerbAfter(doc, after);
  if (verb === undefined || !isSpeechVerb(doc, verb, true)) return undefined;
  const sentence = doc.sentences[(tokens[verb] as Token).sentence];
  const limit = sentence?.last ?? tokens.length;
  if (opensNextQuote(doc, region, verb, limit)) return undefined;
  let speaker: SpeakerRef | undefined;
  if (verb === start) speaker = speakerAfter(doc, verb + 1, limit, discourse);
  // `…," drawing loud jeers and “BERNIE!” chants`: a participle after the quote opens no clause
  // with a subject of its own.
  else if (isParticiple(tokens[start] as Token)) return undefined;
  else {
    let comma = verb;
    for (let k = start + 1; k < verb; k++)
      if ((tokens[k] as Token).text === ",") {
        comma = k;
        break;
      }
    speaker = firstSpeaker(BETWEEN_QUOTE_AND_CUE, doc, { start, verb, comma, discourse });
  }
  if (!speaker) return undefined;
  return attributed(CUE_AFTER, speaker, cueOf(doc, verb), clauseEnd(doc, verb, limit));
}

/** `…," according to a court filing by state attorney Dave Aronberg.`: in the quote's sentence. */
function accordingToAfter(
  doc: Doc,
  after: number,
  start: number,
  discourse: Discourse,
): Attribution | undefined {
  const { tokens } = doc;
  const sameSentence = tokens[start]?.sentence === tokens[after - 1]?.sentence;
  if (!sameSentence || tokens[start]?.key !== "according" || tokens[start + 1]?.key !== "to")
    return undefined;
  const limit = doc.sentences[(tokens[start] as Token).sentence]?.last ?? tokens.length;
  const source = speakerAfter(doc, start + 2, limit, discourse);
  return source && attributed(ACCORDING_TO_AFTER, source, cueOf(doc, start, start + 2));
}

/**
 * `…?” Mills then writes back, “You look cute.”`: a quote closed by its own full stop or question
 * mark, and a cue that opens the next quote, belong to that next quote.
 */
function opensNextQuote(doc: Doc, region: QuotedRegion, verb: number, limit: number): boolean {
  const closed = /[.?!]\s*$/.test(doc.text.slice(region.inner.start, region.inner.end));
  const next = clauseEnd(doc, verb, limit);
  return (
    closed &&
    /^[,:]$/.test(doc.tokens[next - 1]?.text ?? "") &&
    doc.insideQuote((doc.tokens[next] as Token | undefined)?.start ?? -1)
  );
}

/** Whether a quote has a cue after it that is its own: after `,"` (not `."`) a speech verb and speaker. */
export function ownTrailingCue(doc: Doc, region: QuotedRegion, discourse: Discourse): boolean {
  return !closesSentence(doc, region) && trailingCue(doc, region, discourse) !== undefined;
}

/** Whether the quoted words end with a full stop: `"…."`, not `"…,"`. */
export function closesSentence(doc: Doc, region: QuotedRegion): boolean {
  return /[.…]["'”’]?$/.test(doc.text.slice(region.inner.start, region.inner.end).trimEnd());
}

function isParticiple(t: Token): boolean {
  return t.kind === "word" && !t.upper && t.key.length > 4 && /(?<!th)ing$/.test(t.key);
}

/** The token after an attribution clause: the next comma (or the sentence's end). */
function clauseEnd(doc: Doc, from: number, limit: number): number {
  for (let k = from; k < limit; k++) {
    const t = doc.tokens[k] as Token;
    if (t.text === "," || t.text === ":") return k + 1;
    if (t.text === "." || t.text === '"' || /[\u201c\u201d]/.test(doc.text[t.start] ?? "")) return k;
  }
  return limit;
}
