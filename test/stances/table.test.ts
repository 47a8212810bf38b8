import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readSentences, stancesIn } from "./sentences.ts";

const TABLE = fileURLToPath(new URL("../fixtures/stances/sentences.tsv", import.meta.url));
const rows = readSentences(TABLE);

describe("stances in wire-style sentences", () => {
  it("has at least 200 sentences", () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });
  for (const row of rows) {
    // A known miss is expected to fail: when it starts to pass, the table should lose its mark.
    const test = row.knownMiss ? it.fails : it;
    test(`line ${row.line}: ${row.text.slice(0, 90)}`, () => {
      expect(stancesIn(row)).toEqual(row.expected);
    });
  }
});
