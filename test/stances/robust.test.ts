import { describe, expect, it } from "vitest";
import type { ExtractionRecord } from "../../src/contract.ts";
import { extractDocument } from "../../src/pipeline/document.ts";
import { states } from "../../src/world/states.ts";

/** Extracts with the issues found in the text, and checks every stance's evidence lies in it. */
function read(text: string): ExtractionRecord {
  const record = extractDocument({ id: "bad", text, published: "2008-02-18" });
  const outside = record.stances
    .flatMap((s) => s.evidence)
    .filter(([start, end]) => !(start >= 0 && end <= text.length));
  expect(outside).toEqual([]);
  return record;
}

function stancesOf(record: ExtractionRecord): string[] {
  const names = new Map(record.actors.map((a) => [a.id, a.name]));
  return record.stances.map((s) => `${names.get(s.actor)}=${s.stance}@${s.issue}`).sort();
}

describe("stances on bad input", () => {
  it("a sentence of over 2,000 words", () => {
    const clause =
      "Russia said that Serbia, which rejects the declaration, would never recognise Kosovo and ";
    const record = read(`The status of Kosovo is disputed. ${clause.repeat(160)}that was all.`);
    expect(stancesOf(record)).toContain("Serbia=oppose@kosovo-independence");
  });

  it("a list of 200 states", () => {
    const names = [...states().values()].filter((s) => s.type === "state").map((s) => s.name);
    const list = names.slice(0, 200);
    const text = `Kosovo declared independence. The states that have recognised Kosovo so far are ${list.slice(0, -1).join(", ")} and ${list.at(-1)}.`;
    const found = stancesOf(read(text)).filter((s) => s.endsWith("=support@kosovo-independence"));
    expect(found.length).toBeGreaterThan(150);
  });

  it("a headline in capitals", () => {
    const record = read(
      "RUSSIA REJECTS KOSOVO INDEPENDENCE AS US, FRANCE RECOGNISE THE NEW STATE\n\nKosovo declared independence on Sunday.",
    );
    expect(stancesOf(record)).toContain("Russia=oppose@kosovo-independence");
  });

  it("a text naming ten disputes", () => {
    const places = [
      "Kosovo",
      "Abkhazia",
      "Catalonia",
      "Scotland",
      "Kurdistan",
      "Somaliland",
      "Taiwan",
      "Crimea",
      "Transnistria",
      "Western Sahara",
    ];
    const text = places
      .map(
        (p) =>
          `Spain said that it would reject the independence of ${p}, and Russia said that it would recognise ${p} as a state.`,
      )
      .join(" ")
      .repeat(30);
    const issues = new Set(read(text).stances.map((s) => s.issue));
    expect(issues.size).toBe(10);
  });
});
