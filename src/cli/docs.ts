import type { Command } from "commander";
import type { Store } from "../store/open.ts";
import { addStoreOption, argParser, parseCount, type StoreOptions, withStore } from "./options.ts";
import { formatTable, printJsonLines } from "./table.ts";

interface DocsFlags extends StoreOptions {
  json?: boolean;
  limit?: number;
  offset?: number;
}

export function registerDocs(program: Command): void {
  addStoreOption(
    program
      .command("docs")
      .description("list stored documents: id, outlet, published, title, characters")
      .option("--json", "JSON Lines, one document a line")
      .option("--limit <n>", "at most n documents", argParser(parseCount))
      .option("--offset <n>", "skip the first n", argParser(parseCount)),
  ).action((flags: DocsFlags) => withStore(flags, (store) => printDocs(store, flags), { mustExist: true }));
}

export async function printDocs(store: Store, flags: Omit<DocsFlags, "db">): Promise<void> {
  const { listDocuments } = await import("../store/documents.ts");
  const docs = await listDocuments(store.db, flags);
  if (flags.json) {
    printJsonLines(docs);
    return;
  }
  const anyCopies = docs.some((d) => d.near_copy_of);
  const headers = ["ID", "OUTLET", "PUBLISHED", "CHARS", ...(anyCopies ? ["COPY OF"] : []), "TITLE"];
  const rows = docs.map((d) => [
    d.id,
    d.outlet ?? "-",
    d.published ?? "-",
    String(d.chars),
    ...(anyCopies ? [d.near_copy_of ?? "-"] : []),
    d.title ?? "-",
  ]);
  process.stdout.write(`${formatTable(headers, rows)}\n`);
}
