import type { Command } from "commander";
import { StandpointError } from "../errors.ts";
import type { ImportResult } from "../records/import.ts";
import { parseDateOption } from "../resolve/dates.ts";
import type { Store } from "../store/open.ts";
import { addStoreOption, argParser, parseCount, type StoreOptions, withStore } from "./options.ts";
import { clip, formatTable, printJsonLines } from "./table.ts";

/** Refused lines printed before the rest are only counted (--json lists them all). */
const SHOWN_PROBLEMS = 20;

interface ImportFlags extends StoreOptions {
  issue?: string;
  codebook?: string;
  json?: boolean;
}

interface ListFlags extends StoreOptions {
  actor?: string;
  object?: string;
  act?: string;
  forum?: string;
  from?: string;
  until?: string;
  limit: number;
  json?: boolean;
}

export function registerRecords(program: Command): void {
  const records = program
    .command("records")
    .description("recorded votes and recognitions, kept as evidence beside the news (reports)");
  registerImport(records);
  registerList(records);
}

function registerImport(records: Command): void {
  addStoreOption(
    records
      .command("import")
      .description(
        "import the UN voting data folder (roll calls, every member's vote, vetoes) or your own CSV or JSON Lines table (actor, date, act, source; object, issue, note)",
      )
      .argument("<paths...>", "a folder such as ../shared/data/un, or .csv / .jsonl files")
      .option(
        "--issue <id-or-text>",
        'the issue a table\'s lines bear on where they name none: a codebook id or free text ("annexation of Crimea by Russia"), stored',
      )
      .option(
        "--codebook <file>",
        "a codebook of yours (with records.votes saying which votes bear on it), stored",
      )
      .option("--json", "one JSON line per path: counts and every refused line"),
  ).action((paths: string[], flags: ImportFlags) =>
    withStore(flags, async (store) => {
      const issue = await storedIssue(store, flags);
      const { importRecords } = await import("../records/import.ts");
      const started = Date.now();
      const results = await importRecords(store.db, paths, issue ? { issue } : {});
      if (flags.json) printJsonLines(results);
      else for (const r of results) reportImport(r);
      if (!flags.json)
        process.stderr.write(
          `records: ${paths.length} path(s) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
      if (results.some((r) => r.error || r.problems.length)) process.exitCode = 1;
    }),
  );
}

/** The codebooks --issue and --codebook name, stored; the id of the first, which table lines default to. */
async function storedIssue(store: Store, flags: ImportFlags): Promise<string | undefined> {
  if (!flags.issue && !flags.codebook) return undefined;
  const { resolveCodebooks } = await import("../codebooks/resolve.ts");
  const { listCodebooks, saveCodebooks } = await import("../store/codebooks.ts");
  const books = resolveCodebooks(
    { issue: flags.issue ? [flags.issue] : [], codebook: flags.codebook ? [flags.codebook] : [] },
    await listCodebooks(store.db),
  );
  await saveCodebooks(store.db, books);
  return books[0]?.id;
}

function reportImport(r: ImportResult): void {
  if (r.error) {
    process.stderr.write(`standpoint: ${r.error}\n`);
    return;
  }
  process.stdout.write(
    `${r.path}: ${r.roll_calls} roll calls, ${r.records} records imported; ${r.problems.length} line(s) refused\n`,
  );
  for (const p of r.problems.slice(0, SHOWN_PROBLEMS)) process.stderr.write(`standpoint: ${p}\n`);
  if (r.problems.length > SHOWN_PROBLEMS)
    process.stderr.write(
      `standpoint: … and ${r.problems.length - SHOWN_PROBLEMS} more (--json lists them all)\n`,
    );
}

function registerList(records: Command): void {
  addStoreOption(
    records
      .command("list")
      .description("stored records, newest first, each with its source")
      .option("--actor <name>", "only this state or body (a name, code or id)")
      .option("--object <what>", 'only acts on this ("A/RES/63/3", "Kosovo")')
      .option(
        "--act <act>",
        "only this act (recognised, withdrew-recognition, yes, no, abstain, absent, veto)",
      )
      .option("--forum <id>", "only votes in this forum (unga, unsc)")
      .option("--from <date>", "from this date")
      .option("--until <date>", "up to this date")
      .option("--limit <n>", "at most n records", argParser(parseCount), 200)
      .option("--json", "JSON Lines, one record a line"),
  ).action((flags: ListFlags) =>
    withStore(
      flags,
      async (store) => {
        const { listRecords } = await import("../store/records.ts");
        const { normalSymbol, actOf } = await import("../world/records.ts");
        const actor = flags.actor ? await actorId(store, flags.actor) : undefined;
        const act = flags.act ? actOf(flags.act) : undefined;
        if (flags.act && !act) throw new StandpointError("usage", `unknown act: ${flags.act}`, "--act");
        const object = flags.object
          ? /\//.test(flags.object)
            ? normalSymbol(flags.object)
            : flags.object
          : undefined;
        const rows = await listRecords(store.db, {
          ...(actor ? { actor } : {}),
          ...(object ? { object } : {}),
          ...(act ? { act } : {}),
          ...(flags.forum ? { forum: flags.forum.toLowerCase() } : {}),
          ...(flags.from ? { from: parseDateOption(flags.from, "--from") } : {}),
          ...(flags.until ? { until: parseDateOption(flags.until, "--until") } : {}),
          limit: flags.limit,
        });
        if (flags.json) printJsonLines(rows.map((r) => ({ kind: "record", ...r })));
        else if (!rows.length)
          process.stdout.write("No records match (import some with `standpoint records import`).\n");
        else
          process.stdout.write(
            `${formatTable(
              ["DATE", "ACTOR", "ACT", "ON", "SOURCE"],
              rows.map((r) => [
                r.date,
                r.actor_id,
                r.act,
                clip(r.object || r.title || "", 40),
                clip(r.source, 70),
              ]),
            )}\n`,
          );
      },
      { mustExist: true },
    ),
  );
}

async function actorId(store: Store, name: string): Promise<string> {
  const { actorIdOf, lookupName } = await import("../world/gazetteer.ts");
  const entry = lookupName(name);
  if (entry) return actorIdOf(entry);
  const { findActor } = await import("../store/actors.ts");
  return (await findActor(store.db, name)).id;
}
