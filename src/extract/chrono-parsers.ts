import * as chrono from "chrono-node";
import type { Token } from "./types.ts";
import { words } from "./word-classes.ts";

/**
 * chrono runs every parser's pattern over the whole text it is given, and that is most of its
 * time. Each parser we use can only match where the text holds certain words (a month for the
 * month-name parsers, a time unit and "ago" for "three days ago"), so a sentence is read only by
 * the parsers whose words it holds: the results are those of all parsers, at a fraction of the cost.
 */
const CUE_WORDS = {
  month: [
    ...words("months"),
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
  ],
  weekday: [
    ...words("weekdays"),
    "sun",
    "mon",
    "tue",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "weekend",
    "weekday",
  ],
  casual: [
    "now",
    "today",
    "tonight",
    "tomorrow",
    "overmorrow",
    "tmr",
    "tmrw",
    "yesterday",
    "night",
    "lastnight",
  ],
  unit: [
    "s",
    "sec",
    "second",
    "seconds",
    "m",
    "min",
    "mins",
    "minute",
    "minutes",
    "h",
    "hr",
    "hrs",
    "hour",
    "hours",
    "d",
    "day",
    "days",
    "w",
    "week",
    "weeks",
    "mo",
    "mon",
    "mos",
    "month",
    "months",
    "qtr",
    "quarter",
    "quarters",
    "y",
    "yr",
    "year",
    "years",
  ],
  ago: ["ago", "before", "earlier"],
  later: ["later", "after", "now", "henceforth", "forward", "out"],
  relative: ["this", "last", "past", "next", "after", "+", "-"],
} as const;

type Cue = keyof typeof CUE_WORDS | "year";

/** The cues each parser needs, all of them; a parser not listed here reads every sentence. */
const PARSER_NEEDS: Record<string, Cue[]> = {
  ENYearMonthDayParser: ["year"],
  ISOFormatParser: ["year"],
  ENMonthNameLittleEndianParser: ["month"],
  ENMonthNameMiddleEndianParser: ["month"],
  ENMonthNameParser: ["month"],
  ENYearMonthNameParser: ["month"],
  ENWeekdayParser: ["weekday"],
  ENCasualDateParser: ["casual"],
  ENTimeUnitAgoFormatParser: ["unit", "ago"],
  ENTimeUnitLaterFormatParser: ["unit", "later"],
  ENRelativeDateFormatParser: ["relative", "unit"],
  ENTimeUnitCasualRelativeFormatParser: ["relative", "unit"],
};

const CUES: Cue[] = ["month", "weekday", "casual", "unit", "ago", "later", "relative", "year"];
const bit = (cue: Cue) => 1 << CUES.indexOf(cue);

const WORD_CUES = new Map<string, number>();
for (const [cue, list] of Object.entries(CUE_WORDS) as Array<[Cue, readonly string[]]>)
  for (const word of list) WORD_CUES.set(word, (WORD_CUES.get(word) ?? 0) | bit(cue));

/** The cues of a token's key, also for the parts of "year-long" and a month glued to a day ("March5"). */
function cuesOf(token: Token): number {
  const key = token.key.endsWith(".") ? token.key.slice(0, -1) : token.key;
  if (token.kind === "number") {
    // "2008-02-18", "2008.02.18"; "5s" is five seconds.
    return (/^\d{4}/.test(key) ? bit("year") : 0) | (key.endsWith("s") ? bit("unit") : 0);
  }
  let cues = WORD_CUES.get(key) ?? 0;
  if (token.kind !== "word") return cues;
  if (key.includes("-")) for (const part of key.split("-")) cues |= WORD_CUES.get(part) ?? 0;
  const code = key.charCodeAt(key.length - 1);
  if (code >= 48 && code <= 57) cues |= WORD_CUES.get(key.replace(/\d+$/, "")) ?? 0;
  return cues;
}

/** The cues of tokens `first` to `last` (exclusive), as a bit set. */
export function cuesIn(tokens: Token[], first: number, last: number): number {
  let cues = 0;
  for (let i = first; i < last; i++) cues |= cuesOf(tokens[i] as Token);
  return cues;
}

/**
 * chrono's English parsers without those for clock times, "within …" and slashed numbers, which
 * news dates do not need and which cost most of chrono's time.
 */
const UNUSED_PARSERS = new Set([
  "ENTimeExpressionParser",
  "ENCasualTimeParser",
  "ENTimeUnitWithinFormatParser",
  "SlashDateFormatParser",
  "ENSlashMonthFormatParser",
  "ENEndOfCurrentMonthParser",
]);
export const NEWS_CHRONO = chrono.casual.clone();
NEWS_CHRONO.parsers = NEWS_CHRONO.parsers.filter((p) => !UNUSED_PARSERS.has(p.constructor.name));

const byCues = new Map<number, chrono.Chrono | undefined>();

/** NEWS_CHRONO with only the parsers `cues` can feed, in the same order; undefined when none can. */
export function parserForCues(cues: number): chrono.Chrono | undefined {
  if (byCues.has(cues)) return byCues.get(cues);
  const parsers = NEWS_CHRONO.parsers.filter((p) =>
    (PARSER_NEEDS[p.constructor.name] ?? []).every((cue) => (cues & bit(cue)) !== 0),
  );
  const subset = parsers.length ? NEWS_CHRONO.clone() : undefined;
  if (subset) subset.parsers = parsers;
  byCues.set(cues, subset);
  return subset;
}
