/**
 * Direct quotes with their speakers, by attribution rules tried in order: a transcript's label, a
 * dash and a name, a cue after the quote (`," Burns said`, `," said Will Doyle`) or before it
 * (`Burns told the paper, "`, `saying, "`, a colon); a split quote (`"A," he said, "B"` is one
 * quote); then the narrating sentence's subject, the subject of the last speech verb in the
 * paragraph, the person narrated just before, or the previous quote's speaker.
 */

import type { Doc } from "../doc.ts";
import { named } from "../rule-ids.ts";
import type { Discourse } from "../speakers/rule.ts";
import type { Quote, QuotedRegion, Span } from "../types.ts";
import type { Attribution } from "./attribution.ts";
import { embeddingSubject, speakerFromContext } from "./context.ts";
import { classifyRegion, type RegionKind } from "./kinds.ts";
import { dashAttribution, speakerLabel } from "./labels.ts";
import { leadingCue } from "./leading.ts";
import { closesSentence, ownTrailingCue, trailingCue } from "./trailing.ts";

/** A direct quote no rule found a speaker for. */
const NO_SPEAKER = named("no-speaker");

/** The direct quotes of the document's speech regions, and what each quoted region is. */
export function attributeQuotes(
  doc: Doc,
  regions: QuotedRegion[],
): { quotes: Quote[]; kinds: Map<QuotedRegion, RegionKind> } {
  const kinds = new Map<QuotedRegion, RegionKind>();
  for (const region of regions) kinds.set(region, classifyRegion(doc, region));
  const discourse: Discourse = { speakers: [] };
  const quotes: Quote[] = [];
  const speech = regions.filter((r) => kinds.get(r) === "speech");
  for (let i = 0; i < speech.length; i++) {
    const region = speech[i] as QuotedRegion;
    const previous = quotes[quotes.length - 1];
    const label = speakerLabel(doc, region);
    // A quote running on from the paragraph before is the same quote, one more piece, unless a
    // transcript's speaker label opens it ("PENCE: …") or it has a cue of its own (`“…,” added Rep. Jim Clyburn`).
    if (region.continues && previous && !label && !ownTrailingCue(doc, region, discourse)) {
      previous.spans.push({ start: region.start, end: region.end });
      previous.end = region.end;
      continue;
    }
    const spans: Span[] = [{ start: label?.resume ?? region.start, end: region.end }];
    let found = label ?? byCues(doc, region, discourse);
    const next = speech[i + 1];
    if (next && splitWith(doc, found, region, next, discourse)) {
      spans.push({ start: next.start, end: next.end });
      i++;
    }
    found ??= embeddingSubject(doc, region) ?? speakerFromContext(doc, region, previous, discourse);
    quotes.push(quoteOf(spans, found));
    if (found)
      discourse.speakers.push({
        entity: found.speaker.entity,
        token: doc.tokenAt(region.start),
        paragraph: region.paragraph,
      });
  }
  return { quotes: mergeRuns(doc, quotes), kinds };
}

/**
 * After a transcript's label, the cues of a quote's own sentence: a dash and a name; a cue after a
 * quote that runs on into it (`," he said`); the cue that introduced a quote ending its sentence
 * with a full stop (`Limbaugh continued: "…."`); else the cue after it all the same. The cue after
 * is read before the cue before, as both may name unnamed speakers and the order numbers actors.
 */
function byCues(doc: Doc, region: QuotedRegion, discourse: Discourse): Attribution | undefined {
  const dash = dashAttribution(doc, region);
  if (dash) return dash;
  const after = cueAfter(doc, region, discourse);
  if (after && !closesSentence(doc, region)) return after;
  return leadingCue(doc, region, discourse) ?? after;
}

/** The cue after a quote, but for a participle (`…," adding that …`), which hangs on the clause before. */
function cueAfter(doc: Doc, region: QuotedRegion, discourse: Discourse): Attribution | undefined {
  const trailing = trailingCue(doc, region, discourse);
  return trailing?.cue && /ing$/i.test(trailing.cue.text) ? undefined : trailing;
}

/**
 * A split quote: the piece after `," he said, "` belongs to the same quote; not when that piece
 * has a cue of its own (`"A," said Susan Collins. "B," added Rep. Cathy McMorris Rodgers.`).
 */
function splitWith(
  doc: Doc,
  found: Attribution | undefined,
  region: QuotedRegion,
  next: QuotedRegion,
  discourse: Discourse,
): boolean {
  return (
    found?.resume !== undefined &&
    next.paragraph === region.paragraph &&
    doc.tokenAt(next.start) <= found.resume + 1 &&
    !ownTrailingCue(doc, next, discourse)
  );
}

function quoteOf(spans: Span[], found: Attribution | undefined): Quote {
  const quote: Quote = {
    start: (spans[0] as Span).start,
    end: (spans[spans.length - 1] as Span).end,
    kind: "direct",
    spans,
    rule: found ? `${found.rule.id}/${found.speaker.rule.id}` : NO_SPEAKER.id,
    ownCue: found?.rule.verb === true,
  };
  if (!found) return quote;
  quote.speaker = found.speaker.entity;
  quote.speakerSpan = found.speaker.span;
  if (found.cue) {
    quote.cue = found.cue.text;
    quote.cueSpan = found.cue.span;
  }
  return quote;
}

const MAX_MERGE_GAP = 160;

/**
 * Consecutive direct quotes of one speaker in one paragraph, with only their attribution between
 * them (`"A," said X, who runs Y. "B"`), are one attribution: one quote with several spans. A
 * quote with a speech verb of its own is an attribution of its own (`"A," he said, adding, "B"`).
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
      !quote.ownCue
    ) {
      prev.spans.push(...quote.spans);
      prev.end = quote.end;
      continue;
    }
    out.push(quote);
  }
  return out;
}
