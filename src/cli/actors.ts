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
  addStoreOption(
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
