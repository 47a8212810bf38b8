import { named } from "./rule-ids.ts";

/**
 * Date expressions chrono does not read, as a table of patterns: each gives an ISO value at the
 * precision the words have, and a range where they cover one (a half year, a decade). `year` is the
 * year the passage is about, for expressions that name none ("the end of the year").
 */
export interface DateRule {
  readonly id: string;
  /** Its dates give the passage's year to a month and day named later without one. */
  narrative?: boolean;
  /** What a text must hold for `pattern` to match anywhere in it: a quick test before the slow one. */
  needs: RegExp;
  pattern: RegExp;
  value(
    match: RegExpExecArray,
    year: number | undefined,
  ): { value: string; range?: [string, string] } | undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const months = (y: number, from: number, to: number): { value: string; range: [string, string] } => ({
  value: from === to ? `${y}-${pad(from)}` : String(y),
  range: [`${y}-${pad(from)}-01`, `${y}-${pad(to)}-${pad(lastDay(y, to))}`],
});

const PART: Record<string, [number, number]> = {
  "first half": [1, 6],
  "second half": [7, 12],
  "latter half": [7, 12],
  "first quarter": [1, 3],
  "second quarter": [4, 6],
  "third quarter": [7, 9],
  "fourth quarter": [10, 12],
  "last quarter": [10, 12],
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 12],
  beginning: [1, 1],
  start: [1, 1],
  end: [12, 12],
  close: [12, 12],
  middle: [6, 7],
  early: [1, 4],
  late: [9, 12],
  mid: [5, 8],
};

const YEAR = String.raw`(1[89]\d\d|20\d\d)`;
const HAS_YEAR = /1[89]\d\d|20\d\d/;
const HAS_YEAR_WORD = /year/i;

export const DATE_RULES: ReadonlyArray<DateRule> = [
  {
    // "the end of 2007", "the second half of 2008", "the beginning of 2008", "spring 2008"
    ...named("part-of-year"),
    narrative: true,
    needs: HAS_YEAR,
    pattern: new RegExp(
      String.raw`\b(?:the\s+)?(first half|second half|latter half|first quarter|second quarter|third quarter|fourth quarter|last quarter|beginning|start|end|close|middle|spring|summer|autumn|fall|winter)\s+(?:of\s+)?${YEAR}\b`,
      "gi",
    ),
    value: (m) => {
      const part = PART[(m[1] as string).toLowerCase()];
      return part ? months(Number(m[2]), part[0], part[1]) : undefined;
    },
  },
  {
    // "early 2008", "late 2007", "mid-2008"
    ...named("early-late-year"),
    needs: HAS_YEAR,
    pattern: new RegExp(String.raw`\b(early|late|mid)-?\s*${YEAR}\b`, "gi"),
    value: (m) => {
      const part = PART[(m[1] as string).toLowerCase()] as [number, number];
      return { ...months(Number(m[2]), part[0], part[1]), value: m[2] as string };
    },
  },
  {
    // "the end of the year", "the first half of this year": the passage's year
    ...named("part-of-this-year"),
    needs: HAS_YEAR_WORD,
    pattern:
      /\b(?:the\s+)?(first half|second half|beginning|start|end|close|middle)\s+of\s+(?:the|this)\s+year\b/gi,
    value: (m, year) => {
      const part = PART[(m[1] as string).toLowerCase()];
      return part && year !== undefined ? months(year, part[0], part[1]) : undefined;
    },
  },
  {
    // "the 1990s", "the early 2000s"
    ...named("decade"),
    needs: HAS_YEAR,
    pattern: /\b(?:the\s+)?(?:early\s+|late\s+|mid-)?(1[89]\d0|20\d0)['’]?s\b/gi,
    value: (m) => {
      const start = Number(m[1]);
      return { value: `${String(start).slice(0, 3)}X`, range: [`${start}-01-01`, `${start + 9}-12-31`] };
    },
  },
  {
    // "in 2004", "since 1999", "by 2010", "(2008)": a year on its own after a preposition
    ...named("bare-year"),
    needs: HAS_YEAR,
    pattern: new RegExp(
      String.raw`\b(?:in|since|by|until|till|before|after|during|from|through|throughout|of|to)\s+${YEAR}\b(?!\s*(?:percent|per cent|%|people|troops|houses|votes|members|km|miles|dollars|euros|times)\b)(?![-\d])`,
      "gi",
    ),
    value: (m) => ({ value: m[1] as string }),
  },
  {
    // "earlier this year", "this year"
    ...named("this-year"),
    needs: HAS_YEAR_WORD,
    pattern: /\b(?:earlier|later)\s+this\s+year\b/gi,
    value: (_m, year) => (year !== undefined ? { value: String(year) } : undefined),
  },
];

/** Expressions chrono reads that are not dates of events: "now", durations, clock times alone. */
export const NOT_DATES: RegExp[] = [
  /^(?:right\s+)?now$/i,
  /^(?:within|for|over|in)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few)\s+(?:hours?|minutes?|seconds?|days?|weeks?)$/i,
  /^\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?$/i,
  // "a day after its parliament declared …": a distance from an event, not a date.
  /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before)$/i,
];
