import type { Command } from "commander";
import { parseDateOption } from "../resolve/dates.ts";
import type { TimelineEntry } from "../resolve/timeline.ts";
import { addIssueOption, issueOf } from "./issue-option.ts";
import { addStoreOption, type StoreOptions, withStore } from "./options.ts";
import { clip, printJsonLines } from "./table.ts";

interface TimelineFlags extends StoreOptions {
  issue: string;
  from?: string;
  to?: string;
  json?: boolean;
}

export function registerTimeline(program: Command): void {
  addStoreOption(
    addIssueOption(
      program
        .command("timeline")
        .description("what happened when on an issue: dated events and changes of stance"),
    )
      .option("--from <date>", "from this date: YYYY, YYYY-MM or YYYY-MM-DD")
      .option("--to <date>", "up to this date")
      .option("--json", "JSON Lines, one entry a line"),
  ).action((flags: TimelineFlags) =>
    withStore(
      flags,
      async (store) => {
        const from = flags.from ? parseDateOption(flags.from, "--from") : undefined;
        const to = flags.to ? parseDateOption(flags.to, "--to") : undefined;
        const issue = await issueOf(store, flags.issue);
        const { timeline } = await import("../resolve/timeline.ts");
        const entries = await timeline(store.db, issue.id, {
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        });
        if (flags.json) printJsonLines(entries);
        else process.stdout.write(timelineText(entries, `${issue.label} (${issue.id})`));
      },
      { mustExist: true },
    ),
  );
}

function entryLine(e: TimelineEntry): string {
  if (e.kind === "record")
    return `${e.date.padEnd(10)}  [record] ${clip(e.text, 160)} (${clip(e.source, 60)})`;
  if (e.kind === "stance") {
    const change = e.previous ? `${e.previous} -> ${e.stance}` : e.stance;
    const evidence = e.evidence ? `: "${clip(e.evidence.text, 110)}" [${e.evidence.id}]` : "";
    return `${e.date.padEnd(10)}  * ${e.actor.name}: ${change}${evidence}`;
  }
  const outlets = [...new Set(e.sources.map((s) => s.outlet ?? s.document))];
  const sources = outlets.length > 1 ? ` [${outlets.length} outlets]` : ` [${outlets[0]}]`;
  return `${e.date.padEnd(10)}  ${clip(e.text, 160)}${sources}`;
}

function timelineText(entries: TimelineEntry[], title: string): string {
  if (!entries.length) return `Nothing dated on ${title} yet.\n`;
  const stances = entries.filter((e) => e.kind === "stance").length;
  const records = entries.filter((e) => e.kind === "record").length;
  const header = `${title}: ${entries.length - stances - records} events, ${records} on record (marked [record]), ${stances} changes of stance (marked *)`;
  return `${[header, "", ...entries.map(entryLine)].join("\n")}\n`;
}
