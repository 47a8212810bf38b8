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
    // A known miss must still run and still be missed: when it starts to pass, the table should
    // lose its mark; when reading it throws, the test fails like any other.
    it(`line ${row.line}${row.knownMiss ? " (known miss)" : ""}: ${row.text.slice(0, 90)}`, () => {
      const found = stancesIn(row);
      if (row.knownMiss)
        expect(found, "this row is read right now: remove its miss mark").not.toEqual(row.expected);
      else expect(found).toEqual(row.expected);
    });
  }
});
