/** A cue before a quote: `Burns told the daily newspaper Koha Ditore, "…"`, `confirmed the position, saying, "…"`, `Kerry: "…"`. */

import { offices } from "../../world/offices.ts";
import { clauseStart, SUBORDINATORS } from "../clauses.ts";
import type { Doc } from "../doc.ts";
import { cueAt } from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import { speakerAfter } from "../speakers/after-cue.ts";
import { speakerBefore } from "../speakers/before-cue.ts";
import { type Discourse, isPerson, type SpeakerRef, spanOf, stamp } from "../speakers/rule.ts";
import { passiveAgentBefore, sentenceSubject } from "../speakers/subject.ts";
import type { QuotedRegion, Token } from "../types.ts";
import { type Attribution, attributed, type CueRule, cueOf } from "./attribution.ts";
import { afterSpeechVerb, isSpeechVerb, speechVerbIn, takesListener } from "./verbs.ts";

/** "According to Limbaugh, "…"". */
const ACCORDING_TO: CueRule = named("according-to");
/** "Sanders was asked by host Bill Maher, …, “…”": the agent of a passive speech verb speaks. */
const CUE_BEFORE_PASSIVE: CueRule = named("cue-before-passive", { verb: true });
/** "interrupted me in mid-sentence to announce, “…”": an infinitive's speaker is the clause's subject. */
const CUE_BEFORE_INFINITIVE: CueRule = named("cue-before-infinitive", { verb: true });
/** "confirmed the position, saying, “…”": a participle takes the subject of the clause it hangs on. */
const CUE_BEFORE_PARTICIPLE: CueRule = named("cue-before-participle", { verb: true });
/** "Burns told the paper, “…”", "said Burns: “…”". */
const CUE_BEFORE: CueRule = named("cue-before", { verb: true });
/** `Kerry: "…"`: a name before a colon. */
const COLON: CueRule = named("colon");
/** `Sanders made the following comment: "…"`: the subject of the clause before a colon. */
const COLON_CLAUSE_SUBJECT: CueRule = named("colon-clause-subject");
/** "footage of Hillary Clinton asking, “…”": a person right before the participle is its subject. */
const NAME_BEFORE_PARTICIPLE = named("name-before-participle");

/** Prepositions opening a heading before a colon: "On trade:", "About Wall Street:". */
const TOPIC_OPENERS = new Set(["on", "about", "regarding", "re", "concerning"]);

/** A word before a quote, in the quote's sentence (from `floor`), that may be its cue. */
interface Before {
  k: number;
  /** The quote's first token. */
  first: number;
  floor: number;
  discourse: Discourse;
}

/**
 * The ways a word before a quote makes it someone's, in order: an attribution, `null` when the
 * word is no cue or names no one (the word before is tried next), or undefined to try the next way.
 */
const CUES_BEFORE: ReadonlyArray<(doc: Doc, at: Before) => Attribution | null | undefined> = [
  passiveCue,
  (doc, { k }) =>
    !isSpeechVerb(doc, k) || doc.insideQuote((doc.tokens[k] as Token).start) ? null : undefined,
  infinitiveCue,
  participleCue,
  plainCue,
];

/** The cue before a quote in its sentence (or a colon closing the paragraph before), if any. */
export function leadingCue(doc: Doc, region: QuotedRegion, discourse: Discourse): Attribution | undefined {
  const { tokens } = doc;
  const first = doc.tokenAt(region.start);
  const sentence = doc.sentences[(tokens[first] as Token | undefined)?.sentence ?? -1];
  if (!sentence) return undefined;
  let floor = sentence.first;
  const intro = tokens[first - 1];
  if (!intro) return undefined;
  if (first - 1 < floor) {
    // A paragraph ending in a colon introduces the quote that opens the next one.
    if (intro.text !== ":") return undefined;
    floor = doc.sentences[intro.sentence]?.first ?? floor;
  }
  const according = accordingTo(doc, first, floor, discourse);
  if (according) return according;
  for (let k = first - 1; k >= floor; k--) {
    for (const cue of CUES_BEFORE) {
      const found = cue(doc, { k, first, floor, discourse });
      if (found) return found;
      if (found === null) break;
    }
  }
  return intro.text === ":" ? colonCue(doc, first, floor, discourse) : undefined;
}

function accordingTo(doc: Doc, first: number, floor: number, discourse: Discourse): Attribution | undefined {
  const { tokens } = doc;
  for (let k = first - 2; k >= Math.max(floor, first - 8); k--) {
    if ((tokens[k] as Token).key !== "according" || tokens[k + 1]?.key !== "to") continue;
    // "Mr Mas said, according to Reuters: “…”": the source reports the words of the verb's subject.
    if (afterSpeechVerb(doc, k)) return undefined;
    const speaker = speakerAfter(doc, k + 2, first, discourse);
    // "According to Reuters, Mas said: “…”": a speech verb after the source has a speaker of its own.
    if (speaker && speechVerbIn(doc, doc.tokenAt(speaker.span.end), first)) return undefined;
    if (speaker) return attributed(ACCORDING_TO, speaker, cueOf(doc, k, k + 2));
  }
  return undefined;
}

function passiveCue(doc: Doc, { k, first, discourse }: Before): Attribution | undefined {
  const { tokens } = doc;
  const passive = tokens[k + 1]?.key === "by" ? cueAt(tokens, k)?.verb.class : undefined;
  if (passive !== "ask" && passive !== "say" && passive !== "tell") return undefined;
  if (doc.insideQuote((tokens[k] as Token).start)) return undefined;
  const agent = speakerAfter(doc, k + 2, first, discourse);
  return agent && attributed(CUE_BEFORE_PASSIVE, agent, cueOf(doc, k));
}

function infinitiveCue(doc: Doc, { k, floor, discourse }: Before): Attribution | null | undefined {
  if (doc.tokens[k - 1]?.key !== "to" || k - 1 <= floor) return undefined;
  const subject = sentenceSubject(doc, floor, k - 1, discourse);
  return subject ? attributed(CUE_BEFORE_INFINITIVE, subject, cueOf(doc, k)) : null;
}

function participleCue(doc: Doc, { k, floor, discourse }: Before): Attribution | null | undefined {
  if (!(doc.tokens[k] as Token).key.endsWith("ing")) return undefined;
  const own = doc.tokenEntity[k - 1] as number;
  if (k - 1 >= floor && isPerson(doc, own)) {
    let from = k - 1;
    while (from > floor && doc.tokenEntity[from - 1] === own) from--;
    const speaker = stamp(NAME_BEFORE_PARTICIPLE, { entity: own, span: spanOf(doc, from, k) });
    return attributed(CUE_BEFORE_PARTICIPLE, speaker, cueOf(doc, k));
  }
  const subject =
    passiveAgentBefore(doc, k, floor) ??
    reportBefore(doc, k, floor, discourse) ??
    sentenceSubject(doc, floor, k, discourse);
  return subject ? attributed(CUE_BEFORE_PARTICIPLE, subject, cueOf(doc, k)) : null;
}

function plainCue(doc: Doc, { k, first, floor, discourse }: Before): Attribution | null {
  // "says of Clinton": the name after "of" is the topic; after "told", the listener.
  const inverted = !takesListener(doc, k) && doc.tokens[k + 1]?.key !== "of";
  const speaker =
    speakerBefore(doc, k, floor, discourse) ??
    (inverted ? speakerAfter(doc, k + 1, first, discourse) : undefined);
  return speaker ? attributed(CUE_BEFORE, speaker, cueOf(doc, k)) : null;
}

/**
 * A colon after a name (`Kerry: "…"`) or after a clause about its subject (`Sanders made the
 * following comment: "…"`). "On Wall Street: “…”": a heading naming the topic of the quote, not its
 * speaker, who is found from the context.
 */
function colonCue(doc: Doc, first: number, floor: number, discourse: Discourse): Attribution | undefined {
  const { tokens } = doc;
  if (TOPIC_OPENERS.has((tokens[clauseStart(doc, first - 1, floor)] as Token).key)) return undefined;
  // "McConnell delivered a blunt message to Trump:": a name after a preposition or verb is the
  // clause's object, and its subject speaks.
  const entity = doc.tokenEntity[first - 2] ?? -1;
  let start = first - 2;
  while (entity >= 0 && start > floor && doc.tokenEntity[start - 1] === entity) start--;
  const before = tokens[start - 1];
  const titles = offices();
  const object =
    before !== undefined &&
    start > floor &&
    before.kind === "word" &&
    !before.upper &&
    !titles.lastWords.has(before.key) &&
    !titles.modifiers.has(before.key);
  const speaker = entity >= 0 && !object ? speakerBefore(doc, first - 1, floor, discourse) : undefined;
  if (speaker) return attributed(COLON, speaker);
  // "The scheduling was so odd that a spokesman for Bernie Sanders could only quip:": the clause
  // nearest the colon has the speaker.
  let clause = floor;
  for (let k = first - 2; k > floor; k--)
    if ((tokens[k] as Token).key === "that" && !doc.insideQuote((tokens[k] as Token).start)) {
      clause = k + 1;
      break;
    }
  const subject =
    (clause > floor ? sentenceSubject(doc, clause, first - 1, discourse) : undefined) ??
    sentenceSubject(doc, floor, first - 1, discourse);
  return subject && attributed(COLON_CLAUSE_SUBJECT, subject);
}

/**
 * A participle right after a report hangs on it: "Ryan and Trump will meet next week, Spicer said,
 * adding, …" is Spicer's, whoever the sentence opened with.
 */
function reportBefore(doc: Doc, k: number, floor: number, discourse: Discourse): SpeakerRef | undefined {
  const { tokens } = doc;
  if (tokens[k - 1]?.text !== ",") return undefined;
  const verb = k - 2;
  if (verb > floor && isSpeechVerb(doc, verb) && !doc.insideQuote((tokens[verb] as Token).start)) {
    // ", as some analysts have suggested, saying": a subordinate report is not what the participle hangs on.
    if (SUBORDINATORS.has((tokens[clauseStart(doc, verb, floor)] as Token).key)) return undefined;
    return speakerBefore(doc, verb, floor, discourse);
  }
  // "…, said Spicer, adding": the name after the verb.
  for (let v = k - 3; v >= Math.max(floor, k - 5); v--) {
    if (!isSpeechVerb(doc, v) || doc.insideQuote((tokens[v] as Token).start)) continue;
    const reporter = speakerAfter(doc, v + 1, k - 1, discourse);
    const person = reporter && doc.entities.get(reporter.entity);
    return person?.kind === "person" && !person.unnamed && reporter?.span.end === (tokens[k - 2] as Token).end
      ? reporter
      : undefined;
  }
  return undefined;
}
