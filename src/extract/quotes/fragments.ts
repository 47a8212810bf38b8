/**
 * A fragment quoted inside a sentence that reports it ('France called the decision “regrettable”',
 * 'Churkin called the declaration “a blatant breach of international law”') makes a mixed quote of
 * the clause's subject, when no quote or reported speech already holds it: the words after the
 * subject's verb up to the end of the fragment, reported speech with quoted words in it.
 */

import type { Doc } from "../doc.ts";
import { cueAt } from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import { speakerAfter } from "../speakers/after-cue.ts";
import type { Discourse, SpeakerRef } from "../speakers/rule.ts";
import { participleSubject, sentenceSubject } from "../speakers/subject.ts";
import type { Quote, QuotedRegion, Span, Token } from "../types.ts";
import { words } from "../word-classes.ts";
import type { RegionKind } from "./kinds.ts";

/** A fragment given to the subject of the clause quoting it. */
const FRAGMENT_SUBJECT = named("fragment-of-subject");
/** "The Greek people are “a great friend” of Serbia, said Vucic": a fragment given to the speaker an inverted cue names. */
const FRAGMENT_INVERTED = named("fragment-before-inverted-cue");

/** Words between a participle and the fragment it quotes: "describing it as “…”". */
const PARTICIPLE_OBJECTS = new Set(["it", "them", "this", "that", "as"]);

/** The -ing speech cue just before a fragment at token `first`, past "it as" ("calling it “…”"). */
function participleBefore(doc: Doc, first: number): number | undefined {
  for (let j = first - 1; j >= Math.max(0, first - 3); j--) {
    const key = doc.tokens[j]?.key ?? "";
    if (key.endsWith("ing") && cueAt(doc.tokens, j) !== undefined) return j;
    if (!PARTICIPLE_OBJECTS.has(key)) return undefined;
  }
  return undefined;
}

export function fragmentQuotes(doc: Doc, kinds: Map<QuotedRegion, RegionKind>, quotes: Quote[]): Quote[] {
  const discourse: Discourse = { speakers: [] };
  const out: Quote[] = [];
  const held = quotes.flatMap((q) => q.spans).sort((a, b) => a.start - b.start);
  let h = 0;
  let reach = -1;
  // The regions were classified in the order of the text.
  for (const [region, kind] of kinds) {
    // The spans starting before the region, and how far the furthest of them reaches.
    while (h < held.length && (held[h] as Span).start <= region.start)
      reach = Math.max(reach, (held[h++] as Span).end);
    if (kind !== "fragment" || reach > region.start || !standsAlone(doc, region)) continue;
    const first = doc.tokenAt(region.start);
    const sentence = doc.sentences[(doc.tokens[first] as Token | undefined)?.sentence ?? -1];
    if (!sentence || first <= sentence.first) continue;
    const inverted = invertedSpeaker(doc, doc.tokenAt(region.end), sentence.last, discourse);
    // "…, with Scotland's External Affairs Secretary Fiona Hyslop saying “…”": the participle's subject.
    const participle = participleBefore(doc, first);
    const speaker =
      inverted ??
      (participle !== undefined
        ? participleSubject(doc, sentence.first, participle, discourse)
        : undefined) ??
      sentenceSubject(doc, clauseOpening(doc, sentence.first, first), first, discourse);
    if (!speaker) continue;
    const start = Math.min(region.start, afterVerb(doc, doc.tokenAt(speaker.span.end), first));
    out.push({
      start,
      end: region.end,
      kind: "indirect",
      spans: [{ start, end: region.end }],
      speaker: speaker.entity,
      speakerSpan: speaker.span,
      rule: `${(inverted ? FRAGMENT_INVERTED : FRAGMENT_SUBJECT).id}/${speaker.rule.id}`,
      fragment: true,
    });
  }
  return out;
}

/** How many words after a fragment an inverted cue may come: "… “a great friend” of Serbia, said Vucic". */
const INVERTED_REACH = 6;

/** The speaker an inverted cue after the fragment names, the fragment's clause being what was said. */
function invertedSpeaker(doc: Doc, from: number, last: number, discourse: Discourse): SpeakerRef | undefined {
  for (let j = from; j < Math.min(last, from + INVERTED_REACH); j++) {
    const t = doc.tokens[j] as Token;
    if (t.text !== ",") continue;
    const cue = cueAt(doc.tokens, j + 1);
    if (!cue || (doc.tokens[j + 1] as Token).upper) return undefined;
    const speaker = speakerAfter(doc, cue.end, last, discourse);
    // "…, said Vucic, announcing": the name closes its clause. In "who described it as “madness”,
    // said South-East elite do not want …" the words after the cue are what was said.
    const after = speaker ? doc.tokens[doc.tokenAt(speaker.span.end)] : undefined;
    return speaker && (!after || after.sentence !== t.sentence || after.kind === "punct")
      ? speaker
      : undefined;
  }
  return undefined;
}

/** Where the words after the verb following the subject (at token `k`) begin: "called [the decision …]". */
function afterVerb(doc: Doc, k: number, limit: number): number {
  let j = k;
  while (j < limit && (doc.tokens[j] as Token).kind !== "word") j++;
  // "also called", "has called": past the auxiliaries and adverbs to the verb.
  while (j + 1 < limit && BEFORE_VERB.has((doc.tokens[j] as Token).key)) j++;
  return (doc.tokens[Math.min(j + 1, limit)] as Token).start;
}

/** Auxiliaries and adverbs between a subject and its verb: "has also called", "later described". */
const BEFORE_VERB = words("have", "be_finite", [
  "also",
  "later",
  "then",
  "again",
  "earlier",
  "once",
  "already",
  "publicly",
  "repeatedly",
  "sharply",
  "strongly",
]);

/**
 * Words said, not a term: two words or more, or one closing its clause ('called it “regrettable.”');
 * a single word inside a phrase ('a “proposal” that no one took seriously') is a scare quote, and
 * so is a name alone.
 */
function standsAlone(doc: Doc, region: QuotedRegion): boolean {
  const inner = doc.tokens.slice(doc.tokenAt(region.inner.start), doc.tokenAt(region.inner.end));
  const wordsIn = inner.filter((t) => t.kind === "word");
  // 'to declare independence for “Ambazonia”': a name held at a distance, not words said.
  if (wordsIn.length <= 3 && wordsIn.every((t) => t.upper)) return false;
  if (wordsIn.length >= 2) return true;
  const next = doc.tokens[doc.tokenAt(region.end)];
  return (
    /[.,;!?]$/.test(doc.text.slice(region.inner.start, region.inner.end)) ||
    !next ||
    /^[.,;!?]$/.test(next.text)
  );
}

/** Conjunctions after a comma that open a clause with a subject of its own. */
const CLAUSE_JOINERS = words("contrastive", ["and", "yet"]);

/** "The SNP believes …, but Theresa May has said "now is not the time"": the start of the fragment's own clause. */
function clauseOpening(doc: Doc, first: number, k: number): number {
  for (let j = k - 1; j > first; j--) {
    const t = doc.tokens[j] as Token;
    if ((t.text === "," || t.text === ";") && CLAUSE_JOINERS.has(doc.tokens[j + 1]?.key ?? "")) return j + 2;
  }
  return first;
}
