import type { Command } from "commander";
import { StandpointError } from "../errors.ts";
import { addStoreOption, type StoreOptions, withStore } from "./options.ts";

interface ShowFlags extends StoreOptions {
  json?: boolean;
}

export function registerShow(program: Command): void {
  addStoreOption(
    program
      .command("show")
      .description("a document's metadata (with where each field came from) and text")
      .argument("<id>", "document id")
      .option("--json", "one JSON object"),
  ).action((id: string, flags: ShowFlags) =>
    withStore(
      flags,
      async (store) => {
        const { duplicatesOf, getDocument, getDuplicate } = await import("../store/documents.ts");
        const dup = await getDuplicate(store.db, id);
        const doc = await getDocument(store.db, dup?.duplicate_of ?? id);
        if (!doc) throw new StandpointError("not_found", `no document with id ${JSON.stringify(id)}`);
        const duplicates = (await duplicatesOf(store.db, doc.id)).map((d) => d.id);
        const provenance = JSON.parse(doc.provenance) as Record<string, string>;
        const extra = doc.extra ? (JSON.parse(doc.extra) as Record<string, unknown>) : {};
        // A duplicate shows its own metadata over the text it shares with the first document.
        const shown = dup ?? doc;
        if (flags.json) {
          const { hash: _hash, provenance: _p, extra: _e, ...fields } = doc;
          const record = {
            ...fields,
            ...dup,
            duplicate_of: dup?.duplicate_of ?? null,
            provenance,
            extra,
            duplicates,
          };
          process.stdout.write(`${JSON.stringify({ ...record, text: doc.text })}\n`);
          return;
        }
        const rows: Array<[string, string | number | null, string?]> = [
          ["id", shown.id, provenance.id],
          ["title", shown.title, provenance.title],
          ["outlet", shown.outlet, provenance.outlet],
          ["author", shown.author, provenance.author],
          ["published", shown.published, provenance.published],
          ["url", shown.url, provenance.url],
          ["dateline", doc.dateline, provenance.dateline],
          ["source", shown.source, doc.format],
          ["characters", doc.chars],
        ];
        if (dup) rows.push(["duplicate of", doc.id]);
        else if (duplicates.length) rows.push(["duplicates", duplicates.join(", ")]);
        if (doc.near_copy_of) rows.push(["near copy of", doc.near_copy_of]);
        for (const [key, value] of Object.entries(extra)) rows.push([key, String(value)]);
        for (const [key, value, from] of rows) {
          process.stdout.write(
            `${key.padEnd(13)}${value ?? "-"}${from && value != null ? `  (${from})` : ""}\n`,
          );
        }
        process.stdout.write(`\n${doc.text}\n`);
      },
      { mustExist: true },
    ),
  );
}
