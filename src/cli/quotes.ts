import type { Command } from "commander";
import { StandpointError } from "../errors.ts";
import { parseDateOption } from "../resolve/dates.ts";
import type { QuoteResult } from "../resolve/quote-results.ts";
import type { QuoteFilters } from "../resolve/quotes.ts";
import { addIssueOption, issueOf } from "./issue-option.ts";
import { addStoreOption, argParser, parseCount, type StoreOptions, withStore } from "./options.ts";
import { clip, formatTable, printJsonLines, toCsv } from "./table.ts";

interface QuotesFlags extends StoreOptions, QuoteFilters {
  limit: number;
  offset: number;
  json?: boolean;
  csv?: boolean;
}

export function registerQuotes(program: Command): void {
  addStoreOption(
    addIssueOption(
      program
        .command("quotes")
        .description("who said what: quotes by speaker, state, issue, outlet, date and words, newest first")
        .option("--speaker <name>", "said by this person or actor (name, surname, alias or id)")
        .option("--actor <name>", "said by this state or body or anyone speaking for it"),
      false,
    )
      .option("--outlet <name>", "carried by this outlet")
      .option("--from <date>", "published on or after: YYYY, YYYY-MM or YYYY-MM-DD")
      .option("--to <date>", "published on or before")
      .option("--search <words>", 'full-text search of the quote: words, "a phrase"')
      .option("--limit <n>", "at most n quotes", argParser(parseCount), 50)
      .option("--offset <n>", "skip the first n", argParser(parseCount), 0)
      .option("--json", "JSON Lines, one quote a line")
      .option("--csv", "CSV, one quote a line"),
  ).action((flags: QuotesFlags) =>
    withStore(
      flags,
      async (store) => {
        if (flags.json && flags.csv) throw new StandpointError("usage", "choose one of --json and --csv");
        const from = flags.from ? parseDateOption(flags.from, "--from") : undefined;
        const to = flags.to ? parseDateOption(flags.to, "--to") : undefined;
        const issue = flags.issue ? (await issueOf(store, flags.issue)).id : undefined;
        const { findQuotes } = await import("../resolve/quotes.ts");
        const quotes = await findQuotes(store, {
          ...(flags.speaker ? { speaker: flags.speaker } : {}),
          ...(flags.actor ? { actor: flags.actor } : {}),
          ...(issue ? { issue } : {}),
          ...(flags.outlet ? { outlet: flags.outlet } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(flags.search ? { search: flags.search } : {}),
          limit: flags.limit,
          offset: flags.offset,
        });
        if (flags.json) printJsonLines(quotes);
        else if (flags.csv) process.stdout.write(quotesCsv(quotes));
        else process.stdout.write(quotesText(quotes, flags.limit));
      },
      { mustExist: true },
    ),
  );
}

function quotesCsv(quotes: QuoteResult[]): string {
  return toCsv(
    [
      "id",
      "document",
      "outlet",
      "published",
      "speaker_id",
      "speaker",
      "kind",
      "cue",
      "start",
      "end",
      "review",
      "text",
    ],
    quotes.map((q) => [
      q.id,
      q.document,
      q.outlet,
      q.published,
      q.speaker?.id,
      q.speaker?.name,
      q.kind,
      q.cue,
      q.start,
      q.end,
      q.review,
      q.text,
    ]),
  );
}

function quotesText(quotes: QuoteResult[], limit: number): string {
  if (!quotes.length) return "No quotes match.\n";
  const rows = quotes.map((q) => [
    q.published ?? "-",
    clip(q.outlet ?? q.document, 22),
    clip(q.speaker?.name ?? "(unattributed)", 24),
    q.review === "unreviewed" ? q.kind : `${q.kind} (${q.review})`,
    clip(q.text, 400),
  ]);
  const more = quotes.length === limit ? `\n(first ${limit}; --offset ${limit} for more)` : "";
  return `${formatTable(["PUBLISHED", "OUTLET", "SPEAKER", "KIND", "QUOTE"], rows)}${more}\n`;
}
