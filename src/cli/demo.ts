import { join, relative } from "node:path";
import type { Command } from "commander";
import { DEFAULT_MAX_BYTES } from "../ingest/inputs.ts";
import { PACKAGE_ROOT } from "../paths.ts";
import { printDocs } from "./docs.ts";
import { runIngest } from "./ingest.ts";
import { addStoreOption, argParser, parseCount, type StoreOptions, withStore } from "./options.ts";

/** The sample articles shipped with standpoint, and the codebook of their dispute. */
export const SAMPLE_ARTICLES = join(PACKAGE_ROOT, "examples", "articles");
const SAMPLE_CODEBOOK = join(PACKAGE_ROOT, "examples", "codebooks", "kosovo-independence.json");
const DAY = "2008-02-18";

interface DemoFlags extends StoreOptions {
  quiet?: boolean;
  serve?: boolean;
  port: number;
}

export function registerDemo(program: Command): void {
  addStoreOption(
    program
      .command("demo")
      .description(
        "ingest the bundled sample articles, show what standpoint makes of them, and serve the app",
      )
      .option("-q, --quiet", "no progress bar")
      .option("--no-serve", "stop after printing, without serving the web app")
      .option("--port <n>", "port of the web app", argParser(parseCount), 8787),
  ).action(async (flags: DemoFlags) => {
    await withStore(flags, async (store) => {
      const here = (path: string) => relative(process.cwd(), path) || ".";
      const tally = await runIngest(store, [here(SAMPLE_ARTICLES)], {
        quiet: flags.quiet,
        maxSize: DEFAULT_MAX_BYTES,
        codebook: [here(SAMPLE_CODEBOOK)],
      });
      if (tally.failed) process.exitCode = 1;
      process.stdout.write("\n");
      await printDocs(store, {});
      const { positions } = await import("../resolve/positions.ts");
      const { positionsText } = await import("./positions.ts");
      const { findIssue } = await import("../store/codebooks.ts");
      const issue = await findIssue(store.db, "kosovo-independence");
      const list = await positions(store.db, issue.id, { at: DAY, evidence: 0 });
      process.stdout.write(`\n${positionsText(list, issue.label, issue.id, DAY)}`);
      const { forumById } = await import("../forums/data.ts");
      const { project } = await import("../forums/project.ts");
      const { projectionText } = await import("./projection-text.ts");
      const unsc = forumById("unsc");
      const projection = await project(store.db, unsc, {
        issue: issue.id,
        at: DAY,
        rule: "substantive",
        assume: [],
      });
      const [title, verdict, unknown] = projectionText(
        projection,
        unsc,
        `${issue.label} (${issue.id})`,
      ).split("\n");
      process.stdout.write(`\n${[title, verdict, unknown].filter(Boolean).join("\n")}\n`);
      if (flags.serve === false) return;
      process.stdout.write("\nThe web app over the same store (see also `standpoint serve --help`):\n");
      const { serveStore } = await import("./serve.ts");
      await serveStore(store, { port: flags.port, host: "127.0.0.1" });
    });
  });
}
