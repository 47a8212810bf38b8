/**
 * npm run bench:extract — MB/s of full extraction on one core over at least 20 MB of news text,
 * and its peak memory; then its speed against wink-nlp's bare readDoc over the same text. The
 * text is PolNeAR train, repeated to 20 MB, when POLNEAR points at its built folder (see
 * ../shared/bench/polnear), else generated news-like articles.
 *
 * The comparison alternates the two over slices of about 1 MB, so that a slow spell of a shared
 * machine, which can last seconds, falls on both rather than on whichever ran then.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractDocument } from "../src/pipeline/document.ts";
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
const bytesOf = (list: string[]) => list.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
const mb = bytesOf(texts) / 1e6;
console.log(
  `bench:extract on ${texts.length} documents, ${mb.toFixed(1)} MB: ${name}; node ${process.version}, one core`,
);

const ours = (list: string[]) => {
  let quotes = 0;
  for (const [i, text] of list.entries())
    quotes += extractDocument({ id: String(i), text, published: "2008-02-18" }).quotes.length;
  return quotes;
};
const seconds = (run: () => unknown) => {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e9;
};

// Warm up the lexicons and the JIT on a few documents first, as a long-running ingest would be.
ours(texts.slice(0, 20));
let quotes = 0;
const alone = seconds(() => {
  quotes = ours(texts);
});
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  `standpoint extraction: ${alone.toFixed(1)} s, ${(mb / alone).toFixed(2)} MB/s, ${quotes} quotes, peak RSS ${peak.toFixed(0)} MB`,
);

const { default: winkNLP } = await import("wink-nlp");
const { default: model } = await import("wink-eng-lite-web-model");
const nlp = winkNLP(model);
let tokens = 0;
const wink = (list: string[]) => {
  for (const text of list) tokens += nlp.readDoc(text).tokens().length();
};
wink(texts.slice(0, 20));
tokens = 0;
const slices: string[][] = [];
let sliceBytes = Number.POSITIVE_INFINITY;
for (const text of texts) {
  if (sliceBytes >= 1e6) {
    slices.push([]);
    sliceBytes = 0;
  }
  (slices[slices.length - 1] as string[]).push(text);
  sliceBytes += Buffer.byteLength(text);
}
let oursTotal = 0;
let winkTotal = 0;
const ratios: number[] = [];
for (const [i, slice] of slices.entries()) {
  // Each goes first in every other slice.
  let o = 0;
  let w = 0;
  if (i % 2 === 0) {
    o = seconds(() => ours(slice));
    w = seconds(() => wink(slice));
  } else {
    w = seconds(() => wink(slice));
    o = seconds(() => ours(slice));
  }
  oursTotal += o;
  winkTotal += w;
  ratios.push(w / o);
}
ratios.sort((x, y) => x - y);
const at = (q: number) =>
  (ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))] as number).toFixed(2);
console.log(
  `alternating over ${slices.length} slices: standpoint ${(mb / oursTotal).toFixed(2)} MB/s, wink-nlp readDoc ${(mb / winkTotal).toFixed(2)} MB/s (${tokens} tokens)`,
);
console.log(
  `ratio: standpoint runs at ${(winkTotal / oursTotal).toFixed(2)}x wink's bare readDoc speed (slices: lowest ${at(0)}x, median ${at(0.5)}x, highest ${at(1)}x)`,
);
