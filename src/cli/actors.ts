import { type Command, Option } from "commander";
import type { ActorSummary } from "../resolve/actors.ts";
import { addStoreOption, argParser, parseCount, type StoreOptions, withStore } from "./options.ts";
import { clip, formatTable, printJsonLines, toCsv } from "./table.ts";

interface ActorsFlags extends StoreOptions {
  kind?: string;
  search?: string;
  limit?: number;
  json?: boolean;
  csv?: boolean;
}

export function registerActors(program: Command): void {
  const actors = addStoreOption(
    program
      .command("actors")
      .description(
        "actors across documents (one per entity), the names they go by, and how often they appear",
      )
      .addOption(
        new Option("--kind <kind>", "only this kind").choices(["person", "state", "organization", "group"]),
      )
      .option("--search <name>", "names or aliases containing this")
      .option("--limit <n>", "at most n actors", argParser(parseCount))
      .option("--json", "JSON Lines, one actor a line")
      .option("--csv", "CSV, one actor a line"),
  ).action((flags: ActorsFlags) =>
    withStore(
      flags,
      async (store) => {
        const { listActors } = await import("../resolve/actors.ts");
        const all = await listActors(store.db, {
          ...(flags.kind ? { kind: flags.kind } : {}),
          ...(flags.search ? { search: flags.search } : {}),
        });
        const list = flags.limit !== undefined ? all.slice(0, flags.limit) : all;
        if (flags.json) printJsonLines(list);
        else if (flags.csv) process.stdout.write(actorsCsv(list));
        else process.stdout.write(actorsText(list));
      },
      { mustExist: true },
    ),
  );
  registerMerges(actors);
}

interface MergeFlags extends StoreOptions {
  reviewer: string;
  reason?: string;
  json?: boolean;
}

/** `actors merge`, `unmerge` and `merges`: one actor under two names, decided by a reviewer, logged, undoable. */
function registerMerges(actors: Command): void {
  // `--db` and `--json` after a subcommand are taken by `actors`, which has them too: read both there as well.
  const store = (flags: StoreOptions) => ({ db: flags.db ?? (actors.opts() as StoreOptions).db });
  const json = (flags: { json?: boolean }) => flags.json || (actors.opts() as { json?: boolean }).json;
  addStoreOption(
    actors
      .command("merge")
      .description(
        "make actor A stand for actor B (one person under two spellings): logged, undone by unmerge",
      )
      .argument("<a>", "the actor to merge (a name, alias or id)")
      .argument("<b>", "the actor it is (a name, alias or id)")
      .requiredOption("--reviewer <name>", "who decides")
      .option("--reason <text>", "why")
      .option("--json", "the merge as JSON"),
  ).action((a: string, b: string, flags: MergeFlags) =>
    withStore(
      store(flags),
      async (store) => {
        const { mergeActors } = await import("../resolve/merges.ts");
        const merge = await mergeActors(store.db, { from: a, into: b }, flags);
        if (json(flags)) printJsonLines([merge]);
        else
          process.stdout.write(
            `merged ${merge.from} into ${merge.into} (${merge.id}; undo: standpoint actors unmerge ${merge.from})\n`,
          );
      },
      { mustExist: true },
    ),
  );
  addStoreOption(
    actors
      .command("unmerge")
      .description("undo the merge that holds for an actor")
      .argument("<a>", "the merged actor's id")
      .requiredOption("--reviewer <name>", "who decides")
      .option("--reason <text>", "why")
      .option("--json", "the undone merge as JSON"),
  ).action((a: string, flags: MergeFlags) =>
    withStore(
      store(flags),
      async (store) => {
        const { unmergeActor } = await import("../resolve/merges.ts");
        const merge = await unmergeActor(store.db, a, flags);
        if (json(flags)) printJsonLines([merge]);
        else process.stdout.write(`${merge.from} no longer stands for ${merge.into}\n`);
      },
      { mustExist: true },
    ),
  );
  addStoreOption(
    actors
      .command("merges")
      .description("every merge a reviewer made, and whether it was undone")
      .option("--json", "JSON Lines, one merge a line"),
  ).action((flags: { json?: boolean } & StoreOptions) =>
    withStore(
      store(flags),
      async (store) => {
        const { listMerges } = await import("../resolve/merges.ts");
        const list = await listMerges(store.db);
        if (json(flags)) printJsonLines(list);
        else if (!list.length) process.stdout.write("No merges yet.\n");
        else
          process.stdout.write(
            `${formatTable(
              ["AT", "BY", "MERGED", "INTO", "UNDONE", "WHY"],
              list.map((m) => [
                m.at.slice(0, 19),
                m.reviewer,
                m.from,
                m.into,
                m.undone ? `${m.undone.at.slice(0, 19)} by ${m.undone.reviewer}` : "",
                m.reason ?? "",
              ]),
            )}\n`,
          );
      },
      { mustExist: true },
    ),
  );
}

function actorsCsv(list: ActorSummary[]): string {
  return toCsv(
    ["id", "name", "kind", "country", "documents", "quotes", "stances", "aliases", "linked"],
    list.map((a) => [
      a.id,
      a.name,
      a.kind,
      a.country,
      a.documents,
      a.quotes,
      a.stances,
      a.aliases.join("|"),
      a.linked.join("|"),
    ]),
  );
}

function actorsText(list: ActorSummary[]): string {
  if (!list.length) return "No actors match.\n";
  const rows = list.map((a) => [
    a.id,
    a.kind,
    String(a.documents),
    String(a.quotes),
    String(a.stances),
    clip([a.name, ...a.aliases].join(" | "), 200),
  ]);
  return `${formatTable(["ID", "KIND", "DOCS", "QUOTES", "STANCES", "NAMES"], rows)}\n`;
}
