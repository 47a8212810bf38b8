import { readFileSync } from "node:fs";
import { resolveCodebooks } from "../../src/codebooks/resolve.ts";
import { extractDocument } from "../../src/pipeline/document.ts";
import { compiled } from "../../src/stances/issues.ts";

export interface Sentence {
  line: number;
  issue: string;
  text: string;
  expected: string[];
  knownMiss: boolean;
}

/** The table of wire-style sentences and the stances they show (test/fixtures/stances/sentences.tsv). */
export function readSentences(path: string): Sentence[] {
  const out: Sentence[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((row, i) => {
      if (!row.trim() || row.startsWith("#")) return;
      const [issue = "", text = "", expected = "", flag = ""] = row.split("\t");
      out.push({
        line: i + 1,
        issue,
        text,
        expected: expected.split(" ").filter(Boolean).sort(),
        knownMiss: flag.trim() === "miss",
      });
    });
  return out;
}

/**
 * The stances extraction finds in a sentence, as ACTOR=stance with a state by its code. The
 * sentence is read as the last paragraph of a report on the dispute, as it would be found: a lede
 * naming the target and showing no stance comes first, and only stances in the sentence count.
 * The rules alone: the table holds them to its marks; the learned model is measured on real text.
 */
export function stancesIn(sentence: Pick<Sentence, "issue" | "text">): string[] {
  const [book] = resolveCodebooks({ issue: [sentence.issue] });
  if (!book) throw new Error(`no codebook for ${sentence.issue}`);
  const target = book.target[0] as string;
  const lede = `The status of ${target} drew statements from governments. This report gathers what was said about ${target}.\n\n`;
  const text = lede + sentence.text;
  const record = extractDocument(
    { id: "sentence", text, published: "2008-02-20" },
    { codebooks: [compiled(book)], model: null },
  );
  const keys = new Map(record.actors.map((a) => [a.id, a.key.replace(/^state:/, "")]));
  return [
    ...new Set(
      record.stances
        .filter((s) => s.evidence.some(([start]) => start >= lede.length))
        .map((s) => `${keys.get(s.actor)}=${s.stance}`),
    ),
  ].sort();
}
