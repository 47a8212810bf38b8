import { join, relative } from "node:path";
import type { Command } from "commander";
import { DEFAULT_MAX_BYTES } from "../ingest/inputs.ts";
import { PACKAGE_ROOT } from "../paths.ts";
import { printDocs } from "./docs.ts";
import { runIngest } from "./ingest.ts";
import { addStoreOption, type StoreOptions, withStore } from "./options.ts";

/** The sample articles shipped with standpoint. */
export const SAMPLE_ARTICLES = join(PACKAGE_ROOT, "examples", "articles");

export function registerDemo(program: Command): void {
  addStoreOption(
    program
      .command("demo")
      .description("ingest the bundled sample articles and show what standpoint makes of them")
      .option("-q, --quiet", "no progress bar"),
  ).action((flags: StoreOptions & { quiet?: boolean }) =>
    withStore(flags, async (store) => {
      const folder = relative(process.cwd(), SAMPLE_ARTICLES) || ".";
      const tally = await runIngest(store, [folder], { quiet: flags.quiet, maxSize: DEFAULT_MAX_BYTES });
      process.stdout.write("\n");
      await printDocs(store, {});
      if (tally.failed) process.exitCode = 1;
    }),
  );
}
