import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../src/codebooks/codebook.ts";
import { extractText } from "../../src/extract/stages.ts";
import { compile } from "../../src/stances/compile.ts";
import { findStances } from "../../src/stances/find.ts";

const book = {
  id: "x-independence",
  label: "Independence of X",
  target: ["X"],
  propositions: ["{T}'s independence"],
  support: ["~recognise {P}"],
  oppose: ["~reject {P}"],
};

describe("codebook patterns", () => {
  it("reads a word class of stance-syntax.json among a group's alternatives, and names an unknown one", () => {
    const judged = compile(
      parseCodebook({ ...book, oppose: ["~call {P} (@condemning_judgements|a lie)"] }, "b"),
    );
    const doc = extractText("Spain called X's independence a sham. Italy called X's independence a lie.");
    expect(findStances(doc, [judged]).map((s) => s.stance)).toEqual(["oppose", "oppose"]);
    expect(() => compile(parseCodebook({ ...book, oppose: ["~call {P} (@nope)"] }, "b"))).toThrow(
      /unknown word class @nope in a cue pattern \(known: @condemning_judgements/,
    );
  });

  it("names the field of a slot written inside a group", () => {
    expect(() => parseCodebook({ ...book, oppose: ["~call (it|{P}) illegal"] }, "book.json")).toThrow(
      /field oppose\.0: a slot such as \{P\} may not stand inside/,
    );
  });

  it("reads descriptors, and defaults them to none", () => {
    expect(parseCodebook(book, "book.json").descriptors).toEqual({ support: [], oppose: [] });
    const described = parseCodebook({ ...book, descriptors: { support: ["pro-independence"] } }, "book.json");
    expect(described.descriptors).toEqual({ support: ["pro-independence"], oppose: [] });
  });

  it("refuses a proposition whose optional words multiply past the limit, naming it", () => {
    const words = "[a|b|c|d|e|f|g|h|i]";
    const proposition = `${words} ${words} ${words} ${words} ${words} {T}'s independence`;
    expect(() => compile(parseCodebook({ ...book, propositions: [proposition] }, "book.json"))).toThrow(
      /proposition .* stands for 100000 phrases with the target's names \(at most 20000\)/,
    );
  });
  it("reads a proposition that holds another in its {P}, and refuses one that opens with {P}", () => {
    const nested = parseCodebook(
      { ...book, propositions: ["{T}'s independence", "the idea of {P}"] },
      "book.json",
    );
    const doc = extractText("Y rejected the idea of X's independence.");
    expect(
      findStances(doc, [compile(nested)]).map((s) => [doc.entities.get(s.actor).name, s.stance]),
    ).toEqual([["Y", "oppose"]]);
    expect(() => compile(parseCodebook({ ...book, propositions: ["{P} itself"] }, "book.json"))).toThrow(
      /proposition "\{P\} itself" may not open with \{P\}/,
    );
  });
});
