import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractText } from "../../src/extract/stages.ts";
import { ROOT } from "../helpers/cli.ts";
import { HAVE_SEEDS, SEEDS } from "../helpers/shared.ts";

function valid(text: string): void {
  const doc = extractText(text, "2008-02-18");
  const spans = [
    ...doc.quotes.flatMap((q) => [q, ...q.spans, ...(q.speakerSpan ? [q.speakerSpan] : [])]),
    ...doc.dates,
    ...doc.mentions,
  ];
  const outside = spans.filter((s) => !(s.start >= 0 && s.end > s.start && s.end <= text.length));
  expect(outside).toEqual([]);
}

describe("bad input", () => {
  it("empty text, whitespace, punctuation only", () => {
    for (const text of ["", " \n\n ", "...!!!???", '"""', "“”‘’«»"]) valid(text);
  });

  it("text without sentence punctuation", () => {
    valid(`the council said ${"minister talks independence province government ".repeat(2000)}`);
  });

  it("a 5 MB single paragraph", () => {
    const text =
      "Russia said the plan was illegal, and “the talks must go on” he added while Churkin, the envoy, told reporters that ".repeat(
        45_000,
      );
    expect(text.length).toBeGreaterThan(5_000_000);
    valid(text);
  });

  it("a text of three hundred thousand short lines", () => {
    valid(Array.from({ length: 300_000 }, (_, i) => `Line ${i} of the list of polling stations`).join("\n"));
  });

  it("a long document with over a hundred thousand pronouns and back-to-back quotes", () => {
    const text =
      "John Smith met Mary Jones. “Yes,” he said. He added, “No.” She replied: “Maybe”“perhaps”. ".repeat(
        60_000,
      );
    valid(text);
  });

  it("long runs of digits, initials and marks that a backtracking pattern would read again and again", () => {
    for (const run of [
      `${"1".repeat(1_000_000)}x`,
      `${"1.".repeat(500_000)}x`,
      "a.".repeat(500_000),
      "'".repeat(500_000),
    ])
      valid(run);
  });

  it("unbalanced quotes everywhere", () => {
    valid(
      'He said "yes. She said “no. They said ‘maybe. "The end\n\n“Another ” “ ” " \' \' ’ ‘ said Tadic "',
    );
  });

  it("non-English text: said so, and nothing extracted", () => {
    const doc = extractText(
      "Der Außenminister sagte am Montag, dass Serbien die Unabhängigkeit des Kosovo niemals anerkennen werde. „Wir werden das nicht akzeptieren“, sagte Tadić in Belgrad vor Journalisten. Die Regierung in Moskau unterstützt Belgrad.",
    );
    expect(doc.notes).toEqual(["the text does not look like English; nothing was extracted"]);
    expect(doc.quotes).toEqual([]);
    expect(doc.mentions).toEqual([]);
  });
});

/** A small deterministic generator, so that a failure can be reproduced from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = [
  '"',
  "“",
  "”",
  "‘",
  "’",
  "'",
  "«",
  "»",
  ",",
  ".",
  "?",
  "\n",
  "\n\n",
  " said ",
  " he ",
  "Mr.",
  "(",
  ")",
  ":",
  "—",
  "\u0000",
  "\ud800",
  "š",
  "1999",
];

/** Mutations of a real article: characters deleted, inserted and swapped, paragraphs repeated or cut. */
function mutate(text: string, rand: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(rand() * 40);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * out.length);
    const kind = rand();
    if (kind < 0.35) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rand() * 20));
    else if (kind < 0.75)
      out = out.slice(0, at) + (NOISE[Math.floor(rand() * NOISE.length)] as string) + out.slice(at);
    else if (kind < 0.9) out = out.slice(at) + out.slice(0, at);
    else out = out + out.slice(at, at + Math.floor(rand() * 2000));
  }
  return out;
}

describe("fuzzing with mutated articles", () => {
  const sources = HAVE_SEEDS
    ? ["000_ab43830253b2613d.txt", "003_d2821416fc5f562e.txt"].map((f) =>
        readFileSync(join(SEEDS, f), "utf8"),
      )
    : [readFileSync(join(ROOT, "examples/articles/2007-07-20-council-draft-withdrawn.txt"), "utf8")];
  it("extracts 300 mutations without a crash and with every offset inside the text", () => {
    const rand = random(20081008);
    for (let i = 0; i < 300; i++) valid(mutate(sources[i % sources.length] as string, rand));
  });
});
