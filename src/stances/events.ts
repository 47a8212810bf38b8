import type { Doc } from "../extract/doc.ts";
import type { Sentence, Span } from "../extract/types.ts";
import type { CompiledCodebook } from "./compile.ts";
import type { StanceFound } from "./find.ts";
import { mentionsTarget, targetMentions } from "./target.ts";

/** A dated happening: a sentence giving a day or month and naming who took part. */
export interface EventFound extends Span {
  date: string;
  dateSpan: Span;
  actors: number[];
  /** The issues it belongs to: those of a text about the target, or of a sentence naming it. */
  issues: string[];
}

/** A text naming the target this often is about it, and all its dated sentences belong to the issue. */
const ABOUT = 2;

/**
 * Events for the timeline: each sentence with a date of day or month precision and at least one
 * actor named in it, dated by its most precise date. Years alone ("in 1999") are background.
 */
export function findEvents(doc: Doc, books: CompiledCodebook[]): EventFound[] {
  const about = books.map((book) => targetMentions(doc, book) >= ABOUT);
  const mentions = [...doc.mentions].filter((m) => m.form !== "pronoun").sort((a, b) => a.start - b.start);
  const events: EventFound[] = [];
  let d = 0;
  let m = 0;
  const dates = [...doc.dates].sort((a, b) => a.start - b.start);
  for (const sentence of doc.sentences) {
    while (d < dates.length && (dates[d]?.start ?? 0) < sentence.start) d++;
    if (isByline(doc, sentence)) continue;
    let best: (typeof dates)[number] | undefined;
    for (let i = d; i < dates.length && (dates[i]?.start ?? 0) < sentence.end; i++) {
      const date = dates[i];
      if (date && date.value.length >= 7 && (!best || date.value.length > best.value.length)) best = date;
    }
    if (!best) continue;
    while (m < mentions.length && (mentions[m]?.start ?? 0) < sentence.start) m++;
    const actors: number[] = [];
    for (let i = m; i < mentions.length && (mentions[i]?.start ?? 0) < sentence.end; i++) {
      const mention = mentions[i];
      if (!mention || doc.entities.get(mention.entity).unnamed || actors.includes(mention.entity)) continue;
      actors.push(mention.entity);
    }
    if (!actors.length) continue;
    const issues = books
      .filter((book, i) => about[i] || mentionsTarget(doc, book, sentence.first, sentence.last))
      .map((book) => book.codebook.id);
    events.push({
      start: sentence.start,
      end: sentence.end,
      date: best.value,
      dateSpan: { start: best.start, end: best.end },
      actors,
      issues,
    });
  }
  return events;
}

/** The most tokens a byline line has: "By Ann Lee and Bo Chan · 17 February 2008". */
const BYLINE_TOKENS = 16;

/**
 * A byline ("By Mira Kovač · 17 February 2008"): a short paragraph of its own opening with "By"
 * and a capitalised name. It dates the article, and names its author, but reports nothing.
 */
function isByline(doc: Doc, sentence: Sentence): boolean {
  const first = doc.tokens[sentence.first];
  const next = doc.tokens[sentence.first + 1];
  if (first?.text !== "By" || !next || !/^\p{Lu}/u.test(next.text)) return false;
  const paragraph = doc.paragraphs[sentence.paragraph];
  const whole = !paragraph || (paragraph.start >= sentence.start - 1 && paragraph.end <= sentence.end + 1);
  return whole && sentence.last - sentence.first <= BYLINE_TOKENS;
}

/**
 * The issues each quote bears on: every issue of a text about its target; otherwise those whose
 * target the quote names or whose stance it is evidence of.
 */
export function quoteIssues(doc: Doc, books: CompiledCodebook[], stances: StanceFound[]): string[][] {
  const about = books.map((book) => targetMentions(doc, book) >= ABOUT);
  return doc.quotes.map((quote) =>
    books
      .filter(
        (book, i) =>
          about[i] ||
          stances.some(
            (s) =>
              s.issue === book.codebook.id &&
              s.evidence.some((e) => e.start < quote.end && quote.start < e.end),
          ) ||
          quoteNamesTarget(doc, book, quote),
      )
      .map((book) => book.codebook.id),
  );
}

function quoteNamesTarget(doc: Doc, book: CompiledCodebook, quote: Span): boolean {
  return mentionsTarget(doc, book, doc.tokenAt(quote.start), doc.tokenAt(quote.end));
}
