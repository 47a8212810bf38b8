import { type Command, Option } from "commander";
import type { RecordCheck, RecordsReport } from "../resolve/check-records.ts";
import { stateName } from "../world/states.ts";
import { addIssueOption, issueOf } from "./issue-option.ts";
import { addStoreOption, type StoreOptions, withStore } from "./options.ts";
import { clip } from "./table.ts";

interface CheckFlags extends StoreOptions {
  issue: string;
  against: "records";
  json?: boolean;
}

export function registerCheck(program: Command): void {
  addStoreOption(
    addIssueOption(
      program
        .command("check")
        .description(
          "how far the news can be trusted: positions read from reports alone against recorded votes and recognitions (agreement, contradictions, coverage)",
        ),
    )
      .addOption(
        new Option("--against <what>", "what to check against").choices(["records"]).makeOptionMandatory(),
      )
      .option("--json", "one JSON object"),
  ).action((flags: CheckFlags) =>
    withStore(
      flags,
      async (store) => {
        const book = await issueOf(store, flags.issue);
        const { checkAgainstRecords } = await import("../resolve/check-records.ts");
        const report = await checkAgainstRecords(store.db, book);
        if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
        else process.stdout.write(reportText(report));
      },
      { mustExist: true },
    ),
  );
}

const share = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : "n/a");

function reportText(r: RecordsReport): string {
  const lines = [
    `${r.issue.label} (${r.issue.id}): positions read from news (reports alone) against the record`,
  ];
  if (!r.checks.length) {
    lines.push(
      "",
      "No record bears on this issue yet: import recorded votes or recognitions with `standpoint records import`.",
    );
    return `${lines.join("\n")}\n`;
  }
  for (const c of r.checks) lines.push("", ...checkLines(c));
  const t = r.totals;
  lines.push(
    "",
    `TOTAL: ${t.on_record} acts on record; ${t.with_news} with a news position then (coverage ${share(t.with_news, t.on_record)}); agree ${t.agrees} (${share(t.agrees, t.with_news)}), contradict ${t.contradicts}, differ ${t.differs}`,
  );
  return `${lines.join("\n")}\n`;
}

function checkLines(c: RecordCheck): string[] {
  const head =
    c.kind === "vote"
      ? `VOTE ${clip(c.what, 110)}, ${c.date}${c.bears === "own-issue" ? " (a question of its own: compared as a lean)" : ""}`
      : `RECOGNITIONS: ${c.what}`;
  const lines = [
    head,
    `  ${c.on_record} states on record; ${c.with_news} with a news position at the date (coverage ${share(c.with_news, c.on_record)})`,
    `  agree ${c.agrees}, contradict ${c.contradicts}, differ ${c.differs} (an abstention or neutral position against a yes or no)`,
    `  source: ${clip(c.source, 120)}`,
  ];
  if (c.agreeing.length) lines.push(`  agree: ${c.agreeing.map(stateName).join(", ")}`);
  if (c.differing.length)
    lines.push(
      `  differ: ${c.differing.map((d) => `${stateName(d.member)} (news ${d.position}, record: ${d.act})`).join(", ")}`,
    );
  for (const x of c.contradictions) {
    lines.push(
      `  CONTRADICTION ${x.name}: news ${x.position} since ${x.since ?? "undated"}, record: ${x.act} (${x.recorded} on a draft endorsing the issue, where the news gives ${x.expected})`,
      `    record: ${x.record.text} [${x.record.id}]`,
    );
    for (const e of x.news)
      lines.push(
        `    news: ${e.date ?? "undated"} ${e.outlet ?? e.document ?? ""}: "${clip(e.text.join(" … "), 110)}" [${e.id}]`,
      );
  }
  return lines;
}
