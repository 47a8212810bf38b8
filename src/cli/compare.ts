import type { Command } from "commander";
import type { OutletProfile } from "../resolve/compare.ts";
import { addIssueOption, issueOf } from "./issue-option.ts";
import { addStoreOption, argParser, parseCount, type StoreOptions, withStore } from "./options.ts";
import { clip, printJsonLines } from "./table.ts";

interface CompareFlags extends StoreOptions {
  issue: string;
  top: number;
  json?: boolean;
}

export function registerCompare(program: Command): void {
  addStoreOption(
    addIssueOption(
      program
        .command("compare")
        .description(
          "how outlets differ on an issue: quotes carried, who was quoted, stance mix, quotes only one carried",
        ),
    )
      .option("--top <n>", "speakers and exclusive quotes shown per outlet", argParser(parseCount), 5)
      .option("--json", "JSON Lines, one outlet a line (everything, not only the top)"),
  ).action((flags: CompareFlags) =>
    withStore(
      flags,
      async (store) => {
        const issue = await issueOf(store, flags.issue);
        const { compareOutlets } = await import("../resolve/compare.ts");
        const profiles = await compareOutlets(store.db, issue.id);
        if (flags.json) printJsonLines(profiles.map((p) => ({ issue: issue.id, ...p })));
        else process.stdout.write(compareText(profiles, `${issue.label} (${issue.id})`, flags.top));
      },
      { mustExist: true },
    ),
  );
}

function compareText(profiles: OutletProfile[], title: string, top: number): string {
  if (!profiles.length) return `No outlet has anything on ${title} yet.\n`;
  const lines = [`${title}: ${profiles.length} outlets`];
  for (const p of profiles) {
    const s = p.stances;
    lines.push(
      "",
      `${p.outlet}: ${p.documents} articles, ${p.quotes} quotes; stances reported: ${s.support} for, ${s.oppose} against, ${s.neutral} neutral`,
    );
    if (p.speakers.length)
      lines.push(
        `  quoted: ${p.speakers
          .slice(0, top)
          .map((x) => `${x.name} (${x.quotes})`)
          .join(", ")}`,
      );
    const sides = (key: "support" | "oppose") =>
      p.actors
        .filter((a) => a[key] > 0)
        .map((a) => a.name)
        .join(", ");
    if (sides("support")) lines.push(`  showed in favour: ${sides("support")}`);
    if (sides("oppose")) lines.push(`  showed against: ${sides("oppose")}`);
    if (p.only_here.length) {
      lines.push(`  only here (${p.only_here.length}):`);
      for (const q of p.only_here.slice(0, top))
        lines.push(`    ${q.speaker ?? "(unattributed)"}: "${clip(q.text, 120)}" [${q.id}]`);
    }
  }
  return `${lines.join("\n")}\n`;
}
