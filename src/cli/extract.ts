import type { Command } from "commander";
import { collectInputs, DEFAULT_MAX_BYTES } from "../ingest/inputs.ts";
import { argParser, parseSize } from "./options.ts";
import { Progress, progressEnabled } from "./progress.ts";

interface ExtractFlags {
  json?: boolean;
  withText?: boolean;
  explain?: boolean;
  quiet?: boolean;
  maxSize: number;
}

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("extract actors, quotes and dates from articles without storing them")
    .argument("<paths...>", "files, folders or - (the formats ingest reads)")
    .option("--json", "JSON Lines, one document a line (the contract in DESIGN.md)")
    .option("--with-text", "include each document's text in the JSON")
    .option("--explain", "show the rule and cue behind each quote")
    .option("-q, --quiet", "no progress bar")
    .option("--max-size <size>", "largest document read (e.g. 10MB)", argParser(parseSize), DEFAULT_MAX_BYTES)
    .action(async (paths: string[], flags: ExtractFlags) => {
      const { readInput } = await import("../ingest/read.ts");
      const { extractText } = await import("../extract/pipeline.ts");
      const { toContract } = await import("../extract/contract.ts");
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
          const doc = extractText(article.text, article.meta.published);
          const record = toContract(doc, { ...article.meta, id: article.id }, flags.withText);
          for (const note of record.notes ?? []) {
            progress.clear();
            process.stderr.write(`standpoint: warning: ${article.source}: ${note}\n`);
          }
          process.stdout.write(
            flags.json ? `${JSON.stringify(record)}\n` : formatExtraction(record, Boolean(flags.explain)),
          );
        }
      }
      progress.finish();
      if (failed) process.exitCode = 1;
    });
}
