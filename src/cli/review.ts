import { userInfo } from "node:os";
import { type Command, Option } from "commander";
import type { ReviewItem } from "../resolve/review-item.ts";
import type { ReviewKind } from "../store/reviews.ts";
import { issueOf } from "./issue-option.ts";
import { addStoreOption, argParser, parseCount, type StoreOptions, withStore } from "./options.ts";
import { clip, formatTable, printJsonLines } from "./table.ts";

interface DecideFlags extends StoreOptions {
  by?: string;
  reason?: string;
  json?: boolean;
  speaker?: string;
  stance?: string;
  date?: string;
  actor?: string;
}

interface ListFlags extends StoreOptions {
  kind?: ReviewKind;
  issue?: string;
  status?: "unreviewed" | "accepted" | "rejected" | "edited" | "reviewed";
  limit: number;
  json?: boolean;
}

/** Who reviews: --by, else $STANDPOINT_REVIEWER, else the login name. */
function reviewer(by: string | undefined): string {
  if (by) return by;
  if (process.env.STANDPOINT_REVIEWER) return process.env.STANDPOINT_REVIEWER;
  try {
    return userInfo().username;
  } catch {
    return "";
  }
}

function decisionCommand(review: Command, name: "accept" | "reject" | "edit", description: string): Command {
  const command = review
    .command(name)
    .description(description)
    .argument(name === "edit" ? "<id>" : "<ids...>", "quote (q-…) or stance (s-…) ids, as listed")
    .option("--by <name>", "who decides (default: $STANDPOINT_REVIEWER, else your login)")
    .option("--reason <text>", "why, for the log")
    .option("--json", "the log entries written, as JSON Lines");
  if (name === "edit") {
    command
      .option("--speaker <name>", "a quote's speaker (a person not yet known is added)")
      .addOption(
        new Option("--stance <stance>", "a stance's direction").choices(["support", "oppose", "neutral"]),
      )
      .option("--date <date>", "a stance's date: YYYY, YYYY-MM or YYYY-MM-DD")
      .option("--actor <name>", "whose stance it is");
  }
  return addStoreOption(command).action((ids: string[] | string, flags: DecideFlags) =>
    withStore(
      flags,
      async (store) => {
        const { decide, reviewStatus } = await import("../resolve/review.ts");
        const edits: Record<string, string> = {};
        for (const field of ["speaker", "stance", "date", "actor"] as const) {
          const value = flags[field];
          if (value !== undefined) edits[field] = value;
        }
        const rows = await decide(store.db, [ids].flat(), {
          action: name,
          reviewer: reviewer(flags.by),
          ...(flags.reason ? { reason: flags.reason } : {}),
          edits,
        });
        if (flags.json) printJsonLines(rows);
        else {
          const done = { accept: "accepted", reject: "rejected", edit: "edited" }[name];
          const items = new Set(rows.map((r) => r.item_key)).size;
          process.stdout.write(`${done} ${items} item${items === 1 ? "" : "s"} (by ${rows[0]?.reviewer})\n`);
          if (name === "edit" && (await reviewStatus(store.db, String(ids))) === "rejected")
            process.stdout.write(
              `it stays rejected: \`standpoint review accept ${ids}\` brings it back with the edit\n`,
            );
        }
      },
      { mustExist: true },
    ),
  );
}

export function registerReview(program: Command): void {
  const review = program
    .command("review")
    .description("check the machine's quotes and stances: list, accept, reject, edit (an append-only log)");
  addStoreOption(
    review
      .command("list")
      .description("quotes and stances with their review status")
      .addOption(new Option("--kind <kind>", "quote or stance").choices(["quote", "stance"]))
      .option("--issue <id-or-text>", "only items on this issue")
      .addOption(
        new Option("--status <status>", "only items with this status").choices([
          "unreviewed",
          "accepted",
          "rejected",
          "edited",
          "reviewed",
        ]),
      )
      .option("--limit <n>", "at most n items", argParser(parseCount), 50)
      .option("--json", "JSON Lines, one item a line"),
  ).action((flags: ListFlags) =>
    withStore(
      flags,
      async (store) => {
        const { listForReview } = await import("../resolve/review.ts");
        const issue = flags.issue ? (await issueOf(store, flags.issue)).id : undefined;
        const items = await listForReview(store.db, {
          limit: flags.limit,
          ...(flags.kind ? { kind: flags.kind } : {}),
          ...(issue ? { issue } : {}),
          ...(flags.status ? { status: flags.status } : {}),
        });
        if (flags.json) printJsonLines(items);
        else process.stdout.write(listText(items));
      },
      { mustExist: true },
    ),
  );
  decisionCommand(review, "accept", "confirm items as the machine found them (or as last edited)");
  decisionCommand(review, "reject", "mark items wrong: every query leaves them out, re-extraction too");
  decisionCommand(review, "edit", "correct an item: a quote's speaker; a stance's direction, date or actor");
  registerAdd(review);
  registerAddQuote(review);
}

interface AddQuoteFlags extends StoreOptions {
  document: string;
  from: number;
  to: number;
  speaker: string;
  kind: "direct" | "indirect";
  issue?: string;
  by?: string;
  reason?: string;
  json?: boolean;
}

/** `review add-quote`: a quote the machine missed, marked in its document, listed with the others. */
function registerAddQuote(review: Command): void {
  addStoreOption(
    review
      .command("add-quote")
      .description(
        "add a quote the machine missed: the words in a document, who said them, direct or reported",
      )
      .requiredOption("--document <id>", "the document")
      .requiredOption("--from <offset>", "where the words start (a character offset)", argParser(parseOffset))
      .requiredOption("--to <offset>", "where they end", argParser(parseOffset))
      .requiredOption("--speaker <name>", "who said them")
      .addOption(
        new Option("--kind <kind>", "quoted or reported").choices(["direct", "indirect"]).default("direct"),
      )
      .option("--issue <id-or-text>", "the issue it bears on")
      .option("--by <name>", "who adds it (default: $STANDPOINT_REVIEWER, else your login)")
      .option("--reason <text>", "why, for the log")
      .option("--json", "the log entry written, as JSON"),
  ).action((flags: AddQuoteFlags) =>
    withStore(
      flags,
      async (store) => {
        const { addQuote } = await import("../resolve/added-quotes.ts");
        const row = await addQuote(
          store.db,
          {
            document: flags.document,
            start: flags.from,
            end: flags.to,
            speaker: flags.speaker,
            kind: flags.kind,
            ...(flags.issue ? { issue: flags.issue } : {}),
          },
          { reviewer: reviewer(flags.by), ...(flags.reason ? { reason: flags.reason } : {}) },
        );
        if (flags.json) printJsonLines([row]);
        else process.stdout.write(`added a quote (${row.id}, by ${row.reviewer})\n`);
      },
      { mustExist: true },
    ),
  );
}

interface AddFlags extends StoreOptions {
  document: string;
  from: number;
  to: number;
  issue: string;
  actor: string;
  stance: "support" | "oppose" | "neutral";
  date?: string;
  by?: string;
  reason?: string;
  json?: boolean;
}

/** `review add`: a stance the machine missed, marked in its document, counted as reviewed evidence. */
function registerAdd(review: Command): void {
  addStoreOption(
    review
      .command("add")
      .description(
        "add a stance the machine missed: the passage of a document that shows it, whose, which way",
      )
      .requiredOption("--document <id>", "the document")
      .requiredOption(
        "--from <offset>",
        "where the passage starts (a character offset)",
        argParser(parseOffset),
      )
      .requiredOption("--to <offset>", "where it ends", argParser(parseOffset))
      .requiredOption("--issue <id-or-text>", "the issue")
      .requiredOption("--actor <name>", "whose stance it is (a state, body or person)")
      .addOption(
        new Option("--stance <stance>", "which way")
          .choices(["support", "oppose", "neutral"])
          .makeOptionMandatory(),
      )
      .option("--date <date>", "the day it was taken (default: the article's date)")
      .option("--by <name>", "who adds it (default: $STANDPOINT_REVIEWER, else your login)")
      .option("--reason <text>", "why, for the log")
      .option("--json", "the log entry written, as JSON"),
  ).action((flags: AddFlags) =>
    withStore(
      flags,
      async (store) => {
        const { addStance } = await import("../resolve/added-stances.ts");
        const row = await addStance(
          store.db,
          {
            document: flags.document,
            start: flags.from,
            end: flags.to,
            issue: flags.issue,
            actor: flags.actor,
            stance: flags.stance,
            ...(flags.date ? { date: flags.date } : {}),
          },
          { reviewer: reviewer(flags.by), ...(flags.reason ? { reason: flags.reason } : {}) },
        );
        if (flags.json) printJsonLines([row]);
        else process.stdout.write(`added a stance (${row.id}, by ${row.reviewer})\n`);
      },
      { mustExist: true },
    ),
  );
}

function parseOffset(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a character offset: ${value}`);
  return n;
}

function summary(item: ReviewItem): string {
  const v = item.values;
  return item.kind === "quote"
    ? `${v.speaker ?? "(unattributed)"} ${v.cue ?? ""}`.trim()
    : `${v.actor} ${v.stance} ${v.date ?? "undated"}${v.via ? ` via ${v.via}` : ""}`;
}

function listText(items: ReviewItem[]): string {
  if (!items.length) return "Nothing to list.\n";
  const rows = items.map((i) => [i.id, i.status, clip(summary(i), 48), clip(i.text, 300)]);
  return `${formatTable(["ID", "STATUS", "WHAT", "TEXT"], rows)}\n`;
}
