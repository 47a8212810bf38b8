import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractText } from "../../src/extract/stages.ts";

/** Texts that must not match, one a line, as chrono keeps them: a regression in a rule shows here first. */
function lines(name: string): string[] {
  return readFileSync(new URL(`../fixtures/extract/${name}`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"));
}

describe("texts that must not match", () => {
  it.each(lines("not-dates.txt"))("no date: %s", (text) => {
    expect(extractText(text, "2007-07-23").dates.map((d) => d.text)).toEqual([]);
  });
  it.each(lines("not-quotes.txt"))("no direct quote: %s", (text) => {
    const direct = extractText(text).quotes.filter((q) => q.kind === "direct");
    expect(direct.map((q) => text.slice(q.start, q.end))).toEqual([]);
  });
  it.each(lines("not-people.txt"))("no person: %s", (text) => {
    expect(
      extractText(text)
        .entities.list.filter((e) => e.kind === "person")
        .map((e) => e.name),
    ).toEqual([]);
  });
});
