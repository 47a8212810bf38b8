import { describe, expect, it } from "vitest";
import { defaultCodebook } from "../../src/codebooks/default.ts";
import { analyse, extractDocument } from "../../src/pipeline/document.ts";
import { compiled } from "../../src/stances/issues.ts";
import { LEARNED_RULE, learnedStances } from "../../src/stances/learned/apply.ts";
import { candidates } from "../../src/stances/learned/features.ts";
import { type PairModel, probabilities, shippedModel } from "../../src/stances/learned/model.ts";
import { type Example, modelFile, train } from "../../src/stances/learned/train.ts";

const kosovo = () => compiled(defaultCodebook("independence of Kosovo"));

function read(text: string) {
  return analyse({ id: "t", text, published: null, outlet: null }, { codebooks: [kosovo()], model: null });
}

describe("the features of an actor–sentence pair", () => {
  it("name what each actor is to the issue, not the names of one dispute", () => {
    const { doc, books, found } = read("Kosovo's parliament met. Serbia rejects Kosovo's declaration.");
    const book = books[0] as (typeof books)[number];
    const pairs = candidates(doc, book, found.stances, found.unheld).filter((c) => c.sentence === 1);
    const serbia = pairs.find((c) => doc.entities.get(c.actor).name === "Serbia");
    expect(serbia?.features).toContain("rel:P");
    expect(serbia?.features).toContain("w:<t>");
    expect(serbia?.features).toContain("r:rejects");
    expect(serbia?.features.some((f) => f.includes("kosovo") || f.includes("serbia"))).toBe(false);
  });

  it("give a speaker the words it speaks", () => {
    const { doc, books, found } = read(
      'Kosovo declared independence. "We will never accept it," said Serbian President Boris Tadic.',
    );
    const pairs = candidates(doc, books[0] as (typeof books)[number], found.stances, found.unheld);
    const tadic = pairs.find((c) => doc.entities.get(c.entity).name === "Boris Tadic");
    expect(tadic?.features).toContain("src:both");
    expect(tadic?.features).toContain("q:never");
  });
});

describe("training", () => {
  const examples: Example[] = [
    ...Array.from({ length: 20 }, () => ({ features: ["bias", "welcomed"], label: 1 as const })),
    ...Array.from({ length: 20 }, () => ({ features: ["bias", "condemned"], label: 2 as const })),
    ...Array.from({ length: 40 }, () => ({ features: ["bias", "visited"], label: 0 as const })),
  ];

  it("separates the stances its examples show", () => {
    const model: PairModel = { threshold: 0.5, weights: train(examples) };
    const [s1, o1] = probabilities(model, ["bias", "welcomed"]);
    const [s2, o2] = probabilities(model, ["bias", "condemned"]);
    const [s3, o3] = probabilities(model, ["bias", "visited"]);
    expect(s1).toBeGreaterThan(0.8);
    expect(o2).toBeGreaterThan(0.8);
    expect(Math.max(s3, o3)).toBeLessThan(0.2);
    expect(o1 + s2).toBeLessThan(0.3);
  });

  it("gives the same file from the same examples", () => {
    const a = JSON.stringify(modelFile(train(examples), 0.9, {}));
    expect(JSON.stringify(modelFile(train(examples), 0.9, {}))).toBe(a);
  });

  it("leaves out features seen in fewer examples than asked", () => {
    const weights = train([...examples, { features: ["bias", "once"], label: 1 }]);
    expect(weights.has("once")).toBe(false);
  });
});

describe("learned stances", () => {
  const text =
    "Kosovo declared independence on Sunday. Moldova's foreign minister Andrei Stratan said Chisinau had doubts about the move.";

  it("are added for actors the rules found none for, with their sentence and the word that weighed most", () => {
    const model: PairModel = { threshold: 0.6, weights: new Map([["w:doubts", [-1, 3]]]) };
    const { doc, books, found } = read(text);
    const added = learnedStances(doc, books, found.stances, found.unheld, model);
    const moldova = added.find((s) => doc.entities.get(s.actor).name === "Moldova");
    expect(moldova).toMatchObject({ stance: "oppose", rule: LEARNED_RULE, issue: "kosovo-independence" });
    const evidence = moldova?.evidence[0] as { start: number; end: number };
    expect(text.slice(evidence.start, evidence.end)).toMatch(/^Moldova's foreign minister .* the move\.$/);
    const cue = moldova?.cues[0] as { start: number; end: number };
    expect(text.slice(cue.start, cue.end)).toBe("doubts");
    expect(doc.entities.get(moldova?.via as number).name).toBe("Andrei Stratan");
  });

  it("are not added below the threshold nor for an actor the rules read", () => {
    const weak: PairModel = { threshold: 0.99, weights: new Map([["w:doubts", [-1, 3]]]) };
    const { doc, books, found } = read(text);
    expect(learnedStances(doc, books, found.stances, found.unheld, weak)).toEqual([]);
    const ruled = read("Kosovo declared independence. Serbia rejected the declaration and voiced doubts.");
    const strong: PairModel = { threshold: 0.5, weights: new Map([["w:doubts", [3, -1]]]) };
    const added = learnedStances(ruled.doc, ruled.books, ruled.found.stances, ruled.found.unheld, strong);
    expect(ruled.found.stances.some((s) => ruled.doc.entities.get(s.actor).name === "Serbia")).toBe(true);
    expect(added.some((s) => ruled.doc.entities.get(s.actor).name === "Serbia")).toBe(false);
  });

  it("come with extraction only when a model is given, as `--learned` gives the shipped one", () => {
    const model = shippedModel();
    expect(model.threshold).toBeGreaterThan(0.5);
    expect(model.weights.size).toBeGreaterThan(1000);
    const article =
      "Kosovo declared independence on Sunday. Serbia recalled its ambassador from Washington in protest.";
    const on = extractDocument({ id: "t", text: article }, { codebooks: [kosovo()], model });
    const off = extractDocument({ id: "t", text: article }, { codebooks: [kosovo()] });
    expect(on.stances.filter((s) => s.rule === LEARNED_RULE).length).toBeGreaterThan(0);
    expect(off.stances.filter((s) => s.rule === LEARNED_RULE)).toEqual([]);
  });
});
