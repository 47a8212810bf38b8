/**
 * The learned stance model against the rules alone, on disputes it never saw: the dev split's
 * disputes in folds, each fold read by a model trained on the others (leave-disputes-out), scored
 * by ../shared/bench/score-gold.mjs at several thresholds, beside the rules alone.
 *
 *   REALNEWS_TEXTS=DIR npm run bench:learned [-- --folds 6] [--train '{"l2":0.01}'] [--show 0.85]
 *
 * `--train` overrides the training options; `--show T` lists what the model adds at threshold T,
 * with the label's stance for the same actor name ("-" where the labels have none by that name).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Article,
  analyseArticle,
  examplesOf,
  loadArticles,
  splitDisputes,
} from "../scripts/stance-examples.ts";
import type { Analysis } from "../src/pipeline/document.ts";
import { toRecord } from "../src/pipeline/record.ts";
import { learnedStances } from "../src/stances/learned/apply.ts";
import type { PairModel } from "../src/stances/learned/model.ts";
import { type Example, TRAIN_DEFAULTS, type TrainOptions, train } from "../src/stances/learned/train.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const scorer = join(root, "..", "shared", "bench", "score-gold.mjs");
const textsDir = process.env.REALNEWS_TEXTS;
if (!textsDir) {
  console.error(
    "bench:learned: set REALNEWS_TEXTS to the folder of fetched texts (bench/realnews/README.md)",
  );
  process.exit(2);
}
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const folds = Number(option("folds") ?? 6);
const options = { ...TRAIN_DEFAULTS, ...(JSON.parse(option("train") ?? "{}") as Partial<TrainOptions>) };
const THRESHOLDS = [...new Set([0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, Number(option("show") ?? 0.85)])].sort(
  (a, b) => a - b,
);

const disputes = splitDisputes("dev").sort();
const { articles, missing } = loadArticles(textsDir, disputes);
if (missing.length)
  console.error(`bench:learned: ${missing.length} dev texts missing, left out: ${missing.join(" ")}`);
const started = performance.now();
const read = articles.map((a) => ({ article: a, analysis: analyseArticle(a) }));
const examples = new Map<string, Example[]>(
  read.map((r) => [r.article.id, examplesOf(r.article, r.analysis)]),
);
const foldOf = (a: Article) => disputes.indexOf(a.dispute) % folds;
const all = [...examples.values()].flat();
console.log(
  `dev: ${articles.length} articles, ${disputes.length} disputes in ${folds} folds; ${all.length} pairs (${all.filter((e) => e.label === 1).length} support, ${all.filter((e) => e.label === 2).length} oppose)`,
);

const rules = new Map<string, string>();
const learned = new Map<number, Map<string, string>>(THRESHOLDS.map((t) => [t, new Map()]));
for (let f = 0; f < folds; f++) {
  const weights = train(
    read.filter((r) => foldOf(r.article) !== f).flatMap((r) => examples.get(r.article.id) ?? []),
    options,
  );
  for (const { article, analysis } of read.filter((r) => foldOf(r.article) === f)) {
    rules.set(article.id, recordOf(article, analysis, []));
    for (const t of THRESHOLDS) {
      const model: PairModel = { threshold: t, weights };
      const added = learnedStances(
        analysis.doc,
        analysis.books,
        analysis.found.stances,
        analysis.found.unheld,
        model,
      );
      learned.get(t)?.set(article.id, recordOf(article, analysis, added));
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), "standpoint-learned-"));
const goldFile = join(dir, "gold.jsonl");
writeFileSync(goldFile, `${articles.map((a) => JSON.stringify(a.line)).join("\n")}\n`);
console.log("\nstances on dev, each fold read by a model that never saw its disputes:");
console.log("  reader            recall  precision  wrong  found");
report("rules alone", rules);
for (const t of THRESHOLDS) report(`rules + model ${t}`, learned.get(t) as Map<string, string>);
console.log(`training options: ${JSON.stringify(options)}`);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
rmSync(dir, { recursive: true, force: true });

function recordOf(article: Article, analysis: Analysis, added: Analysis["found"]["stances"]): string {
  const found = { ...analysis.found, stances: [...analysis.found.stances, ...added] };
  return JSON.stringify(
    toRecord(analysis.doc, found, { id: article.id, published: article.published, outlet: article.outlet }),
  );
}

function report(name: string, predicted: Map<string, string>): void {
  const predFile = join(dir, "pred.jsonl");
  writeFileSync(predFile, `${articles.map((a) => predicted.get(a.id)).join("\n")}\n`);
  const out = execFileSync("node", [scorer, goldFile, predFile, "--json"], { encoding: "utf8" });
  const s = (JSON.parse(out) as { summary: Record<string, number> }).summary;
  const found = [...predicted.values()].reduce(
    (n, line) => n + (JSON.parse(line) as { stances: unknown[] }).stances.length,
    0,
  );
  console.log(
    `  ${name.padEnd(18)}${String(s.stance_recall).padStart(6)}  ${String(s.stance_precision).padStart(9)}  ${String(s.stance_wrong_polarity).padStart(5)}  ${String(found).padStart(5)}`,
  );
}
const show = option("show");
if (show) {
  const t = Number(show);
  for (const a of articles) {
    const rec = JSON.parse(learned.get(t)?.get(a.id) ?? "{}") as {
      stances: Array<{ actor: string; stance: string; rule: string; evidence: [number, number][] }>;
      actors: Array<{ id: string; name: string }>;
    };
    for (const s of rec.stances.filter((x) => x.rule.startsWith("learned"))) {
      const name = rec.actors.find((x) => x.id === s.actor)?.name;
      const g = a.stances.find((x) => x.actor === name);
      const e = s.evidence[0] as [number, number];
      console.log(
        `${a.id}\t${name}\t${s.stance}\t${g?.stance ?? "-"}\t${a.text.slice(e[0], e[1]).slice(0, 200)}`,
      );
    }
  }
}
