import { describe, expect, it } from "vitest";
import { isSpaceAt, tokenEnd } from "../../src/extract/token-scan.ts";

/** The pattern the scanner stands for (see token-scan.ts): its matches are the tokens. */
const PATTERN =
  /[A-Za-z]+-(?:[A-Za-z]\.){2,}|(?:[A-Za-z]\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\d]*(?:-[\p{L}\p{M}\d]+)*(?:'(?!s\b)[\p{L}\p{M}]+)?|'s\b|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?\b|\S/gu;

const byPattern = (text: string) => [...text.matchAll(PATTERN)].map((m) => m[0]);

function byScanner(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    if (isSpaceAt(text, i)) i++;
    else {
      const end = tokenEnd(text, i);
      out.push(text.slice(i, end));
      i = end;
    }
  }
  return out;
}

/** Pieces that meet at the pattern's edges: initials, hyphens, apostrophes, number endings, surrogates. */
const PIECES = [
  "a",
  "B",
  "s",
  "t",
  "'",
  "’",
  "-",
  ".",
  ",",
  ":",
  "1",
  "9",
  "0",
  " ",
  "\u00a0",
  "\ufeff",
  "_",
  "é",
  "\u0301",
  "𝐀",
  "\ud835",
  "\udc00",
  "ł",
  "D",
  "N",
  "Y",
  "x",
  "\n",
  "—",
  '"',
  "st",
  "nd",
  "th",
  "s ",
  "U.S.",
  "D-N.Y.",
  "1,000",
  "3rd",
  "1990s",
  "don't",
  "it's",
  "al-",
];

describe("token scanner", () => {
  it.each([
    [
      "Sen. Chuck Schumer, D-N.Y., said the U.S. would act.",
      ["Sen", ".", "Chuck", "Schumer", ",", "D-N.Y.", ",", "said", "the", "U.S.", "would", "act", "."],
    ],
    ["Kosovo's al-Assad don't O'Neill", ["Kosovo", "'s", "al-Assad", "don't", "O'Neill"]],
    [
      "20,000 people in the 1990s, on the 3rd; 1,000abc",
      [
        "20,000",
        "people",
        "in",
        "the",
        "1990s",
        ",",
        "on",
        "the",
        "3rd",
        ";",
        "1",
        ",",
        "0",
        "0",
        "0",
        "abc",
      ],
    ],
    ["Koštunica 𝐀𝐁 😀", ["Koštunica", "𝐀𝐁", "😀"]],
  ])("%s", (text, tokens) => {
    expect(byScanner(text)).toEqual(tokens);
    expect(byPattern(text)).toEqual(tokens);
  });

  it("finds the pattern's tokens in 20,000 random strings of edge pieces", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let k = 0; k < 20000; k++) {
      let text = "";
      for (let n = 1 + Math.floor(random() * 16); n > 0; n--)
        text += PIECES[Math.floor(random() * PIECES.length)];
      expect(byScanner(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });
});
