import { describe, expect, it } from "vitest";
import { defaultCodebook } from "../../src/codebooks/default.ts";
import { bearingsFor, voteStance } from "../../src/resolve/record-stances.ts";

const symbols = (text: string) =>
  bearingsFor(defaultCodebook(text)).map((b) => `${b.symbol} ${b.bears} ${b.yes}`);

describe("which recorded decisions bear on an issue", () => {
  it("takes a decision for the disputes over its target of the kinds it bears on", () => {
    expect(symbols("independence of Kosovo")).toEqual(["A/RES/63/3 own-issue oppose"]);
    expect(symbols("UNESCO membership of Kosovo")).toEqual([]);
    expect(symbols("annexation of Crimea by Russia")).toEqual([
      "A/RES/68/262 stance oppose",
      "S/2014/189 stance oppose",
    ]);
    expect(symbols("independence of Palestine")).toEqual(["A/RES/67/19 stance support"]);
    expect(symbols("autonomy of Western Sahara")).toEqual([]);
    expect(symbols("independence of Catalonia")).toEqual([]);
  });

  it("adds a codebook's own, which win over the reference list's", () => {
    const book = {
      ...defaultCodebook("independence of Kosovo"),
      records: {
        votes: [{ symbol: "R/63/3", bears: "stance" as const, yes: "oppose" as const, note: "ours" }],
      },
    };
    expect(bearingsFor(book).map((b) => [b.symbol, b.bears, b.from])).toEqual([
      ["A/RES/63/3", "stance", "codebook"],
    ]);
  });

  it("reads a vote the way the decision bears: a no and a veto against a yes, an abstention neutral, an absence nothing", () => {
    expect([voteStance("yes", "oppose"), voteStance("no", "oppose"), voteStance("veto", "support")]).toEqual([
      "oppose",
      "support",
      "oppose",
    ]);
    expect([voteStance("abstain", "support"), voteStance("absent", "support")]).toEqual(["neutral", null]);
  });
});
