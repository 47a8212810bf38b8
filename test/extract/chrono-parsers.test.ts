import type * as chrono from "chrono-node";
import { describe, expect, it } from "vitest";
import { cuesIn, NEWS_CHRONO, parserForCues } from "../../src/extract/chrono-parsers.ts";
import { Doc } from "../../src/extract/doc.ts";

const instant = new Date(Date.UTC(2008, 1, 18, 12));
const read = (parser: chrono.Chrono | undefined, text: string) =>
  (parser?.parse(text, { instant, timezone: 0 }) ?? []).map((r) => [
    r.index,
    r.text,
    r.start.date().toISOString(),
  ]);

/** Each text is read by every parser and by those its words select: the results must be the same. */
const TEXTS = [
  "Kosovo declared independence on Sunday, Feb. 17, 2008, and Serbia protested on Monday.",
  "The talks ended on December 10 after 120 days.",
  "Three days ago the envoy left; he returns two weeks later.",
  "He met them 5s ago, and again an hour after that.",
  "Last year the vote failed, and next month it comes back.",
  "It was a last year-long effort before the 2008-02-18 session.",
  "The report dated 2008/02/18 was read at 10:30 today.",
  "Tonight the Council meets; yesterday it did not, and tomorrow it may.",
  "The decision came in the past few weeks, not this weekend.",
  "Talks resumed March5 in Vienna and again Sept. 18.",
  "On the 12th of June 1999 the troops arrived.",
  "Voters may decide by mid-2009 what the march means.",
  "Troops will stay +3 months, or -2 days from now.",
];

describe("chrono parsers chosen by a sentence's words", () => {
  it.each(TEXTS)("same results as every parser: %s", (text) => {
    const doc = new Doc(text);
    const subset = parserForCues(cuesIn(doc.tokens, 0, doc.tokens.length));
    expect(read(subset, text)).toEqual(read(NEWS_CHRONO, text));
  });

  it("reads nothing where no parser could match", () => {
    const doc = new Doc("The Council could not agree on a text.");
    expect(parserForCues(cuesIn(doc.tokens, 0, doc.tokens.length))).toBeUndefined();
  });

  it("uses fewer parsers for a weekday alone", () => {
    const doc = new Doc("They met on Tuesday.");
    const names = parserForCues(cuesIn(doc.tokens, 0, doc.tokens.length))?.parsers.map(
      (p) => p.constructor.name,
    );
    expect(names).toContain("ENWeekdayParser");
    expect(names).not.toContain("ENMonthNameParser");
  });
});
