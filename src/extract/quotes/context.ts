/**
 * Speakers of quotes with no cue of their own: the subject of the narrating sentence a quote sits in,
 * the person narrated just before it, a report in its paragraph, or the previous quote's speaker.
 */

import { isTitleWord } from "../../world/offices.ts";
import { clauseStart, SUBORDINATORS, subjectStart } from "../clauses.ts";
import type { Doc } from "../doc.ts";
import { named } from "../rule-ids.ts";
import { speakerBefore } from "../speakers/before-cue.ts";
import { DESCRIPTION_UNNAMED } from "../speakers/described.ts";
import { type Discourse, stamp } from "../speakers/rule.ts";
import { participleSubject, sentenceSubject } from "../speakers/subject.ts";
import type { Quote, QuotedRegion, Token } from "../types.ts";
import { words } from "../word-classes.ts";
import { type Attribution, attributed, type CueRule, cueOf } from "./attribution.ts";
import { isSpeechVerb } from "./verbs.ts";

/** "Moore thanked him for “…”": the person a narrating sentence with no speech verb opens with. */
const SENTENCE_SUBJECT: CueRule = named("sentence-subject");
const NAME_OPENING_SENTENCE = named("name-opening-sentence");
/** "Dianne Bystrom agreed. “…”": the subject of the last speech verb in the paragraph (or the one before). */
const PARAGRAPH_SPEAKER: CueRule = named("paragraph-speaker");
/** "Quintanilla seemed taken aback. “Does that …?”": the person narrated just before the quote. */
const NARRATED_PERSON: CueRule = named("narrated-person");
/** A quote after another in its paragraph, with no cue of its own: the same speaker. */
const SAME_PARAGRAPH_SPEAKER: CueRule = named("same-paragraph-speaker");
/** A quote opening the paragraph after a quote, with no cue of its own: the same speaker. */
const PREVIOUS_PARAGRAPH_SPEAKER: CueRule = named("previous-paragraph-speaker");
const PREVIOUS = named("previous");
/** Subordinators that open no relative clause: "after", "because", "when". */
const CONJUNCTIONS = words("subordinators");

/**
 * A quote inside a narrating sentence with no speech verb ("Moore thanked him for “…”", "McCrory
 * blamed the court's “…”"): the person the sentence opens with, when a verb follows the name.
 */
export function embeddingSubject(doc: Doc, region: QuotedRegion): Attribution | undefined {
  const { tokens } = doc;
  const first = doc.tokenAt(region.start);
  const sentence = doc.sentences[(tokens[first] as Token | undefined)?.sentence ?? -1];
  if (!sentence) return undefined;
  // "In an August speech, Trump attacked “…”": the subject after an opener.
  let subject = subjectStart(doc, sentence.first, first);
  // "Gov. Pat McCrory (R) blamed the court's “…”": a title before the name, a party after it.
  while (subject < first && isTitleWord((tokens[subject] as Token).key)) subject++;
  if (first - subject < 3) return undefined;
  const e = doc.tokenEntity[subject] as number;
  if (e < 0 || doc.entities.get(e).kind !== "person") return undefined;
  let end = subject;
  while (doc.tokenEntity[end] === e) end++;
  let last = end;
  if (tokens[last]?.text === "(") while (last < first && tokens[last - 1]?.text !== ")") last++;
  const verb = tokens[last] as Token;
  if (verb.upper || verb.kind !== "word" || !/(?:ed|es|s)$/.test(verb.key) || last >= first) return undefined;
  const span = { start: (tokens[subject] as Token).start, end: (tokens[end - 1] as Token).end };
  return attributed(SENTENCE_SUBJECT, stamp(NAME_OPENING_SENTENCE, { entity: e, span }));
}

/**
 * A quote without a cue of its own: whoever spoke last before it, in its paragraph or, for a quote
 * opening its paragraph, in the one before: the previous quote's speaker or the subject of a
 * speech verb ("Dianne Bystrom agreed. "…""), whichever is nearer.
 */
export function speakerFromContext(
  doc: Doc,
  region: QuotedRegion,
  previous: Quote | undefined,
  discourse: Discourse,
): Attribution | undefined {
  const verb = paragraphSubject(doc, region, discourse);
  let quote: (Attribution & { at: number }) | undefined;
  if (previous?.speaker !== undefined) {
    const prevParagraph =
      doc.sentences[(doc.tokens[doc.tokenAt(previous.start)] as Token).sentence]?.paragraph ?? -9;
    if (region.paragraph - prevParagraph <= 1) {
      const span = previous.speakerSpan ?? { start: previous.start, end: previous.start };
      const rule = region.paragraph === prevParagraph ? SAME_PARAGRAPH_SPEAKER : PREVIOUS_PARAGRAPH_SPEAKER;
      quote = {
        ...attributed(rule, stamp(PREVIOUS, { entity: previous.speaker, span })),
        at: doc.tokenAt(previous.end),
      };
    }
  }
  // An unnamed group reported in the paragraph ("local officials said they welcome …") rarely
  // speaks the quote after it; a named speaker before it does.
  const byName = verb && verb.speaker.rule !== DESCRIPTION_UNNAMED;
  if (verb && byName && (!quote || verb.at > quote.at)) return verb;
  // "Quintanilla seemed taken aback. “Does that …?”": with no report nearer, a person narrated
  // just before the quote speaks it rather than the last quote's speaker.
  const narrated = narratedPerson(doc, region, discourse);
  if (narrated && (!quote || narrated.at > quote.at)) return narrated;
  return quote ?? verb;
}

/** The person a narrating sentence right before a quote is about: its subject, in the quote's paragraph or the one before. */
function narratedPerson(
  doc: Doc,
  region: QuotedRegion,
  discourse: Discourse,
): (Attribution & { at: number }) | undefined {
  const before = doc.tokens[doc.tokenAt(region.start) - 1];
  if (!before || doc.insideQuote(before.start)) return undefined;
  const sentence = doc.sentences[before.sentence];
  if (!sentence || region.paragraph - sentence.paragraph > 1) return undefined;
  const subject = sentenceSubject(
    doc,
    sentence.first,
    Math.min(sentence.last, doc.tokenAt(region.start)),
    discourse,
  );
  if (!subject || subject.rule === DESCRIPTION_UNNAMED) return undefined;
  // `Biden “kind of misspoke.”`: a quote right after its subject is said of them, not by them.
  if (subject.span.end === before.end) return undefined;
  const entity = doc.entities.get(subject.entity);
  if (entity.kind !== "person" || entity.unnamed) return undefined;
  return { ...attributed(NARRATED_PERSON, subject), at: sentence.first };
}

function paragraphSubject(
  doc: Doc,
  region: QuotedRegion,
  discourse: Discourse,
): (Attribution & { at: number }) | undefined {
  const para = doc.paragraphs[region.paragraph];
  if (!para) return undefined;
  let first = doc.tokenAt(para.start);
  const from = doc.tokenAt(region.start) - 1;
  // A quote opening its paragraph may continue what the paragraph before reported.
  const previous = doc.paragraphs[region.paragraph - 1];
  if (from < first && previous) first = doc.tokenAt(previous.start);
  for (let k = from; k >= first; k--) {
    if (!isSpeechVerb(doc, k) || doc.insideQuote((doc.tokens[k] as Token).start)) continue;
    const floor = doc.sentences[(doc.tokens[k] as Token).sentence]?.first ?? first;
    // "…," Trump assured Jones, after Jones assured Trump that …: a subordinate clause's report
    // does not introduce the quote after it; "reinforced by Peter Costello, who told ABC radio
    // that …" does: a relative clause after a comma tells what the person named before it said.
    const opener = clauseStart(doc, k, floor);
    const key = (doc.tokens[opener] as Token).key;
    const relative = !CONJUNCTIONS.has(key) && doc.tokens[opener - 1]?.text === ",";
    if (SUBORDINATORS.has(key) && !relative) continue;
    // "The senator emailed supporters saying: …": a participle's speaker is its clause's subject.
    const participle = (doc.tokens[k] as Token).key.endsWith("ing") && k > floor;
    const speaker =
      (participle ? participleSubject(doc, floor, k, discourse) : undefined) ??
      speakerBefore(doc, k, floor, discourse);
    if (speaker) return { ...attributed(PARAGRAPH_SPEAKER, speaker, cueOf(doc, k)), at: k };
  }
  return undefined;
}
