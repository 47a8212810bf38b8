import { existsSync } from "node:fs";
import type { Command } from "commander";
import type { Codebook } from "../codebooks/codebook.ts";
import type { DocumentMeta } from "../contract.ts";
import { asStandpointError, StandpointError } from "../errors.ts";
import { collectInputs, DEFAULT_MAX_BYTES } from "../ingest/inputs.ts";
import type { Extracted } from "../pipeline/pool.ts";
import { isPostgresUrl, storeTarget } from "../store/target.ts";
import {
  addJobsOption,
  addLearnedOption,
  addMaxSizeOption,
  addStoreOption,
  collect,
  jobsFor,
  type StoreOptions,
  withStore,
} from "./options.ts";
import { Progress, progressEnabled } from "./progress.ts";
import { addWebOptions, type WebFlags, webReading } from "./web-options.ts";

/** With neither --issue nor --codebook, the codebooks of the store, if there is one; it is only read. */
async function storedCodebooks(db: string | undefined): Promise<Codebook[]> {
  const target = storeTarget(db);
  if (!isPostgresUrl(target) && !existsSync(target)) return [];
  const { listCodebooks } = await import("../store/codebooks.ts");
  return withStore({ db: target }, (store) => listCodebooks(store.db), { mustExist: true });
}

interface ExtractFlags extends StoreOptions, WebFlags {
  issue: string[];
  codebook: string[];
  json?: boolean;
  withText?: boolean;
  explain?: boolean;
  quiet?: boolean;
  maxSize: number;
  learned?: boolean;
  jobs?: number;
}

export function registerExtract(program: Command): void {
  const command = program
    .command("extract")
    .description("extract actors, quotes, dates and stances from articles without storing them")
    .argument("<paths...>", "files, folders, - or web addresses (the inputs ingest reads)")
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
    .option("-q, --quiet", "no progress bar");
  addStoreOption(
    addLearnedOption(addJobsOption(addMaxSizeOption(addWebOptions(command), DEFAULT_MAX_BYTES))),
  ).action(runExtract);
}

/** Reads documents in this thread, or on a pool of worker threads; either way one record a document. */
interface Reader {
  extract(doc: DocumentMeta & { text: string }): Promise<Extracted>;
  close(): Promise<void>;
}

async function reader(jobs: number, books: Codebook[], flags: ExtractFlags): Promise<Reader> {
  const { prepare, readOne } = await import("../pipeline/read-one.ts");
  const setup = {
    ...(books.length ? { codebooks: books } : {}),
    learned: Boolean(flags.learned),
    withText: Boolean(flags.withText),
    jsonLines: Boolean(flags.json),
  };
  const prepared = prepare(setup);
  const here = (doc: DocumentMeta & { text: string }) => readOne(doc, prepared);
  if (jobs > 1) {
    const { ExtractPool } = await import("../pipeline/pool.ts");
    const pool = new ExtractPool(jobs, setup, here);
    return { extract: (doc) => pool.extract(doc), close: () => pool.close() };
  }
  return { extract: async (doc) => here(doc), close: async () => {} };
}

/**
 * Extracts each article read from the paths and prints it, in input order whatever thread read it;
 * a bad input, or one whose extraction failed, is reported and passed over.
 */
async function runExtract(paths: string[], flags: ExtractFlags): Promise<void> {
  const { readInput } = await import("../ingest/read.ts");
  const { resolveCodebooks } = await import("../codebooks/resolve.ts");
  const books =
    flags.issue.length || flags.codebook.length
      ? resolveCodebooks(flags, await storedCodebooks(flags.db))
      : await storedCodebooks(flags.db);
  const { formatExtraction } = await import("./extraction-text.ts");
  const web = await webReading(paths, flags);
  const collected = await collectInputs(paths);
  const total = collected.inputs.reduce((sum, input) => sum + input.size, 0);
  const jobs = jobsFor(flags.jobs, total);
  const read = await reader(jobs, books, flags);
  const progress = new Progress(total, progressEnabled(flags.quiet) && Boolean(flags.json));
  let failed = collected.errors.length;
  for (const error of collected.errors) process.stderr.write(`standpoint: ${error.line()}\n`);
  const problem = (error: StandpointError) => {
    failed++;
    progress.clear();
    process.stderr.write(`standpoint: ${error.line()}\n`);
  };
  // Documents in flight, oldest first: each is printed once it and all before it are read.
  const window: Array<{ source: string; bytes: number; done: Promise<Extracted | StandpointError> }> = [];
  const printUpTo = async (left: number) => {
    while (window.length > left) {
      const { source, bytes, done } = window.shift() as (typeof window)[number];
      const extracted = await done;
      progress.advance(bytes);
      if (extracted instanceof StandpointError) {
        problem(extracted);
        continue;
      }
      for (const note of extracted.notes) {
        progress.clear();
        process.stderr.write(`standpoint: warning: ${source}: ${note}\n`);
      }
      process.stdout.write(
        "line" in extracted ? extracted.line : formatExtraction(extracted.record, Boolean(flags.explain)),
      );
    }
  };
  try {
    for (const input of collected.inputs) {
      for await (const item of readInput(input, { maxBytes: flags.maxSize, stdin: process.stdin, ...web })) {
        if ("error" in item) {
          window.push({ source: input.path, bytes: item.bytes, done: Promise.resolve(item.error) });
        } else {
          const { article } = item;
          const done = read
            .extract({ ...article.meta, id: article.id, text: article.text })
            .catch((error: unknown) => asStandpointError(error, "input", article.source));
          window.push({ source: article.source, bytes: item.bytes, done });
        }
        await printUpTo(jobs * IN_FLIGHT_PER_JOB);
      }
    }
    await printUpTo(0);
  } finally {
    await read.close();
  }
  progress.finish();
  if (failed) process.exitCode = 1;
}

/** Documents handed to each worker ahead of printing: enough that none waits, few enough to bound memory. */
const IN_FLIGHT_PER_JOB = 4;
