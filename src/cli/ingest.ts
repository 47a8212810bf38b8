import type { Command } from "commander";
import { StandpointError } from "../errors.ts";
import type { Derive } from "../ingest/derive-step.ts";
import type { Tally } from "../ingest/ingest.ts";
import { collectInputs, DEFAULT_MAX_BYTES } from "../ingest/inputs.ts";
import type { Store } from "../store/open.ts";
import { reportItem } from "./item-report.ts";
import {
  addJobsOption,
  addLearnedOption,
  addMaxSizeOption,
  addStoreOption,
  argParser,
  collect,
  jobsFor,
  needPostgres,
  type StoreOptions,
  withStore,
} from "./options.ts";
import { Progress, progressEnabled } from "./progress.ts";
import { addWebOptions, type WebFlags, type WebReading, webReading } from "./web-options.ts";

export interface IngestFlags extends StoreOptions, WebFlags {
  json?: boolean;
  quiet?: boolean;
  /** False with --no-extract. */
  extract?: boolean;
  maxSize: number;
  issue?: string[];
  codebook?: string[];
  queue?: boolean;
  lease: number;
  learned?: boolean;
  jobs?: number;
}

export function registerIngest(program: Command): void {
  addStoreOption(
    addLearnedOption(
      addJobsOption(
        addMaxSizeOption(
          addWebOptions(
            program
              .command("ingest")
              .description(
                "store articles: files, folders (recursively), - for standard input, or web addresses of articles and RSS or Atom feeds",
              )
              .argument(
                "<paths...>",
                ".txt .md .html .jsonl .ndjson .warc .warc.gz files, folders, -, or http(s) URLs",
              )
              .option("--json", "print one JSON line per article and a summary line")
              .option("--no-extract", "store the articles only, without extracting actors, quotes and dates")
              .option(
                "--issue <id-or-text>",
                'an issue to find stances on: a codebook id or free text ("independence of Abkhazia"); repeatable',
                collect,
                [],
              )
              .option("--codebook <file>", "a codebook (JSON) defining an issue; repeatable", collect, [])
              .option("--queue", "queue the articles for `standpoint worker` processes (PostgreSQL store)")
              .option(
                "--lease <seconds>",
                "with --queue: how long a worker may go silent before its batch goes to another",
                argParser(parseLease),
                30,
              )
              .option("-q, --quiet", "no progress bar"),
          ),
          DEFAULT_MAX_BYTES,
        ),
      ),
    ),
  ).action(async (paths: string[], flags: IngestFlags) => {
    const web = await webReading(paths, flags);
    if (flags.queue) {
      needPostgres(flags.db, "ingest --queue");
      if (flags.extract === false)
        throw new StandpointError(
          "usage",
          "--queue and --no-extract: workers extract; to store without extracting, leave out --queue",
        );
      const { runEnqueue } = await import("./enqueue.ts");
      const tally = await withStore(flags, (store) => runEnqueue(store, paths, flags, web));
      if (tally.failed > 0) process.exitCode = 1;
      return;
    }
    const tally = await withStore(flags, (store) => runIngest(store, paths, flags, web));
    if (tally.failed > 0) process.exitCode = 1;
  });
}

/** pg-boss takes a heartbeat of 10 s at least; a day is already more than any batch needs. */
function parseLease(value: string): number {
  const n = Number(value.replace(/s$/, ""));
  if (!Number.isInteger(n) || n < 10 || n > 86_400)
    throw new StandpointError("usage", `not a lease in whole seconds from 10 to 86400: ${value}`);
  return n;
}

/** Ingests paths into an open store, reporting each failure on one stderr line; returns the tally. */
export async function runIngest(
  store: Store,
  paths: string[],
  flags: Omit<IngestFlags, "db" | "lease">,
  web: WebReading = {},
): Promise<Tally> {
  const started = Date.now();
  // The readers (HTML, dates) load only for commands that ingest.
  const { count, emptyTally, ingestInputs } = await import("../ingest/ingest.ts");
  const collected = await collectInputs(paths);
  const total = collected.inputs.reduce((sum, input) => sum + input.size, 0);
  const progress = new Progress(total, progressEnabled(flags.quiet || flags.json));
  const tally = emptyTally();
  tally.skipped = collected.skipped;
  const { derive, added, pool } =
    flags.extract === false ? { added: [] as string[] } : await deriveFor(store, flags, total);
  try {
    for await (const result of ingestInputs(store.db, collected, {
      maxBytes: flags.maxSize,
      stdin: process.stdin,
      ...web,
      ...(derive ? { derive } : {}),
    })) {
      count(tally, result);
      reportItem(result, flags.json, () => progress.clear());
      progress.advance(result.bytes);
    }
  } finally {
    await pool?.close();
  }
  progress.finish();
  if (tally.added || tally.replaced) await (await import("../store/settle.ts")).settle(store);
  const seconds = (Date.now() - started) / 1000;
  if (flags.json)
    process.stdout.write(`${JSON.stringify({ summary: tally, store: store.location, seconds })}\n`);
  else process.stdout.write(`${summaryLine(tally, store.location, seconds)}\n`);
  if (added.length && tally.unchanged)
    process.stderr.write(
      `standpoint: note: ${tally.unchanged} unchanged document(s) were not read again for ${added.join(", ")}; run \`standpoint reextract\` to find stances on it in all stored documents\n`,
    );
  return tally;
}

/**
 * The derive step for the issues asked for (or found), read on `--jobs` threads when there are
 * several; the pool, if any, is the caller's to close.
 */
async function deriveFor(
  store: Store,
  flags: Omit<IngestFlags, "db" | "lease">,
  inputBytes: number,
): Promise<{ derive: Derive; added: string[]; pool?: { close(): Promise<void> } }> {
  const { deriveWith } = await import("../ingest/derive.ts");
  const { compiled } = await import("../stances/issues.ts");
  const { chooseCodebooks } = await import("../ingest/codebooks.ts");
  const chosen = await chooseCodebooks(store, flags);
  const model = flags.learned ? (await import("../stances/learned/model.ts")).shippedModel() : null;
  const derive = deriveWith(chosen.books.map(compiled), chosen.detect, model);
  const added = chosen.added.map((b) => b.id);
  const jobs = jobsFor(flags.jobs, inputBytes);
  if (jobs < 2) return { derive, added };
  const { readOnPool } = await import("../ingest/derive-pool.ts");
  const setup = { codebooks: chosen.books, detect: chosen.detect, learned: Boolean(flags.learned) };
  return { ...readOnPool(derive, jobs, setup), added };
}

export function summaryLine(tally: Tally, location: string, seconds: number): string {
  const parts = [
    `${tally.added} added`,
    `${tally.unchanged} unchanged`,
    `${tally.replaced} replaced`,
    `${tally.duplicate} duplicate${tally.duplicate === 1 ? "" : "s"}`,
    `${tally.failed} failed`,
  ];
  const notes = [
    tally.nearCopies ? `${tally.nearCopies} near-cop${tally.nearCopies === 1 ? "y" : "ies"} grouped` : "",
    tally.skipped ? `${tally.skipped} other file${tally.skipped === 1 ? "" : "s"} passed over` : "",
  ].filter(Boolean);
  return `${location}: ${parts.join(", ")}${notes.length ? `; ${notes.join(", ")}` : ""} (${seconds.toFixed(1)} s)`;
}
