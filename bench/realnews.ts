/**
 * Accuracy on real news: the hand-labelled articles of bench/realnews/gold.jsonl, whose texts are
 * fetched into REALNEWS_TEXTS (never into the repository), extracted as a user would run
 * `extract --json` (no --issue: the dispute is found in the text), scored by
 * ../shared/bench/score-gold.mjs for each split of bench/realnews/splits.json, with stance recall
 * and precision for each dispute.
 *
 *   REALNEWS_TEXTS=DIR npm run bench:realnews [-- --misses dev|test|all] [--split dev|test] [--learned]
 *
 * `--learned` reads as `extract --learned` does: the learned stance model beside the rules.
 * Misses are listed for the dev split only unless asked: the test split is held out.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocument } from "../src/pipeline/document.ts";
import { shippedModel } from "../src/stances/learned/model.ts";

interface GoldLine {
  id: string;
  url: string;
  query: string;
  dispute: string;
  outlet?: string;
  published?: string | null;
  chars?: number;
  stances?: unknown[];
}

const root = fileURLToPath(new URL("..", import.meta.url));
const here = join(root, "bench", "realnews");
const scorer = join(root, "..", "shared", "bench", "score-gold.mjs");
const checker = join(root, "..", "shared", "bench", "realnews", "check.mjs");

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fail(message: string): never {
  console.error(`bench:realnews: ${message}`);
  process.exit(2);
}

const textsDir = process.env.REALNEWS_TEXTS;
if (!textsDir) fail("set REALNEWS_TEXTS to the folder of fetched texts (bench/realnews/README.md)");
if (!existsSync(scorer)) fail(`no scorer at ${scorer}: ../shared must be beside the project`);
const goldPath = join(here, "gold.jsonl");
const labelled: GoldLine[] = readFileSync(goldPath, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldLine);
const splits = JSON.parse(readFileSync(join(here, "splits.json"), "utf8")) as Record<string, string[]>;

// A text that can no longer be fetched (a page gone from the store) leaves its article out of the
// scores, said on every run, rather than stopping the bench.
const missing = labelled.filter((g) => !existsSync(join(textsDir, `${g.id}.txt`)));
for (const g of missing)
  console.error(`${g.id}: search the pages corpus for ${JSON.stringify(g.query)} and take ${g.url}`);
if (missing.length)
  console.error(
    `bench:realnews: ${missing.length} texts are missing from ${textsDir} and left out of the scores (how to fetch them: bench/realnews/README.md)`,
  );
const gold = labelled.filter((g) => !missing.includes(g));
if (!gold.length) fail(`no texts in ${textsDir}`);
const dir = mkdtempSync(join(tmpdir(), "standpoint-realnews-"));
const present = join(dir, "present.gold.jsonl");
writeFileSync(present, `${gold.map((l) => JSON.stringify(l)).join("\n")}\n`);
try {
  execFileSync("node", [checker, present, textsDir], { encoding: "utf8" });
} catch (e) {
  const out = String((e as { stdout?: string }).stdout ?? e);
  fail(`the texts in ${textsDir} do not match the gold lines:\n${out}`);
}

const model = process.argv.includes("--learned") ? shippedModel() : null;
const predicted = new Map<string, string>();
for (const g of gold) {
  const text = readFileSync(join(textsDir, `${g.id}.txt`), "utf8");
  const record = extractDocument(
    { id: g.id, text, published: g.published ?? null, outlet: g.outlet ?? null },
    { model },
  );
  predicted.set(g.id, JSON.stringify(record));
}

interface Scored {
  summary: Record<string, number | string>;
  misses: string[];
}

function score(lines: GoldLine[], name: string): Scored {
  const goldFile = join(dir, `${name}.gold.jsonl`);
  const predFile = join(dir, `${name}.pred.jsonl`);
  writeFileSync(goldFile, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
  writeFileSync(predFile, `${lines.map((l) => predicted.get(l.id)).join("\n")}\n`);
  const out = execFileSync("node", [scorer, goldFile, predFile, "--json"], { encoding: "utf8" });
  return JSON.parse(out) as Scored;
}

const showMisses = option("misses") ?? "dev";
const only = option("split");
for (const [split, disputes] of Object.entries(splits)) {
  if (only && only !== split) continue;
  const lines = gold.filter((g) => disputes.includes(g.dispute));
  const outlets = new Set(lines.map((g) => g.outlet)).size;
  const { summary, misses } = score(lines, split);
  const absent = missing.filter((g) => disputes.includes(g.dispute)).length;
  console.log(
    `\n${split}: ${lines.length} articles${absent ? ` (${absent} missing, left out)` : ""}, ${disputes.length} disputes, ${outlets} outlets`,
  );
  for (const [k, v] of Object.entries(summary)) console.log(`  ${k}: ${v}`);
  console.log("  by dispute (stances: recall, precision, wrong polarity, gold):");
  for (const dispute of disputes) {
    const part = lines.filter((g) => g.dispute === dispute);
    if (!part.length) continue;
    const s = score(part, `${split}-${dispute}`).summary;
    const n = part.reduce((sum, g) => sum + (g.stances?.length ?? 0), 0);
    console.log(
      `    ${dispute.padEnd(18)} ${s.stance_recall}  ${s.stance_precision}  ${s.stance_wrong_polarity}  ${n}`,
    );
  }
  if (showMisses === split || showMisses === "all") {
    console.log("  misses:");
    for (const m of misses) console.log(`    ${m}`);
  }
}
rmSync(dir, { recursive: true, force: true });
