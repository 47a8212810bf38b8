import { availableParallelism } from "node:os";
import { type Command, InvalidArgumentError, Option } from "commander";
import { StandpointError } from "../errors.ts";
import type { Store } from "../store/open.ts";
import { isPostgresUrl, storeTarget } from "../store/target.ts";

/** The version `--version` prints and the default user agent names. */
export const VERSION = "0.1.0";

export interface StoreOptions {
  db?: string;
}

export function addStoreOption(command: Command): Command {
  return command.addOption(
    new Option(
      "--db <path-or-url>",
      "SQLite file or postgres:// URL (default: $STANDPOINT_DB, else ./standpoint.db)",
    ),
  );
}

/** `--max-size`: the largest document an input command reads. */
export function addMaxSizeOption(command: Command, largest: number): Command {
  return command.option(
    "--max-size <size>",
    "largest document read (e.g. 10MB)",
    argParser(parseSize),
    largest,
  );
}

/** `--learned`: stances read by the learned model too, for the commands that extract. */
export function addLearnedOption(command: Command): Command {
  return command.option(
    "--learned",
    "also read stances with the learned model: more found, a smaller share right (DEVELOPERS.md)",
  );
}

/** The most worker threads a command may ask for. */
const MAX_JOBS = 64;

/** Input under this size is read on one thread: starting a worker (loading and compiling the
 * extractor again in its own isolate) costs more than it saves (DEVELOPERS.md, Benchmarks). */
export const ONE_THREAD_UNDER = 16 * 1024 * 1024;

/**
 * `--jobs N`: extraction on N threads, this one and N - 1 workers. Unset, every core for inputs of
 * 16 MiB or more, else one.
 */
export function addJobsOption(command: Command): Command {
  return command.option(
    "--jobs <n>",
    `threads extracting at once, 1 to ${MAX_JOBS}; output in input order as with one (default: every core for 16 MB of input or more, else 1)`,
    argParser(parseJobs),
  );
}

/** The threads to read with: as asked, or as many as the input is worth. */
export function jobsFor(asked: number | undefined, inputBytes: number): number {
  if (asked) return asked;
  return inputBytes >= ONE_THREAD_UNDER ? availableParallelism() : 1;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_JOBS)
    throw new StandpointError("usage", `not a number of jobs from 1 to ${MAX_JOBS}: ${value}`);
  return n;
}

/** Runs `work` with the store open, closing it whatever happens. */
export async function withStore<T>(
  options: StoreOptions,
  work: (store: Store) => Promise<T>,
  open: { mustExist?: boolean } = {},
): Promise<T> {
  const { openStore } = await import("../store/open.ts");
  const store = await openStore(storeTarget(options.db), open);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The queue lives in PostgreSQL: refused before a SQLite file would be made for nothing. */
export function needPostgres(db: string | undefined, what: string): void {
  const target = storeTarget(db);
  if (!isPostgresUrl(target))
    throw new StandpointError(
      "usage",
      `${what} needs a PostgreSQL store (--db postgres://… or STANDPOINT_DB); ${target} would be a SQLite file`,
    );
}

const UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1 << 20,
  mb: 1 << 20,
  g: 1 << 30,
  gb: 1 << 30,
};

/** "10MB", "500k", "2048" to bytes. */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = match ? UNITS[(match[2] ?? "").toLowerCase()] : undefined;
  if (!match || unit === undefined)
    throw new StandpointError("usage", `not a size: ${value} (try 10MB or 500k)`);
  return Math.round(Number(match[1]) * unit);
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new StandpointError("usage", `not a whole number ≥ 0: ${value}`);
  return n;
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A value parser for commander that reports a bad value as commander's own one-line error. */
export function argParser<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}
