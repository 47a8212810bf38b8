/**
 * npm run bench:extract — MB/s of full extraction on one core over at least 20 MB of news text,
 * beside wink-nlp's bare readDoc pass over the same text, and the peak memory of extraction.
 * The text is PolNeAR train, repeated to 20 MB, when POLNEAR points at its built folder (see
 * ../shared/bench/polnear), else generated news-like articles.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractDocument } from "../src/extract/pipeline.ts";
import { newsArticle } from "./news.ts";

const TARGET = Number(process.env.BENCH_MB ?? 20) * 1e6;

function corpus(): { name: string; texts: string[] } {
  const dir = process.env.POLNEAR;
  const texts: string[] = [];
  let bytes = 0;
  if (dir && existsSync(join(dir, "train.jsonl"))) {
    const train = readFileSync(join(dir, "train.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text);
    for (let i = 0; bytes < TARGET; i++) {
      const t = train[i % train.length] ?? "";
      texts.push(t);
      bytes += Buffer.byteLength(t);
    }
    return { name: `PolNeAR train, repeated (${train.length} articles)`, texts };
  }
  for (let i = 0; bytes < TARGET; i++) {
    const t = newsArticle(i);
    texts.push(t);
    bytes += Buffer.byteLength(t);
  }
  return { name: "generated news-like articles (bench/news.ts)", texts };
}

const { name, texts } = corpus();
const mb = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / 1e6;
console.log(
  `bench:extract on ${texts.length} documents, ${mb.toFixed(1)} MB: ${name}; node ${process.version}, one core`,
);

// Warm up the lexicons and the JIT on a few documents first, as a long-running ingest would be.
for (const t of texts.slice(0, 20)) extractDocument({ id: "warm", text: t });
let quotes = 0;
let started = process.hrtime.bigint();
for (const [i, text] of texts.entries())
  quotes += extractDocument({ id: String(i), text, published: "2008-02-18" }).quotes.length;
const ours = Number(process.hrtime.bigint() - started) / 1e9;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  `standpoint extraction: ${ours.toFixed(1)} s, ${(mb / ours).toFixed(2)} MB/s, ${quotes} quotes, peak RSS ${peak.toFixed(0)} MB`,
);

const { default: winkNLP } = await import("wink-nlp");
const { default: model } = await import("wink-eng-lite-web-model");
const nlp = winkNLP(model);
nlp.readDoc(texts[0] as string);
let tokens = 0;
started = process.hrtime.bigint();
for (const text of texts) tokens += nlp.readDoc(text).tokens().length();
const wink = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`wink-nlp readDoc:      ${wink.toFixed(1)} s, ${(mb / wink).toFixed(2)} MB/s, ${tokens} tokens`);
console.log(`ratio: standpoint runs at ${(wink / ours).toFixed(2)}x wink's bare readDoc speed`);
