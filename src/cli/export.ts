import { once } from "node:events";
import { createWriteStream, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { type Command, Option } from "commander";
import { StandpointError } from "../errors.ts";
import { EXPORT_COLUMNS, EXPORT_TABLES, type ExportTable } from "../resolve/export-tables.ts";
import { addStoreOption, type StoreOptions, withStore } from "./options.ts";
import { csvLine } from "./table.ts";

interface ExportFlags extends StoreOptions {
  format: "jsonl" | "csv";
  table?: ExportTable;
  out?: string;
}

export function registerExport(program: Command): void {
  addStoreOption(
    program
      .command("export")
      .description("documents, actors, quotes and stances as JSON Lines or CSV, reviewed values applied")
      .addOption(
        new Option("--format <format>", "jsonl or csv").choices(["jsonl", "csv"]).makeOptionMandatory(),
      )
      .addOption(
        new Option("--table <table>", "one table only (to standard output)").choices([...EXPORT_TABLES]),
      )
      .option("--out <dir>", "write one file per table into this folder"),
  ).action((flags: ExportFlags) =>
    withStore(
      flags,
      async (store) => {
        const tables = flags.table ? [flags.table] : [...EXPORT_TABLES];
        if (flags.format === "csv" && !flags.out && tables.length > 1)
          throw new StandpointError(
            "usage",
            "CSV is one file per table: give --out DIR, or --table for one on standard output",
          );
        const { exportRows } = await import("../resolve/export.ts");
        if (!flags.out) {
          for (const table of tables)
            await writeTable(exportRows(store.db, table), table, flags.format, process.stdout, !flags.table);
          return;
        }
        mkdirSync(flags.out, { recursive: true });
        for (const table of tables) {
          const path = join(flags.out, `${table}.${flags.format}`);
          // Written beside, then renamed: a failed export never leaves half a file under the real name.
          const partial = `${path}.partial`;
          const stream = createWriteStream(partial);
          try {
            const n = await writeTable(exportRows(store.db, table), table, flags.format, stream, false);
            stream.end();
            await once(stream, "finish");
            renameSync(partial, path);
            process.stderr.write(`standpoint: ${path}: ${n} ${table}\n`);
          } catch (error) {
            stream.destroy();
            rmSync(partial, { force: true });
            throw error;
          }
        }
      },
      { mustExist: true },
    ),
  );
}

async function writeTable(
  rows: AsyncIterable<Record<string, unknown>>,
  table: ExportTable,
  format: "jsonl" | "csv",
  out: Writable,
  typed: boolean,
): Promise<number> {
  const columns = EXPORT_COLUMNS[table];
  let n = 0;
  let buffer = format === "csv" ? csvLine(columns) : "";
  for await (const row of rows) {
    n++;
    buffer +=
      format === "csv"
        ? csvLine(columns.map((c) => row[c]))
        : `${JSON.stringify(typed ? { type: table.slice(0, -1), ...row } : row)}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  if (buffer) out.write(buffer);
  return n;
}
