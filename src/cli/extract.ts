import type { Command } from "commander";
import { collectInputs, DEFAULT_MAX_BYTES } from "../ingest/inputs.ts";
import { argParser, collect, parseSize } from "./options.ts";
import { Progress, progressEnabled } from "./progress.ts";

interface ExtractFlags {
  issue: string[];
  codebook: string[];
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
    .option(
      "--issue <id-or-text>",
      'an issue: a codebook id or free text ("independence of Abkhazia"); repeatable',
      collect,
      [],
    )
    .option("--codebook <file>", "a codebook (JSON); repeatable", collect, [])
    .option("-q, --quiet", "no progress bar")
    .option("--max-size <size>", "largest document read (e.g. 10MB)", argParser(parseSize), DEFAULT_MAX_BYTES)
    .action(async (paths: string[], flags: ExtractFlags) => {
      const { readInput } = await import("../ingest/read.ts");
      const { extractDocument } = await import("../extract/pipeline.ts");
      const { resolveCodebooks, compiled } = await import("../stances/issues.ts");
      const books = resolveCodebooks(flags);
      const codebooks = books.length ? books.map(compiled) : undefined;
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
            { ...(flags.withText ? { withText: true } : {}), ...(codebooks ? { codebooks } : {}) },
          );
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
