import type { Command } from "commander";
import { StandpointError } from "../errors.ts";
import type { ReadOptions } from "../ingest/read.ts";
import { parseDateOption } from "../resolve/dates.ts";
import { argParser, VERSION } from "./options.ts";

export interface WebFlags {
  since?: string;
  delay?: number;
  userAgent?: string;
}

/** The options of the commands that read web addresses: feeds and article pages. */
export function addWebOptions(command: Command): Command {
  return command
    .option(
      "--since <date>",
      "feeds: only entries dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD), for daily runs",
      argParser((value) => parseDateOption(value, "--since")),
    )
    .option(
      "--delay <seconds>",
      "web addresses: the least time between two requests to one site (a longer Crawl-delay wins)",
      argParser(parseDelay),
      1,
    )
    .option(
      "--user-agent <text>",
      "web addresses: who is asking, sent with every request",
      argParser(parseAgent),
      defaultAgent(),
    );
}

function defaultAgent(): string {
  return `standpoint/${VERSION} (news research; honours robots.txt)`;
}

/** A header value: one line of printable characters. */
function parseAgent(value: string): string {
  const text = value.trim();
  if (!text || !/^[\x20-\x7e]+$/.test(text))
    throw new StandpointError(
      "usage",
      `not a user agent (one line of printable ASCII): ${JSON.stringify(value)}`,
    );
  return text;
}

function parseDelay(value: string): number {
  const n = Number(value.replace(/s$/, ""));
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 3600)
    throw new StandpointError("usage", `not a delay in seconds from 0 to 3600: ${value}`);
  return n;
}

export type WebReading = Pick<ReadOptions, "fetcher" | "since">;

/** What reading needs for web addresses among the inputs: a polite fetcher, made only when one is given. */
export async function webReading(
  paths: string[],
  flags: WebFlags & { maxSize: number },
): Promise<WebReading> {
  const remote = paths.some((path) => /^https?:\/\//i.test(path));
  if (!remote) {
    if (flags.since) throw new StandpointError("usage", "--since applies to feeds: give a feed's address");
    return {};
  }
  const { Fetcher } = await import("../ingest/web/fetcher.ts");
  const fetcher = new Fetcher({
    userAgent: flags.userAgent ?? defaultAgent(),
    delay: flags.delay ?? 1,
    maxBytes: flags.maxSize,
  });
  return { fetcher, ...(flags.since ? { since: flags.since } : {}) };
}
