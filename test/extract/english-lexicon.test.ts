import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lexiconText, makeLexicon } from "../../scripts/english-lexicon.ts";
import { dataPath } from "../../src/paths.ts";

describe("the generated English lexicon", () => {
  it("is what scripts/english-lexicon.ts makes from the pinned sources (npm run lexicon:english rewrites it)", () => {
    const stored = readFileSync(dataPath("lexicons", "english-lexicon.generated.json"), "utf8");
    const made = makeLexicon();
    expect(made.given.m.length).toBeGreaterThan(1000);
    expect(made.common_words).toContain("minister");
    expect(stored).toBe(lexiconText(made));
  });
});
