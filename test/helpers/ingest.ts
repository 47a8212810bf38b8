import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chooseCodebooks } from "../../src/ingest/codebooks.ts";
import { deriveWith } from "../../src/ingest/derive.ts";
import { type ItemResult, ingestInputs } from "../../src/ingest/ingest.ts";
import { collectInputs, DEFAULT_MAX_BYTES } from "../../src/ingest/inputs.ts";
import { compiled } from "../../src/stances/issues.ts";
import type { Store } from "../../src/store/open.ts";

/** Ingests paths as `standpoint ingest` does, with its --issue and --codebook, and returns each item's result. */
export async function ingestPaths(
  store: Store,
  paths: string[],
  options: { issue?: string[]; codebook?: string[] } = {},
): Promise<ItemResult[]> {
  const { books, detect } = await chooseCodebooks(store, options);
  const derive = deriveWith(books.map(compiled), detect);
  const results: ItemResult[] = [];
  for await (const r of ingestInputs(store.db, await collectInputs(paths), {
    maxBytes: DEFAULT_MAX_BYTES,
    stdin: process.stdin,
    derive,
  }))
    results.push(r);
  return results;
}

export interface TestArticle {
  id: string;
  text: string;
  outlet?: string;
  published?: string;
  title?: string;
}

/** Writes articles to a JSON Lines file in a temporary folder and returns its path. */
export function articlesFile(articles: TestArticle[], name = "articles.jsonl"): string {
  const path = join(mkdtempSync(join(tmpdir(), "standpoint-articles-")), name);
  writeFileSync(path, `${articles.map((a) => JSON.stringify(a)).join("\n")}\n`);
  return path;
}

/**
 * A folder of `count` short wire reports (`doc-0000.txt` …), each with a byline, a date line and
 * `sentences` sentences: a corpus for tests that kill or race ingests.
 */
export function reportFiles(count: number, sentences: number): string {
  const dir = mkdtempSync(join(tmpdir(), "standpoint-reports-"));
  for (let i = 0; i < count; i++) {
    const text = `Report ${i}\n\nBy Ann Lee\n18 February 2008\n\n${`Delegation ${i} said the talks on item ${i * 7} would resume. `.repeat(sentences)}`;
    writeFileSync(join(dir, `doc-${String(i).padStart(4, "0")}.txt`), text);
  }
  return dir;
}
