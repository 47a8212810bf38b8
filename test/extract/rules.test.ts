import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { named, ruleIds } from "../../src/extract/rule-ids.ts";
import { collectInputs } from "../../src/ingest/inputs.ts";
import { DEFAULT_MAX_BYTES, readInput } from "../../src/ingest/read.ts";
import { extractDocument } from "../../src/pipeline/document.ts";
import { ROOT } from "../helpers/cli.ts";

describe("extraction rules", () => {
  it("name every quote by registered rules: an attribution rule, then the speaker's", async () => {
    const seen = new Set<string>();
    const collected = await collectInputs([join(ROOT, "examples/articles")]);
    for (const input of collected.inputs)
      for await (const item of readInput(input, { maxBytes: DEFAULT_MAX_BYTES }))
        if ("article" in item)
          for (const q of extractDocument({
            ...item.article.meta,
            id: item.article.id,
            text: item.article.text,
          }).quotes)
            for (const id of q.rule.split("/")) seen.add(id);
    expect(seen.size).toBeGreaterThan(5);
    for (const id of seen) expect(ruleIds().has(id), id).toBe(true);
  });

  it("refuse a second rule of an id already taken", () => {
    expect(ruleIds().has("cue-after")).toBe(true);
    expect(() => named("cue-after")).toThrow(/two extraction rules are named cue-after/);
  });
});
