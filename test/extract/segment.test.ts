import { describe, expect, it } from "vitest";
import { Doc } from "../../src/extract/doc.ts";

const sentencesOf = (text: string) => new Doc(text).sentences.map((s) => text.slice(s.start, s.end));

describe("sentences", () => {
  it.each([
    ["The U.S. ambassador spoke. Russia objected.", ["The U.S. ambassador spoke.", "Russia objected."]],
    [
      "It met on Feb. 18 in New York. Nothing was decided.",
      ["It met on Feb. 18 in New York.", "Nothing was decided."],
    ],
    [
      "Gen. Wesley Clark gave the order. It was blocked.",
      ["Gen. Wesley Clark gave the order.", "It was blocked."],
    ],
    ["George W. Bush met Sali Berisha. They spoke.", ["George W. Bush met Sali Berisha.", "They spoke."]],
    [
      "“Isn’t it too late that we have started to be sorry?,” asked Lukashenko. He went on.",
      ["“Isn’t it too late that we have started to be sorry?,” asked Lukashenko.", "He went on."],
    ],
    ["Support grew in the U.S. The vote came later.", ["Support grew in the U.S.", "The vote came later."]],
    ["“The time is now.” Then he left.", ["“The time is now.”", "Then he left."]],
    ["Mr. Ceku spoke at 10 a.m. on Monday.", ["Mr. Ceku spoke at 10 a.m. on Monday."]],
  ])("%s", (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it("keeps paragraphs, and a line broken inside a sentence in one", () => {
    const doc = new Doc(
      "First paragraph here.\n\nSecond one, which the powers will\n\nexert pressure on.\nThird.",
    );
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual([
      "First paragraph here.",
      "Second one, which the powers will\n\nexert pressure on.",
      "Third.",
    ]);
  });

  it("joins the lines of text wrapped at a fixed width, and ends a paragraph at a short line", () => {
    const wrapped = [
      "The electoral commission said on Tuesday that the count had ended",
      "without incident in all of the districts of the island, and that",
      "the results were to be announced by the chairman of the board, Anders",
      "Lindqvist, at a press conference in the capital on Wednesday.",
      "Observers agreed.",
      "The opposition leader said his party would study the figures before",
      "deciding whether to appeal against them in the constitutional court",
      "of the republic, which has the final say on all electoral matters.",
    ].join("\n");
    const doc = new Doc(wrapped);
    expect(doc.paragraphs).toHaveLength(3);
    expect(doc.text.slice(doc.paragraphs[0]?.start, doc.paragraphs[0]?.end)).toContain("Anders\nLindqvist");
    // Lines of a text not wrapped at a width stay paragraphs: a headline over its story.
    const headed = new Doc(
      "Vote Count Ends\nThe electoral commission said on Tuesday that the count had ended.",
    );
    expect(headed.paragraphs).toHaveLength(2);
  });

  it("cuts text without sentence punctuation into sentences of bounded length", () => {
    const doc = new Doc(`${"word ".repeat(1000)}end`);
    expect(doc.sentences.length).toBeGreaterThan(3);
    expect(Math.max(...doc.sentences.map((s) => s.last - s.first))).toBeLessThanOrEqual(301);
  });

  it("folds diacritics and quotation marks for matching without moving offsets", () => {
    const text = "Koštunica said “no”.";
    const doc = new Doc(text);
    expect(doc.folded).toBe('Kostunica said "no".');
    expect(doc.folded.length).toBe(text.length);
    expect(doc.tokens[0]?.text).toBe("Kostunica");
  });

  it.each([
    ["composed", "Marc Tr\u00c3\u00a9vidic spoke."],
    ["decomposed", "Marc TrA\u0303\u00a9vidic spoke."],
    ["read twice as Latin-1", "Fran\u00c3\u00c2\u00a7ois Hollande spoke."],
  ])("keeps a name garbled by UTF-8 read as Latin-1 (%s) one word", (_form, text) => {
    const doc = new Doc(text);
    expect(doc.folded.length).toBe(text.length);
    expect(doc.tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      ...text.replace(" spoke.", "").split(" "),
      "spoke",
      ".",
    ]);
  });
});
