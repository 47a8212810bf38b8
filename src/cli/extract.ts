import { existsSync } from "node:fs";
import type { Command } from "commander";
import type { Codebook } from "../codebooks/codebook.ts";
import { collectInputs, DEFAULT_MAX_BYTES } from "../ingest/inputs.ts";
import { isPostgresUrl, storeTarget } from "../store/target.ts";
import {
  addLearnedOption,
  addStoreOption,
  argParser,
  collect,
  parseSize,
  type StoreOptions,
  withStore,
} from "./options.ts";
import { Progress, progressEnabled } from "./progress.ts";

/** With neither --issue nor --codebook, the codebooks of the store, if there is one; it is only read. */
async function storedCodebooks(db: string | undefined): Promise<Codebook[]> {
  const target = storeTarget(db);
  if (!isPostgresUrl(target) && !existsSync(target)) return [];
  const { listCodebooks } = await import("../store/codebooks.ts");
  return withStore({ db: target }, (store) => listCodebooks(store.db), { mustExist: true });
}

interface ExtractFlags extends StoreOptions {
  issue: string[];
  codebook: string[];
  json?: boolean;
  withText?: boolean;
  explain?: boolean;
  quiet?: boolean;
  maxSize: number;
  learned?: boolean;
}

export function registerExtract(program: Command): void {
  const command = program
    .command("extract")
    .description("extract actors, quotes, dates and stances from articles without storing them")
    .argument("<paths...>", "files, folders or - (the formats ingest reads)")
    .option("--json", "JSON Lines, one document a line (the contract in DESIGN.md)")
    .option("--with-text", "include each document's text in the JSON")
    .option("--explain", "show the rule and cue behind each quote")
    .option(
      "--issue <id-or-text>",
      'an issue: a codebook id or free text ("independence of Abkhazia"); repeatable',
      collect,
      [],
    )
    .option("--codebook <file>", "a codebook (JSON); repeatable", collect, [])
    .option("-q, --quiet", "no progress bar")
    .option(
      "--max-size <size>",
      "largest document read (e.g. 10MB)",
      argParser(parseSize),
      DEFAULT_MAX_BYTES,
    );
  addStoreOption(addLearnedOption(command)).action(runExtract);
}

/** Extracts each article read from the paths and prints it; a bad input is reported and passed over. */
async function runExtract(paths: string[], flags: ExtractFlags): Promise<void> {
  const { readInput } = await import("../ingest/read.ts");
  const { extractDocument } = await import("../pipeline/document.ts");
  const { contractOf } = await import("../pipeline/record.ts");
  const { compiled } = await import("../stances/issues.ts");
  const { resolveCodebooks } = await import("../codebooks/resolve.ts");
  const books =
    flags.issue.length || flags.codebook.length ? resolveCodebooks(flags) : await storedCodebooks(flags.db);
  const codebooks = books.length ? books.map(compiled) : undefined;
  const model = flags.learned ? (await import("../stances/learned/model.ts")).shippedModel() : null;
  const { formatExtraction } = await import("./extraction-text.ts");
  const collected = await collectInputs(paths);
  const progress = new Progress(
    collected.inputs.reduce((sum, input) => sum + input.size, 0),
    progressEnabled(flags.quiet) && Boolean(flags.json),
  );
  let failed = collected.errors.length;
  for (const error of collected.errors) process.stderr.write(`standpoint: ${error.line()}\n`);
  for (const input of collected.inputs) {
    for await (const item of readInput(input, { maxBytes: flags.maxSize, stdin: process.stdin })) {
      progress.advance(item.bytes);
      if ("error" in item) {
        failed++;
        progress.clear();
        process.stderr.write(`standpoint: ${item.error.line()}\n`);
        continue;
      }
      const { article } = item;
      const record = extractDocument(
        { ...article.meta, id: article.id, text: article.text },
        { ...(flags.withText ? { withText: true } : {}), ...(codebooks ? { codebooks } : {}), model },
      );
      for (const note of record.notes ?? []) {
        progress.clear();
        process.stderr.write(`standpoint: warning: ${article.source}: ${note}\n`);
      }
      process.stdout.write(
        flags.json
          ? `${JSON.stringify(contractOf(record))}\n`
          : formatExtraction(record, Boolean(flags.explain)),
      );
    }
  }
  progress.finish();
  if (failed) process.exitCode = 1;
}
