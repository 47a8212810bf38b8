import { type Command, Option } from "commander";
import type { ForumDef, Member } from "../forums/data.ts";
import { forumIds } from "../forums/ids.ts";
import { checkRule, defaultRule, RULE_CHOICES, type RuleChoice } from "../forums/rules.ts";
import { parseDateOption } from "../resolve/dates.ts";
import { stateName } from "../world/states.ts";
import { addIssueOption, issueOf } from "./issue-option.ts";
import { addStoreOption, collect, type StoreOptions, withStore } from "./options.ts";
import { projectionText } from "./projection-text.ts";
import { formatTable, printJsonLines } from "./table.ts";

interface ProjectFlags extends StoreOptions {
  issue: string;
  at: string;
  assume: string[];
  rule?: RuleChoice;
  json?: boolean;
}

interface PowerFlags {
  at?: string;
  rule?: RuleChoice;
  index: "both" | "shapley-shubik" | "banzhaf";
  json?: boolean;
}

/** The forums' data, read (and checked) by the subcommands that use it. */
const forumData = () => import("../forums/data.ts");

/** The forum a user names; an unknown one is an error listing those there are. */
async function forumArg(id: string): Promise<ForumDef> {
  return (await forumData()).forumById(id.toLowerCase());
}

/** The latest date a forum's membership is on record for, when no --at is given. */
async function latestDate(forum: ForumDef): Promise<string> {
  const year = (await forumData()).lastYear(forum);
  return year ? `${year}-12-31` : new Date().toISOString().slice(0, 10);
}

function ruleOf(forum: ForumDef, rule: RuleChoice | undefined): RuleChoice {
  const chosen = rule ?? defaultRule(forum);
  checkRule(forum, chosen);
  return chosen;
}

export function registerForum(program: Command): void {
  const forum = program
    .command("forum")
    .description(`forums that decide (${forumIds().join(", ")}): members, projected votes, voting power`);
  registerList(forum);
  registerMembers(forum);
  registerProject(forum);
  registerPower(forum);
}

function registerList(forum: Command): void {
  forum
    .command("list")
    .description("the forums, their rules and since when")
    .option("--json", "JSON Lines")
    .action(async (flags: { json?: boolean }) => {
      const { forumById } = await forumData();
      const rows = forumIds().map((id) => forumById(id));
      if (flags.json) printJsonLines(rows);
      else
        process.stdout.write(
          `${formatTable(
            ["ID", "FROM", "RULE", "NAME"],
            rows.map((f) => [f.id, f.from, f.rule.kind, f.name]),
          )}\n`,
        );
    });
}

function registerMembers(forum: Command): void {
  forum
    .command("members")
    .description("a forum's members on a date")
    .argument("<forum>", forumIds().join(", "))
    .option("--at <date>", "YYYY, YYYY-MM or YYYY-MM-DD (default: latest on record)")
    .option("--json", "JSON Lines")
    .action(async (id: string, flags: { at?: string; json?: boolean }) => {
      const f = await forumArg(id);
      const at = flags.at ? parseDateOption(flags.at, "--at") : await latestDate(f);
      const members = (await forumData()).membersAt(f, at);
      if (flags.json) printJsonLines(members);
      else
        process.stdout.write(
          `${f.name}, ${at}: ${members.length} members\n${formatTable(
            ["CODE", "SEAT", "NAME"],
            members.map((m) => [m.code, m.seat, stateName(m.code)]),
          )}\n`,
        );
    });
}

function registerProject(forum: Command): void {
  addStoreOption(
    addIssueOption(
      forum
        .command("project")
        .description(
          "would a draft endorsing the issue pass, on the positions known at a date, and who decides it",
        )
        .argument("<forum>", forumIds().join(", ")),
    )
      .requiredOption("--at <date>", "YYYY, YYYY-MM or YYYY-MM-DD")
      .option(
        "--assume <CODE=vote>",
        "what-if: a member's vote (yes, no, abstain, absent); repeatable",
        collect,
        [],
      )
      .addOption(
        new Option("--rule <rule>", "which of the forum's rules (default: its usual one)").choices(
          RULE_CHOICES,
        ),
      )
      .option("--json", "one JSON object"),
  ).action((id: string, flags: ProjectFlags) =>
    withStore(
      flags,
      async (store) => {
        const f = await forumArg(id);
        const at = parseDateOption(flags.at, "--at");
        const rule = ruleOf(f, flags.rule);
        (await forumData()).membersAt(f, at);
        const issue = await issueOf(store, flags.issue);
        const { project } = await import("../forums/project.ts");
        const projection = await project(store.db, f, { issue: issue.id, at, rule, assume: flags.assume });
        if (flags.json) process.stdout.write(`${JSON.stringify(projection)}\n`);
        else process.stdout.write(projectionText(projection, f, `${issue.label} (${issue.id})`));
      },
      { mustExist: true },
    ),
  );
}

function registerPower(forum: Command): void {
  forum
    .command("power")
    .description("exact Shapley–Shubik and Banzhaf voting power of each member")
    .argument("<forum>", forumIds().join(", "))
    .option("--at <date>", "YYYY, YYYY-MM or YYYY-MM-DD (default: latest on record)")
    .addOption(
      new Option("--rule <rule>", "which of the forum's rules (default: its usual one)").choices(
        RULE_CHOICES,
      ),
    )
    .addOption(
      new Option("--index <index>", "which index")
        .choices(["both", "shapley-shubik", "banzhaf"])
        .default("both"),
    )
    .option("--json", "JSON Lines, one member a line")
    .action(async (id: string, flags: PowerFlags) => {
      const f = await forumArg(id);
      const at = flags.at ? parseDateOption(flags.at, "--at") : await latestDate(f);
      const rule = ruleOf(f, flags.rule);
      const members = (await forumData()).membersAt(f, at);
      const rows = await powerRows(f, at, members, rule, flags.index);
      if (flags.json) printJsonLines(rows.map((r) => ({ forum: f.id, at, rule, ...r })));
      else
        process.stdout.write(
          `${f.name}, ${at}, ${rule}: ${members.length} members\n${powerTable(rows, flags.index)}\n`,
        );
    });
}

type PowerRow = Awaited<ReturnType<typeof powerRows>>[number];

/** Each member's indices, as fractions and decimals: those asked for by --index. */
async function powerRows(
  f: ForumDef,
  at: string,
  members: Member[],
  rule: RuleChoice,
  index: PowerFlags["index"],
) {
  const { gameOf } = await import("../forums/games.ts");
  const { powerIndices, banzhafIndices, toNumber } = await import("../forums/power.ts");
  const game = gameOf(f, at, members, rule);
  const ss = index === "banzhaf" ? undefined : powerIndices(game);
  const bz = ss ?? (game.sizeFree ? banzhafIndices(game) : powerIndices(game));
  const text = (x: { numerator: bigint; denominator: bigint }) => `${x.numerator}/${x.denominator}`;
  return members.map((m, i) => ({
    member: m.code,
    name: stateName(m.code),
    seat: m.seat,
    ...(ss && index !== "banzhaf"
      ? {
          shapley_shubik: text((ss[i] as (typeof ss)[number]).shapleyShubik),
          shapley_shubik_decimal: toNumber((ss[i] as (typeof ss)[number]).shapleyShubik),
        }
      : {}),
    ...(index !== "shapley-shubik"
      ? {
          banzhaf: text((bz[i] as (typeof bz)[number]).banzhaf),
          banzhaf_decimal: toNumber((bz[i] as (typeof bz)[number]).banzhaf),
          swings: String((bz[i] as (typeof bz)[number]).swings),
        }
      : {}),
  }));
}

function powerTable(rows: PowerRow[], index: PowerFlags["index"]): string {
  const headers = ["MEMBER", "SEAT"];
  if (index !== "banzhaf") headers.push("SHAPLEY-SHUBIK", "(EXACT)");
  if (index !== "shapley-shubik") headers.push("BANZHAF", "(EXACT)");
  const table = rows.map((r) => {
    const cells = [`${r.member} ${r.name}`, r.seat];
    if ("shapley_shubik" in r)
      cells.push((r.shapley_shubik_decimal as number).toFixed(6), r.shapley_shubik as string);
    if ("banzhaf" in r) cells.push((r.banzhaf_decimal as number).toFixed(6), r.banzhaf as string);
    return cells;
  });
  return formatTable(headers, table);
}
