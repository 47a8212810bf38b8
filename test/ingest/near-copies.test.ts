import { describe, expect, it } from "vitest";
import { bandKeys, jaccard, shingles } from "../../src/ingest/near-copies.ts";

/** FNV-1a over UTF-16 code units: what a shingle's hash is defined as, kept here as the reference. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Word 5-shingles the plain way: lower-cased runs of letters and digits joined by spaces. */
function reference(text: string): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(fnv(words.slice(i, i + 5).join(" ")));
  return [...out].sort();
}

describe("near-copy shingles", () => {
  it("hash each run of five words, case and punctuation ignored", () => {
    expect([...shingles("Kosovo's parliament -- on Sunday -- declared INDEPENDENCE.")].sort()).toEqual(
      [
        fnv("kosovo s parliament on sunday"),
        fnv("s parliament on sunday declared"),
        fnv("parliament on sunday declared independence"),
      ].sort(),
    );
  });

  it("split words as the Unicode letter and digit classes do, whatever the script or plane", () => {
    const texts = [
      "Приштина объявила независимость 17 февраля 2008 года, Белград против",
      "İstanbul'da ŞİMDİ ΣΟΦΙΑ ﬁnal Ǆemal straße ٣٤ 中文 新闻 报道 今天",
      "𝐀𝐁 word 😀 emoji e\u0301cole \u00a0non\u00a0breaking lone \ud800 high \udc00 low \ud800\udc00 pair end",
    ];
    for (const text of texts) expect([...shingles(text)].sort()).toEqual(reference(text));
  });

  it("give copies of one story the same band keys and a high Jaccard, other stories neither", () => {
    const story =
      "Serbia said on Monday it would never recognise the declaration of independence made by the assembly in Pristina, and recalled its ambassador from Washington";
    const copy = `${story}, officials said.`;
    const other =
      "The Spanish government said the referendum held in Barcelona on Sunday had no legal effect, and the prime minister called for talks";
    expect(jaccard(shingles(story), shingles(copy))).toBeGreaterThan(0.8);
    expect(
      bandKeys(shingles(story)).filter((k) => bandKeys(shingles(copy)).includes(k)).length,
    ).toBeGreaterThan(0);
    expect(jaccard(shingles(story), shingles(other))).toBe(0);
  });
});
