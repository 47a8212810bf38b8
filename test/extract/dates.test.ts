import { describe, expect, it } from "vitest";
import { extractText } from "../../src/extract/stages.ts";

const datesOf = (text: string, published?: string) =>
  extractText(text, published).dates.map((d) => [d.text, d.value]);

describe("dates", () => {
  it.each([
    [
      "a month and day take the publication year",
      "2007-07-23",
      "On July 18, he spoke.",
      [["July 18", "2007-07-18"]],
    ],
    [
      "the year nearest the publication",
      "2008-01-10",
      "The vote on December 20 failed.",
      [["December 20", "2007-12-20"]],
    ],
    ["a month-precise publication", "2008-02", "It met on Feb. 18 in New York.", [["Feb. 18", "2008-02-18"]]],
    ["no year known stays unknown", undefined, "It met on Feb. 18 in New York.", [["Feb. 18", "--02-18"]]],
    [
      "a period ago with no publication date is no date",
      undefined,
      "Six months ago Kosovo declared independence.",
      [],
    ],
    [
      "a period ago at the precision of its unit",
      "2008-08-27",
      "Six months ago Kosovo declared independence. Eight years ago the war ended.",
      [
        ["Six months ago", "2008-02"],
        ["Eight years ago", "2000"],
      ],
    ],
    [
      "end of a year",
      "2007-07-23",
      "It will be independent by the end of 2007.",
      [["the end of 2007", "2007-12"]],
    ],
    [
      "second half of a year, with its range",
      "2007-07-23",
      "It joins in the second half of 2008.",
      [["the second half of 2008", "2008"]],
    ],
    [
      "bare years after a preposition",
      "2008-02",
      "About 250,000 left in 1999, and in 2004 churches burned.",
      [
        ["in 1999", "1999"],
        ["in 2004", "2004"],
      ],
    ],
    ["decades", "2008-02", "During the 1990s the state broke up.", [["the 1990s", "199X"]]],
    [
      "a month and year",
      "2007-07-23",
      "At the end of the conflict in June 1999, troops moved.",
      [["June 1999", "1999-06"]],
    ],
    [
      "later that day",
      "2007-07-23",
      "On July 18 he spoke. Later that day, Rice agreed.",
      [
        ["July 18", "2007-07-18"],
        ["Later that day", "2007-07-18"],
      ],
    ],
    [
      "the day before",
      "2008-02-19",
      "The Council met on Feb. 18. The declaration came the day before.",
      [
        ["Feb. 18", "2008-02-18"],
        ["the day before", "2008-02-17"],
      ],
    ],
    [
      "last month with a precise publication",
      "2007-07-23",
      "He met the president last month.",
      [["last month", "2007-06"]],
    ],
    [
      "weekdays need a publication day",
      "2008-02-19",
      "It declared independence on Sunday.",
      [["on Sunday", "2008-02-17"]],
    ],
    ["weekdays without one are left out", "2008-02", "It declared independence on Sunday.", []],
  ])("%s", (_name, published, text, expected) => {
    expect(datesOf(text, published)).toEqual(expected);
  });

  it("takes the year of the passage: in June 1999 … on June 12", () => {
    const text =
      "At the end of the conflict in June 1999, troops took the airport.\n\nPeacekeepers were to enter on June 12, but were met by troops.";
    expect(datesOf(text, "2007-07-23")).toEqual([
      ["June 1999", "1999-06"],
      ["June 12", "1999-06-12"],
    ]);
  });

  it("gives a range for parts of years and decades", () => {
    const [half, decade] = extractText("In the second half of 2008 and in the 1990s.", "2008").dates;
    expect(half?.range).toEqual(["2008-07-01", "2008-12-31"]);
    expect(decade?.range).toEqual(["1990-01-01", "1999-12-31"]);
  });

  it("reads no date in a surname that is also a month, and the month where it is one", () => {
    expect(
      datesOf(
        "Prime Minister Theresa May spoke on Thursday. But May, who would not say more, left. Talks resumed in May and on May 5.",
        "2017-03-16",
      ),
    ).toEqual([
      ["on Thursday", "2017-03-16"],
      ["May", "2017-05"],
      ["May 5", "2017-05-05"],
    ]);
  });

  it("keeps offsets into the text", () => {
    const text = "Koštunica spoke on July 14, 2007.";
    for (const d of extractText(text).dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });
});
