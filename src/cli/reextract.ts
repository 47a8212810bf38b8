import type { Command } from "commander";
import { asStandpointError } from "../errors.ts";
import { addLearnedOption, addStoreOption, collect, type StoreOptions, withStore } from "./options.ts";
import { Progress, progressEnabled } from "./progress.ts";

interface ReextractFlags extends StoreOptions {
  issue: string[];
  codebook: string[];
  quiet?: boolean;
  learned?: boolean;
}

export function registerReextract(program: Command): void {
  addStoreOption(
    addLearnedOption(
      program
        .command("reextract")
        .description("extract every stored document again: after new rules, or for an issue added later")
        .option(
          "--issue <id-or-text>",
          'an issue to find stances on: a codebook id or free text ("independence of Abkhazia"); repeatable',
          collect,
          [],
        )
        .option("--codebook <file>", "a codebook (JSON) defining an issue; repeatable", collect, [])
        .option("-q, --quiet", "no progress bar"),
    ),
  ).action(async (flags: ReextractFlags) => {
    const failed = await withStore(
      flags,
      async (store) => {
        const { deriveWith } = await import("../ingest/derive.ts");
        const { rederive } = await import("../ingest/save.ts");
        const { listCodebooks } = await import("../store/codebooks.ts");
        const { compiled } = await import("../stances/issues.ts");
        const { documentIds } = await import("../store/documents.ts");
        const started = Date.now();
        const { chooseCodebooks } = await import("../ingest/codebooks.ts");
        const chosen = await chooseCodebooks(store, flags);
        // Given issues are added to the stored ones: extracting again must not drop an issue.
        const stored = chosen.detect ? [] : await listCodebooks(store.db);
        const books = new Map([...stored, ...chosen.books].map((b) => [b.id, b]));
        const model = flags.learned ? (await import("../stances/learned/model.ts")).shippedModel() : null;
        const derive = deriveWith([...books.values()].map(compiled), chosen.detect, model);
        const ids = await documentIds(store.db);
        const progress = new Progress(ids.length, progressEnabled(flags.quiet));
        let failures = 0;
        for (const id of ids) {
          try {
            await rederive(store.db, id, derive);
          } catch (error) {
            failures++;
            progress.clear();
            process.stderr.write(`standpoint: ${asStandpointError(error, "store", id).line()}\n`);
          }
          progress.advance(1);
        }
        progress.finish();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const issues = [...books.keys()].join(", ") || "issues detected in each text";
        process.stdout.write(
          `${store.location}: ${ids.length - failures} documents extracted again, ${failures} failed; issues: ${issues} (${seconds} s)\n`,
        );
        return failures;
      },
      { mustExist: true },
    );
    if (failed) process.exitCode = 1;
  });
}
