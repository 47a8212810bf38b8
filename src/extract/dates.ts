import type * as chrono from "chrono-node";
import { cuesIn, parserForCues } from "./chrono-parsers.ts";
import { DATE_RULES, NOT_DATES } from "./date-rules.ts";
import type { Doc } from "./doc.ts";
import { named } from "./rule-ids.ts";
import type { DateMention, Sentence } from "./types.ts";

const pad = (n: number) => String(n).padStart(2, "0");

interface Anchor {
  year?: number;
  month?: number;
  day?: number;
}

/** The publication date as an anchor: "2007-07-23", "2008-02", "2007", or nothing. */
function anchorOf(published: string | undefined): Anchor {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(published ?? "");
  if (!m) return {};
  return {
    year: Number(m[1]),
    ...(m[2] ? { month: Number(m[2]) } : {}),
    ...(m[3] ? { day: Number(m[3]) } : {}),
  };
}

/** "Later that day", "the same day": the day of the date before. "The day before": one day earlier. */
const SAME_DAY = /\b(?:later\s+that\s+day|that\s+same\s+day|the\s+same\s+day|earlier\s+that\s+day)\b/gi;
const DAY_SHIFT: Array<[RegExp, number]> = [
  [/^(?:the\s+day\s+before|the\s+previous\s+day|a\s+day\s+earlier|the\s+day\s+earlier)$/i, -1],
  [/^(?:the\s+next\s+day|the\s+following\s+day|a\s+day\s+later|the\s+day\s+after)$/i, 1],
];
/** chrono's words that count from the moment of writing, valid only when the publication day is known. */
const DEICTIC =
  /\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|week|weekend)|last\s+(?:night|week|weekend)|next\s+week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;
const RELATIVE_PERIOD =
  /\b(?:last|next|this|past|coming)\s+(?:month|year)\b|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|later)\b/i;

function shiftDay(value: string, days: number): string {
  const d = new Date(`${value}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Dates: chrono for day and month expressions, our table of rules for years, parts of years and
 * decades, then refiners. A month and day with no year take the year of the passage's last
 * explicit month and year (same or previous paragraph: "in June 1999 … on June 12"), else the
 * publication's; "later that day" and "the day before" count from the date before them; words
 * that count from the moment of writing ("yesterday", "on Sunday") need a publication day. A year
 * the text and metadata do not give stays unknown (`--06-12`). "Now" and durations are no dates.
 */
export function findDates(doc: Doc): DateMention[] {
  const anchor = anchorOf(doc.published);
  const instant = new Date(Date.UTC(anchor.year ?? 2000, (anchor.month ?? 7) - 1, anchor.day ?? 15, 12));
  const found: DateMention[] = [];
  for (const para of doc.paragraphs) {
    const text = doc.text.slice(para.start, para.end);
    found.push(...ruleDates(text, para.start, anchor.year));
    // chrono is the slowest stage: it reads only the sentences that hold a word it could use.
    for (const r of chronoResults(doc, para, instant)) {
      const date = chronoDate(doc, para.start + r.index, r, anchor);
      if (date) found.push(date);
    }
    SAME_DAY.lastIndex = 0;
    for (let m = SAME_DAY.exec(text); m; m = SAME_DAY.exec(text)) {
      const start = para.start + m.index;
      found.push({
        start,
        end: start + m[0].length,
        text: m[0],
        value: "",
        rule: SAME_DAY_RULE.id,
        lastDay: true,
      });
    }
  }
  return refine(
    doc,
    withoutOverlaps(found).filter((d) => !insidePersonName(doc, d)),
    anchor,
  );
}

/** "But May, who …" after "Theresa May": a month word the names stage read as a person's surname is no date. */
function insidePersonName(doc: Doc, date: { start: number; end: number }): boolean {
  const k = doc.tokenAt(date.start);
  const e = doc.tokenEntity[k] ?? -1;
  if (e < 0 || doc.entities.get(e).kind !== "person") return false;
  for (let j = k + 1; j <= doc.tokenAt(date.end - 1); j++)
    if (doc.tokens[j]?.kind !== "punct" && doc.tokenEntity[j] !== e) return false;
  return true;
}

/** "chrono" for a month or day it reads; "chrono-deictic" for words that count from the moment of writing. */
const CHRONO = named("chrono");
const CHRONO_DEICTIC = named("chrono-deictic");
/** "later that day": the day named last before it. */
const SAME_DAY_RULE = named("same-day");
/** "the day before": one day from the day named last before it. */
const DAY_SHIFT_RULE = named("day-shift");
/** A month and day with no year, given the passage's year or the publication's. */
const NARRATIVE_YEAR = named("narrative-year");
const PUBLICATION_YEAR = named("publication-year");

/** The dates our table of rules reads in a paragraph's text starting at `offset`. */
function ruleDates(text: string, offset: number, year: number | undefined): DateMention[] {
  const out: DateMention[] = [];
  for (const rule of DATE_RULES) {
    if (!rule.needs.test(text)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const v = rule.value(m, year);
      if (!v) continue;
      const start = offset + m.index;
      const date = { start, end: start + m[0].length, text: m[0], ...v, rule: rule.id };
      out.push(rule.narrative ? { ...date, narrative: true } : date);
    }
  }
  return out;
}

/**
 * A chrono result at `start` as a date at the precision it is sure of; none for a duration, one
 * running over a sentence's end ("last week. 15"), or words that count from the moment of writing
 * without a publication date as precise as they are, or inside a quotation, spoken at another time.
 */
function chronoDate(
  doc: Doc,
  start: number,
  r: { text: string; start: chrono.ParsedComponents },
  anchor: Anchor,
): DateMention | undefined {
  const end = start + r.text.length;
  if (NOT_DATES.some((p) => p.test(r.text.trim()))) return undefined;
  const first = doc.tokens[doc.tokenAt(start)];
  const last = doc.tokens[doc.tokenAt(end) - 1];
  if (!first || !last || first.sentence !== last.sentence) return undefined;
  const c = r.start;
  const words = r.text.replace(/[\s,.;:]+$/, "");
  const deictic = DEICTIC.test(words) || RELATIVE_PERIOD.test(words);
  const grain = /\byears?\b/i.test(words) ? 1 : /\bmonths?\b/i.test(words) ? 2 : 3;
  const known = grain === 3 ? anchor.day : grain === 2 ? anchor.month : anchor.year;
  if (deictic && (doc.insideQuote(start) || known === undefined)) return undefined;
  if (!deictic && !c.isCertain("month")) return undefined;
  const year = c.isCertain("year") || deictic ? c.get("year") : undefined;
  const month = c.get("month") as number;
  const day = (c.isCertain("day") || deictic) && grain === 3 ? c.get("day") : undefined;
  let value: string;
  if (year !== undefined && year !== null) {
    value = day ? `${year}-${pad(month)}-${pad(day)}` : grain === 1 ? String(year) : `${year}-${pad(month)}`;
  } else value = day ? `--${pad(month)}-${pad(day)}` : `--${pad(month)}`;
  const date = { start, end: start + words.length, text: words, value };
  return deictic ? { ...date, rule: CHRONO_DEICTIC.id } : { ...date, rule: CHRONO.id, narrative: true };
}

/**
 * The sentences chrono reads hold one of these: a month, a weekday, "today", "ago", "last …", a
 * clock time. Which of its parsers read a sentence, its words decide (chrono-parsers.ts).
 */
const DATE_TRIGGER =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day|\b(?:today|tonight|yesterday|tomorrow|ago|day)\b|\b(?:days|weeks|months|years)\s+(?:earlier|later)\b|\b(?:last|next|this|past|coming)\s+(?:week|weekend|month|year|morning|afternoon|evening|night)\b|\d{1,2}[:/]\d/;

/** chrono's results over the sentences of a paragraph that could hold a date, offsets in the paragraph. */
function chronoResults(
  doc: Doc,
  para: { start: number; end: number },
  instant: Date,
): Array<{ index: number; text: string; start: chrono.ParsedComponents }> {
  const out: Array<{ index: number; text: string; start: chrono.ParsedComponents }> = [];
  const first = doc.tokens[doc.tokenAt(para.start)]?.sentence ?? 0;
  for (let s = first; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s] as Sentence;
    if (sentence.start >= para.end) break;
    const subset = parserForCues(cuesIn(doc.tokens, sentence.first, sentence.last));
    if (!subset) continue;
    const text = doc.text.slice(sentence.start, sentence.end);
    if (!DATE_TRIGGER.test(text)) continue;
    for (const r of subset.parse(text, { instant, timezone: 0 })) {
      out.push({ index: r.index + sentence.start - para.start, text: r.text, start: r.start });
    }
  }
  return out;
}

/** Where date expressions overlap, the longer one stands. */
function withoutOverlaps(dates: DateMention[]): DateMention[] {
  const sorted = [...dates].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateMention[] = [];
  for (const d of sorted) {
    const prev = out[out.length - 1];
    if (prev && d.start < prev.end) {
      if (d.end - d.start > prev.end - prev.start) out[out.length - 1] = d;
      continue;
    }
    out.push(d);
  }
  return out;
}

/** Years from the narrative, days from the dates before: in reading order. */
function refine(doc: Doc, dates: DateMention[], anchor: Anchor): DateMention[] {
  let narrative: { year: number; paragraph: number } | undefined;
  let lastDay: string | undefined;
  const out: DateMention[] = [];
  const paragraphOf = (offset: number) =>
    doc.sentences[doc.tokens[doc.tokenAt(offset)]?.sentence ?? -1]?.paragraph ?? 0;
  for (const d of dates) {
    const paragraph = paragraphOf(d.start);
    if (d.lastDay) {
      if (lastDay) out.push({ ...d, value: lastDay });
      continue;
    }
    const shift = DAY_SHIFT.find(([p]) => p.test(d.text.trim()));
    if (shift && lastDay) {
      out.push({ ...d, value: shiftDay(lastDay, shift[1]), rule: DAY_SHIFT_RULE.id });
      lastDay = out[out.length - 1]?.value;
      continue;
    }
    let value = d.value;
    let rule = d.rule;
    if (value.startsWith("--")) {
      // A month and day with no year: the passage's year, else the publication's (nearest to it).
      const [month, day] = value.slice(2).split("-").map(Number) as [number, number | undefined];
      const near = narrative && paragraph - narrative.paragraph <= 1 ? narrative.year : undefined;
      const year = near ?? (anchor.year !== undefined ? closestYear(anchor, month) : undefined);
      if (year !== undefined) {
        value = day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
        rule = (near !== undefined ? NARRATIVE_YEAR : PUBLICATION_YEAR).id;
      }
    } else if (/^\d{4}-\d{2}/.test(value) && d.narrative) {
      narrative = { year: Number(value.slice(0, 4)), paragraph };
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) lastDay = value;
    out.push({ ...d, value, rule });
  }
  return out;
}

/** The year that puts a month closest to the publication: "November" in a July 2007 article is 2007, in January 2008 it is 2007 too. */
function closestYear(anchor: Anchor, month: number): number {
  const year = anchor.year as number;
  if (anchor.month === undefined) return year;
  const diff = month - anchor.month;
  if (diff > 6) return year - 1;
  if (diff < -6) return year + 1;
  return year;
}
