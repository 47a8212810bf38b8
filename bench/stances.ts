/**
 * Stance accuracy: on the table of wire-style sentences (test/fixtures/stances/sentences.tsv),
 * the share read exactly right and precision and recall over (actor, stance) pairs; on the seed
 * articles, the scores of ../shared/bench/score-gold.mjs when ../shared is beside the project.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocument } from "../src/pipeline/document.ts";
import { readSentences, stancesIn } from "../test/stances/sentences.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const rows = readSentences(join(root, "test/fixtures/stances/sentences.tsv"));
let exact = 0;
let found = 0;
let expected = 0;
let correct = 0;
let wrongPolarity = 0;
for (const row of rows) {
  const got = stancesIn(row);
  if (JSON.stringify(got) === JSON.stringify(row.expected)) exact++;
  found += got.length;
  expected += row.expected.length;
  for (const pair of got) {
    if (row.expected.includes(pair)) correct++;
    else if (row.expected.some((e) => e.split("=")[0] === pair.split("=")[0])) wrongPolarity++;
  }
}
const precision = correct / found;
const recall = correct / expected;
console.log(
  `sentences: ${rows.length} (${rows.filter((r) => r.expected.length === 0).length} with no stance)`,
);
console.log(`  read exactly right: ${exact}/${rows.length} = ${(exact / rows.length).toFixed(3)}`);
console.log(
  `  pairs: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${((2 * precision * recall) / (precision + recall)).toFixed(3)}; wrong polarity ${wrongPolarity}`,
);

const seeds = join(root, "..", "shared", "fixtures", "seeds");
const scorer = join(root, "..", "shared", "bench", "score-gold.mjs");
if (!existsSync(seeds) || !existsSync(scorer)) {
  console.log("seeds: skipped (../shared is not beside the project)");
} else {
  const lines = readdirSync(seeds)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => {
      const id = f.replace(/\.txt$/, "");
      const sidecar = join(seeds, `${id}.meta.json`);
      const meta = existsSync(sidecar)
        ? (JSON.parse(readFileSync(sidecar, "utf8")) as Record<string, string>)
        : {};
      return JSON.stringify(
        extractDocument({
          id,
          text: readFileSync(join(seeds, f), "utf8"),
          published: meta.published ?? null,
        }),
      );
    });
  const out = join(mkdtempSync(join(tmpdir(), "standpoint-bench-")), "seeds.jsonl");
  writeFileSync(out, `${lines.join("\n")}\n`);
  const report = execFileSync("node", [scorer, seeds, out], { encoding: "utf8" });
  console.log("seeds (score-gold.mjs):");
  for (const line of report.split("\n")) if (/^stance/.test(line)) console.log(`  ${line}`);
}
