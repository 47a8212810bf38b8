import type { Command } from "commander";
import { StandpointError } from "../errors.ts";
import { parseDateOption } from "../resolve/dates.ts";
import type { Evidence, Position } from "../resolve/positions.ts";
import { addIssueOption, issueOf } from "./issue-option.ts";
import { addStoreOption, argParser, parseCount, type StoreOptions, withStore } from "./options.ts";
import { clip, printJsonLines, toCsv } from "./table.ts";

interface PositionsFlags extends StoreOptions {
  issue: string;
  at?: string;
  actor?: string;
  evidence: number;
  json?: boolean;
  csv?: boolean;
}

export function registerPositions(program: Command): void {
  addStoreOption(
    addIssueOption(
      program
        .command("positions")
        .description("where each actor stands on an issue, since when, on what evidence (conflicts shown)"),
    )
      .option("--at <date>", "as of a date: YYYY, YYYY-MM or YYYY-MM-DD (default: all evidence)")
      .option("--actor <name>", "one actor only (name, alias, code or id)")
      .option(
        "--evidence <n>",
        "pieces of evidence shown for and against each position",
        argParser(parseCount),
        3,
      )
      .option("--json", "JSON Lines, one position a line")
      .option("--csv", "CSV, one position a line"),
  ).action((flags: PositionsFlags) =>
    withStore(
      flags,
      async (store) => {
        if (flags.json && flags.csv) throw new StandpointError("usage", "choose one of --json and --csv");
        const at = flags.at ? parseDateOption(flags.at, "--at") : undefined;
        const issue = await issueOf(store, flags.issue);
        const { positions } = await import("../resolve/positions.ts");
        const { findActor } = await import("../store/actors.ts");
        const actor = flags.actor ? (await findActor(store.db, flags.actor)).id : undefined;
        const list = await positions(store.db, issue.id, {
          evidence: flags.evidence,
          ...(at ? { at } : {}),
          ...(actor ? { actor } : {}),
        });
        if (flags.json) printJsonLines(list.map((p) => ({ issue: issue.id, at: at ?? null, ...p })));
        else if (flags.csv) process.stdout.write(positionsCsv(list));
        else process.stdout.write(positionsText(list, issue.label, issue.id, at));
      },
      { mustExist: true },
    ),
  );
}

function positionsCsv(list: Position[]): string {
  return toCsv(
    ["actor_id", "actor", "kind", "stance", "since", "support", "oppose", "neutral", "conflicts", "evidence"],
    list.map((p) => [
      p.actor.id,
      p.actor.name,
      p.actor.kind,
      p.stance,
      p.since ?? "",
      p.counts.support,
      p.counts.oppose,
      p.counts.neutral,
      p.conflicts.length,
      p.evidence
        .map((e) =>
          e.kind === "record" ? e.id : `${e.document}@${e.spans.map((s) => s.join("-")).join(",")}`,
        )
        .join(" "),
    ]),
  );
}

function evidenceLine(e: Evidence, indent: string): string {
  if (e.kind === "record")
    return `${indent}${e.date ?? "undated"} record: ${e.text.join(" ")} (source: ${clip(e.source ?? "", 90)}) [${e.id}]`;
  const where = [e.date ?? "undated", e.outlet ?? e.document].join(" ");
  const via = e.via_name ? ` (via ${e.via_name})` : "";
  const review = e.review === "unreviewed" ? "" : ` [${e.review}]`;
  return `${indent}${where}${via}${review} report: "${clip(e.text.join(" … "), 150)}" [${e.id}]`;
}

export function positionsText(list: Position[], label: string, id: string, at: string | undefined): string {
  if (!list.length) return `No stances on ${label} (${id})${at ? ` by ${at}` : ""} yet.\n`;
  const lines = [`${label} (${id})${at ? `, as of ${at}` : ""}: ${list.length} actors`];
  for (const stance of ["support", "oppose", "neutral", "mixed"] as const) {
    const group = list.filter((p) => p.stance === stance);
    if (!group.length) continue;
    lines.push("", `${stance.toUpperCase()} (${group.length})`);
    for (const p of group) {
      const counts = `${p.counts.support} for, ${p.counts.oppose} against, ${p.counts.neutral} neutral`;
      const history =
        p.changes.length > 1
          ? `; before: ${p.changes
              .slice(0, -1)
              .map((c) => `${c.stance} ${c.date}`)
              .join(", ")}`
          : "";
      lines.push(`  ${p.actor.name}  since ${p.since ?? "undated"}  (${counts}${history})`);
      for (const e of p.evidence) lines.push(evidenceLine(e, "    "));
      for (const e of p.conflicts) lines.push(evidenceLine(e, `    ! ${e.stance}: `));
    }
  }
  return `${lines.join("\n")}\n`;
}
