/**
 * npm run bench:ingest — articles/s and MB/s for ingesting 10,000 generated articles into a new
 * SQLite store, without extraction: once as 10,000 .txt files, once as one JSON Lines file.
 * `npm run bench:ingest -- --pipeline [--mb 20] [--persons N]`: with extraction, against
 * extraction alone, on SQLite and PostgreSQL (bench/pipeline.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { count, emptyTally, ingestInputs } from "../src/ingest/ingest.ts";
import { collectInputs, DEFAULT_MAX_BYTES } from "../src/ingest/inputs.ts";
import { openStore } from "../src/store/open.ts";
import { article } from "./generate.ts";

const { values } = parseArgs({
  options: {
    pipeline: { type: "boolean", default: false },
    mb: { type: "string", default: "20" },
    persons: { type: "string", default: "0" },
  },
});
if (values.pipeline) {
  const { pipeline } = await import("./pipeline.ts");
  await pipeline({ mb: Number(values.mb), persons: Number(values.persons) });
  process.exit(0);
}

const N = Number(process.env.BENCH_ARTICLES ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), "standpoint-bench-ingest-"));

async function run(label: string, paths: string[], bytes: number): Promise<void> {
  const store = await openStore(join(dir, `${label}.db`));
  const collected = await collectInputs(paths);
  const tally = emptyTally();
  const started = process.hrtime.bigint();
  for await (const result of ingestInputs(store.db, collected, { maxBytes: DEFAULT_MAX_BYTES }))
    count(tally, result);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  if (tally.added !== N || tally.failed)
    throw new Error(`${label}: expected ${N} added, got ${JSON.stringify(tally)}`);
  console.log(
    `${label.padEnd(6)} ${N} articles, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s: ` +
      `${(N / seconds).toFixed(0)} articles/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`,
  );
}

try {
  const files = join(dir, "files");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(files);
  let fileBytes = 0;
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const a = article(i);
    const text = `${a.title}\n\nBy ${a.author}\n${a.date}\n\n${a.text}\n`;
    writeFileSync(join(files, `a${String(i).padStart(5, "0")}.txt`), text);
    fileBytes += Buffer.byteLength(text);
    lines.push(
      JSON.stringify({ id: `a${i}`, title: a.title, author: a.author, published: a.date, text: a.text }),
    );
  }
  const jsonl = join(dir, "articles.jsonl");
  writeFileSync(jsonl, `${lines.join("\n")}\n`);
  console.log(`bench:ingest on ${N} generated articles (SQLite, no extraction, node ${process.version})`);
  await run("files", [files], fileBytes);
  await run("jsonl", [jsonl], Buffer.byteLength(lines.join("\n")));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
