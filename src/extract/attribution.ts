import { keyOf } from "../world/fold.ts";
import { isTitleWord, offices } from "../world/offices.ts";
import { clauseStart, SUBORDINATORS } from "./clauses.ts";
import { embeddingSubject, speakerFromContext } from "./context.ts";
import type { Doc } from "./doc.ts";
import { BETWEEN_SUBJECT_AND_VERB, cueAt, DETERMINERS } from "./lexicons.ts";
import { classifyRegion, type RegionKind, speechVerbAfter } from "./quote-kinds.ts";
import {
  appositionPerson,
  type Discourse,
  phraseBetween,
  type SpeakerRef,
  sentenceSubject,
  speakerAfter,
  speakerBefore,
} from "./speakers.ts";
import { type Attribution, cueOf, isSpeechVerb, takesListener } from "./speech-verb-use.ts";
import { familyName } from "./surnames.ts";
import type { Quote, QuotedRegion, Span, Token } from "./types.ts";

/**
 * Direct quotes with their speakers, by a sieve of rules tried in order: a cue after the quote
 * (`," Burns said`, `," said Will Doyle`), a cue before it (`Burns told the paper, "`, `saying, "`,
 * a colon), a split quote (`"A," he said, "B"` is one quote), a quote continuing the paragraph's or
 * the previous paragraph's quote, then the subject of the last speech verb in the paragraph.
 */
export function attributeQuotes(
  doc: Doc,
  regions: QuotedRegion[],
): { quotes: Quote[]; kinds: Map<QuotedRegion, RegionKind> } {
  const kinds = new Map<QuotedRegion, RegionKind>();
  for (const region of regions) kinds.set(region, classifyRegion(doc, region));
  const discourse: Discourse = { speakers: [] };
  const quotes: Quote[] = [];
  const used = new Set<QuotedRegion>();
  const speech = regions.filter((r) => kinds.get(r) === "speech");
  for (let i = 0; i < speech.length; i++) {
    const region = speech[i] as QuotedRegion;
    if (used.has(region)) continue;
    used.add(region);
    const previous = quotes[quotes.length - 1];
    // A quote running on from the paragraph before is the same quote, one more piece, unless a
    // transcript's speaker label opens it ("PENCE: …").
    const label = speakerLabel(doc, region);
    // …nor when it has a cue of its own (`“…,” added Rep. Jim Clyburn`).
    if (region.continues && previous && !label && !ownTrailingCue(doc, region, discourse)) {
      previous.spans.push({ start: region.start, end: region.end });
      previous.end = region.end;
      continue;
    }
    const spans: Span[] = [{ start: label?.resume ?? region.start, end: region.end }];
    let found = label ?? chooseCue(doc, region, discourse);
    // A split quote: the piece after `," he said, "` belongs to the same quote.
    const next = speech[i + 1];
    // Not when that piece has a cue of its own: `"A," said Susan Collins. "B," added Rep. Cathy
    // McMorris Rodgers.`
    if (
      found?.resume !== undefined &&
      next &&
      next.paragraph === region.paragraph &&
      doc.tokenAt(next.start) <= found.resume + 1 &&
      !ownTrailingCue(doc, next, discourse)
    ) {
      spans.push({ start: next.start, end: next.end });
      used.add(next);
      i++;
    }
    found ??= embeddingSubject(doc, region) ?? speakerFromContext(doc, region, previous, discourse);
    const quote: Quote = {
      start: (spans[0] as Span).start,
      end: (spans[spans.length - 1] as Span).end,
      kind: "direct",
      spans,
      rule: found ? `${found.rule}/${found.speaker.rule}` : "no-speaker",
    };
    if (found) {
      quote.speaker = found.speaker.entity;
      quote.speakerSpan = found.speaker.span;
      if (found.cue) {
        quote.cue = found.cue.text;
        quote.cueSpan = found.cue.span;
      }
      discourse.speakers.push({
        entity: found.speaker.entity,
        token: doc.tokenAt(region.start),
        paragraph: region.paragraph,
      });
    }
    quotes.push(quote);
  }
  return { quotes: mergeRuns(doc, quotes), kinds };
}

const MAX_MERGE_GAP = 160;

/**
 * Consecutive direct quotes of one speaker in one paragraph, with only their attribution between
 * them (`"A," said X, who runs Y. "B"`), are one attribution: one quote with several spans. A
 * quote with a cue of its own is an attribution of its own (`"A," he said, adding, "B"`).
 */
function mergeRuns(doc: Doc, quotes: Quote[]): Quote[] {
  const out: Quote[] = [];
  for (const quote of quotes) {
    const prev = out[out.length - 1];
    const gap = prev ? doc.text.slice(prev.end, quote.start) : "";
    if (
      prev &&
      prev.speaker !== undefined &&
      prev.speaker === quote.speaker &&
      gap.length <= MAX_MERGE_GAP &&
      !gap.includes("\n") &&
      quote.start >= prev.end &&
      !quote.rule.startsWith("cue-")
    ) {
      prev.spans.push(...quote.spans);
      prev.end = quote.end;
      continue;
    }
    out.push(quote);
  }
  return out;
}

/**
 * The cue after a quote wins when the quote ends in a comma, question or exclamation mark
 * (`," he said`); a quote ending a sentence with a full stop takes the cue that introduced it
 * (`Limbaugh continued: "…."`), if there is one.
 */
function chooseCue(doc: Doc, region: QuotedRegion, discourse: Discourse): Attribution | undefined {
  const dash = dashAttribution(doc, region);
  if (dash) return dash;
  const candidate = trailingCue(doc, region, discourse);
  // `…," adding that …`: a participle after the quote hangs on the clause before it.
  const trailing = candidate?.cue && /ing$/i.test(candidate.cue.text) ? undefined : candidate;
  if (trailing && !closesSentence(doc, region)) return trailing;
  return leadingCue(doc, region, discourse) ?? trailing;
}

/** Whether a quote has a cue after it that is its own: after `,"` (not `."`) a speech verb and speaker. */
function ownTrailingCue(doc: Doc, region: QuotedRegion, discourse: Discourse): boolean {
  return !closesSentence(doc, region) && trailingCue(doc, region, discourse) !== undefined;
}

/** Whether the quoted words end with a full stop: `"…."`, not `"…,"`. */
function closesSentence(doc: Doc, region: QuotedRegion): boolean {
  return /[.…]["'”’]?$/.test(doc.text.slice(region.inner.start, region.inner.end).trimEnd());
}

/**
 * A transcript's speaker label opening the quoted text: `"PENCE: Well, look, …"`. The label names
 * the speaker (a person of the document with that surname, else a person of that name) and the
 * quote starts after it (`resume` holds that offset).
 */
function speakerLabel(doc: Doc, region: QuotedRegion): (Attribution & { resume: number }) | undefined {
  const inner = doc.text.slice(region.inner.start, region.inner.start + 40);
  const match = /^\s*((?:\p{Lu}[\p{Lu}'’.-]+)(?: \p{Lu}[\p{Lu}'’.-]+){0,2}):\s+/u.exec(inner);
  if (!match?.[1]) return undefined;
  const label = match[1];
  const key = keyOf(label);
  const known = doc.entities.list.findIndex(
    (e) => e.kind === "person" && familyName(e.name) === key.split(" ").pop(),
  );
  const name = label.toLowerCase().replace(/(^|[\s'’-])\p{Ll}/gu, (c) => c.toUpperCase());
  const entity = known >= 0 ? known : doc.entities.person(name);
  const start = region.inner.start + inner.indexOf(label);
  const span = { start, end: start + label.length };
  return {
    speaker: { entity, span, rule: "transcript-label" },
    rule: "label",
    resume: region.inner.start + match[0].length,
  };
}

/** `"…" ― Pamela Padilla` or `"…" —Trump`: a dash and a name after the quote. */
function dashAttribution(doc: Doc, region: QuotedRegion): Attribution | undefined {
  const after = doc.text.slice(region.end, region.end + 4);
  const match = /^\s*[―—–-]+\s*/.exec(after);
  if (!match) return undefined;
  let k = doc.tokenAt(region.end + match[0].length);
  // "—President Obama, tweeting after …": past the title to the name.
  for (let n = 0; n < 3 && (doc.tokenEntity[k] ?? -1) < 0 && titleOrStop(doc.tokens[k]); n++) k++;
  const entity = doc.tokenEntity[k];
  if (entity === undefined || entity < 0) return undefined;
  let last = k;
  while (doc.tokenEntity[last] === entity) last++;
  const span = { start: (doc.tokens[k] as Token).start, end: (doc.tokens[last - 1] as Token).end };
  return { speaker: { entity, span, rule: "name-after-dash" }, rule: "dash" };
}

const titleOrStop = (t: Token | undefined) => t !== undefined && (t.text === "." || isTitleWord(t.key));

/** `…," Burns said.` / `…," said Burns` / `…," Jeffrey Lewis of the James Martin Center wrote`. */
function trailingCue(doc: Doc, region: QuotedRegion, discourse: Discourse): Attribution | undefined {
  const { tokens } = doc;
  const after = doc.tokenAt(region.end);
  // The attribution starts after the quote and a comma outside it.
  const start = tokens[after]?.text === "," ? after + 1 : after;
  // `…," according to a court filing by state attorney Dave Aronberg.`
  const sameSentence = tokens[start]?.sentence === tokens[after - 1]?.sentence;
  if (sameSentence && tokens[start]?.key === "according" && tokens[start + 1]?.key === "to") {
    const limit = doc.sentences[(tokens[start] as Token).sentence]?.last ?? tokens.length;
    const source = speakerAfter(doc, start + 2, limit, discourse);
    if (source) return { speaker: source, cue: cueOf(doc, start, start + 2), rule: "according-to" };
  }
  const verb = speechVerbAfter(doc, after);
  if (verb === undefined || !isSpeechVerb(doc, verb, true)) return undefined;
  const sentence = doc.sentences[(tokens[verb] as Token).sentence];
  const limit = sentence?.last ?? tokens.length;
  // `…?” Mills then writes back, “You look cute.”`: a quote closed by its own full stop or question
  // mark, and a cue that opens the next quote, belong to that next quote.
  const closed = /[.?!]\s*$/.test(doc.text.slice(region.inner.start, region.inner.end));
  const opensNext = clauseEnd(doc, verb, limit);
  if (
    closed &&
    /^[,:]$/.test(tokens[opensNext - 1]?.text ?? "") &&
    doc.insideQuote((tokens[opensNext] as Token | undefined)?.start ?? -1)
  )
    return undefined;
  let speaker: SpeakerRef | undefined;
  if (verb === start) speaker = speakerAfter(doc, verb + 1, limit, discourse);
  // `…," drawing loud jeers and “BERNIE!” chants`: a participle after the quote opens no clause
  // with a subject of its own.
  else if (isParticiple(tokens[start] as Token)) return undefined;
  else {
    // The last person named between the quote and the verb is the speaker ("Trump lawyer Marc
    // Kasowitz said"), before any apposition ("Jeff Sessions, a close adviser to Trump, told");
    // else the subject before the verb.
    let end = verb;
    for (let k = start + 1; k < verb; k++)
      if ((tokens[k] as Token).text === ",") {
        end = k;
        break;
      }
    for (let k = end - 1; k >= start && !speaker; k--) {
      const e = doc.tokenEntity[k];
      // A possessor or modifier is not the speaker: "Ryan's office said", "one Trump campaign
      // source said", "the Trump campaign explained".
      const modifies =
        tokens[k + 1]?.key === "'s" ||
        (k + 1 < verb &&
          (tokens[k + 1] as Token).kind === "word" &&
          !(tokens[k + 1] as Token).upper &&
          doc.tokenEntity[k + 1] !== e &&
          !BETWEEN_SUBJECT_AND_VERB.has((tokens[k + 1] as Token).key));
      if (e !== undefined && e >= 0 && doc.entities.get(e).kind === "person" && !modifies) {
        let first = k;
        while (first > start && doc.tokenEntity[first - 1] === e) first--;
        speaker = {
          entity: e,
          span: { start: (tokens[first] as Token).start, end: (tokens[k] as Token).end },
          rule: "name-before-cue",
        };
      }
    }
    // `…," an intelligence source, who was not authorized to speak, told Fox News`: a description
    // before an apposition, unless the apposition names the person ("his wife, Gabriela Lazar,").
    if (!speaker && end < verb && DETERMINERS.has((tokens[start] as Token).key))
      speaker = appositionPerson(doc, end, verb) ?? phraseBetween(doc, start, end);
    speaker ??= speakerBefore(doc, verb, start, discourse) ?? phraseBetween(doc, start, verb);
  }
  if (!speaker) return undefined;
  return { speaker, cue: cueOf(doc, verb), rule: "cue-after", resume: clauseEnd(doc, verb, limit) };
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

/** `Burns told the daily newspaper Koha Ditore, "…"` / `confirmed the position, saying, "…"` / `Kerry: "…"`. */
function leadingCue(doc: Doc, region: QuotedRegion, discourse: Discourse): Attribution | undefined {
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
  // "According to Limbaugh, "…"".
  for (let k = first - 2; k >= Math.max(floor, first - 8); k--) {
    if ((tokens[k] as Token).key === "according" && tokens[k + 1]?.key === "to") {
      const speaker = speakerAfter(doc, k + 2, first, discourse);
      if (speaker) return { speaker, cue: cueOf(doc, k, k + 2), rule: "according-to" };
    }
  }
  for (let k = first - 1; k >= floor; k--) {
    // "Sanders was asked by host Bill Maher, …, “…”": the agent of a passive speech verb speaks.
    const passive = tokens[k + 1]?.key === "by" ? cueAt(tokens, k)?.verb.class : undefined;
    if (
      (passive === "ask" || passive === "say" || passive === "tell") &&
      !doc.insideQuote((tokens[k] as Token).start)
    ) {
      const agent = speakerAfter(doc, k + 2, first, discourse);
      if (agent) return { speaker: agent, cue: cueOf(doc, k), rule: "cue-before-passive" };
    }
    if (!isSpeechVerb(doc, k) || doc.insideQuote((tokens[k] as Token).start)) continue;
    const t = tokens[k] as Token;
    // "interrupted me in mid-sentence to announce, “…”": an infinitive's speaker is the clause's subject.
    if (tokens[k - 1]?.key === "to" && k - 1 > floor) {
      const subject = sentenceSubject(doc, floor, k - 1, discourse);
      if (subject) return { speaker: subject, cue: cueOf(doc, k), rule: "cue-before-infinitive" };
      continue;
    }
    // A participle ("saying,") takes the subject of the clause it hangs on.
    if (t.key.endsWith("ing")) {
      // "footage of Hillary Clinton asking": a person right before the participle is its subject.
      const own = doc.tokenEntity[k - 1] as number;
      if (k - 1 >= floor && own >= 0 && doc.entities.get(own).kind === "person") {
        let from = k - 1;
        while (from > floor && doc.tokenEntity[from - 1] === own) from--;
        const speaker = {
          entity: own,
          span: { start: (tokens[from] as Token).start, end: (tokens[k - 1] as Token).end },
          rule: "name-before-cue",
        };
        return { speaker, cue: cueOf(doc, k), rule: "cue-before-participle" };
      }
      const subject = reportBefore(doc, k, floor, discourse) ?? sentenceSubject(doc, floor, k, discourse);
      if (subject) return { speaker: subject, cue: cueOf(doc, k), rule: "cue-before-participle" };
      continue;
    }
    // "says of Clinton": the name after "of" is the topic; after "told", the listener.
    const inverted = !takesListener(doc, k) && tokens[k + 1]?.key !== "of";
    const speaker =
      speakerBefore(doc, k, floor, discourse) ??
      (inverted ? speakerAfter(doc, k + 1, first, discourse) : undefined);
    if (speaker) return { speaker, cue: cueOf(doc, k), rule: "cue-before" };
  }
  // A colon after a name (`Kerry: "…"`) or after a clause about its subject (`Sanders made the following comment: "…"`).
  // "On Wall Street: “…”", "On Russia:": a heading naming the topic of the quote that follows, not
  // its speaker, who is found from the context.
  if (intro.text === ":" && TOPIC_OPENERS.has((tokens[clauseStart(doc, first - 1, floor)] as Token).key))
    return undefined;
  if (intro.text === ":") {
    // "McConnell delivered a blunt message to Trump:": a name after a preposition or verb is the
    // clause's object, and its subject speaks.
    const named = doc.tokenEntity[first - 2] ?? -1;
    let start = first - 2;
    while (named >= 0 && start > floor && doc.tokenEntity[start - 1] === named) start--;
    const before = tokens[start - 1];
    const object =
      before !== undefined &&
      start > floor &&
      before.kind === "word" &&
      !before.upper &&
      !offices().lastWords.has(before.key) &&
      !offices().modifiers.has(before.key);
    const speaker = named >= 0 && !object ? speakerBefore(doc, first - 1, floor, discourse) : undefined;
    if (speaker) return { speaker, rule: "colon" };
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
    if (subject) return { speaker: subject, rule: "colon-clause-subject" };
  }
  return undefined;
}

/** Prepositions opening a heading before a colon: "On trade:", "About Wall Street:". */
const TOPIC_OPENERS = new Set(["on", "about", "regarding", "re", "concerning"]);

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
    const named = speakerAfter(doc, v + 1, k - 1, discourse);
    const person = named && doc.entities.get(named.entity);
    return person?.kind === "person" && !person.unnamed && named?.span.end === (tokens[k - 2] as Token).end
      ? named
      : undefined;
  }
  return undefined;
}
