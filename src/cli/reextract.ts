import type { Command } from "commander";
import { asStandpointError } from "../errors.ts";
import type { Derive } from "../ingest/derive-step.ts";
import type { Store } from "../store/open.ts";
import type { DocumentTable } from "../store/schema.ts";
import {
  addJobsOption,
  addLearnedOption,
  addStoreOption,
  collect,
  jobsFor,
  type StoreOptions,
  withStore,
} from "./options.ts";
import { Progress, progressEnabled } from "./progress.ts";

interface ReextractFlags extends StoreOptions {
  issue: string[];
  codebook: string[];
  quiet?: boolean;
  learned?: boolean;
  jobs?: number;
}

/** Documents read ahead on the pool while this thread writes those before them. */
const READ_AHEAD = 64;

export function registerReextract(program: Command): void {
  addStoreOption(
    addLearnedOption(
      addJobsOption(
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
    ),
  ).action(async (flags: ReextractFlags) => {
    const failed = await withStore(flags, (store) => runReextract(store, flags), { mustExist: true });
    if (failed) process.exitCode = 1;
  });
}

/** Extracts every stored document again, reporting each failure on a line; returns how many failed. */
async function runReextract(store: Store, flags: ReextractFlags): Promise<number> {
  const { rederive } = await import("../ingest/save.ts");
  const { documentIds, getDocument } = await import("../store/documents.ts");
  const started = Date.now();
  const { derive, books, pool } = await deriveFor(store, flags);
  const ids = await documentIds(store.db);
  const ahead = readingAhead(derive, (id) => getDocument(store.db, id));
  const progress = new Progress(ids.length, progressEnabled(flags.quiet));
  let failures = 0;
  try {
    for (const id of ids.slice(0, READ_AHEAD)) ahead.ask(id);
    for (const [i, id] of ids.entries()) {
      const next = ids[i + READ_AHEAD];
      if (next) ahead.ask(next);
      try {
        await rederive(store.db, id, derive, ahead.take(id));
      } catch (error) {
        failures++;
        progress.clear();
        process.stderr.write(`standpoint: ${asStandpointError(error, "store", id).line()}\n`);
      }
      progress.advance(1);
    }
  } finally {
    await pool?.close();
  }
  progress.finish();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const issues = books.join(", ") || "issues detected in each text";
  process.stdout.write(
    `${store.location}: ${ids.length - failures} documents extracted again, ${failures} failed; issues: ${issues} (${seconds} s)\n`,
  );
  return failures;
}

/**
 * The issues to read (those given added to those stored: extracting again must not drop one) and
 * the derive step, on a pool of `--jobs` threads when there are several.
 */
async function deriveFor(
  store: Store,
  flags: ReextractFlags,
): Promise<{ derive: Derive; books: string[]; pool?: { close(): Promise<void> } }> {
  const { deriveWith } = await import("../ingest/derive.ts");
  const { listCodebooks } = await import("../store/codebooks.ts");
  const { compiled } = await import("../stances/issues.ts");
  const { chooseCodebooks } = await import("../ingest/codebooks.ts");
  const chosen = await chooseCodebooks(store, flags);
  const stored = chosen.detect ? [] : await listCodebooks(store.db);
  const books = [...new Map([...stored, ...chosen.books].map((b) => [b.id, b])).values()];
  const model = flags.learned ? (await import("../stances/learned/model.ts")).shippedModel() : null;
  const derive = deriveWith(books.map(compiled), chosen.detect, model);
  const ids = books.map((b) => b.id);
  const jobs = jobsFor(flags.jobs, await storedChars(store));
  if (jobs < 2) return { derive, books: ids };
  const { readOnPool } = await import("../ingest/derive-pool.ts");
  const setup = { codebooks: books, detect: chosen.detect, learned: Boolean(flags.learned) };
  return { ...readOnPool(derive, jobs, setup), books: ids };
}

/** How much text the store holds, to choose how many threads read it. */
async function storedChars(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom("documents")
    .select((eb) => eb.fn.sum<number>("chars").as("chars"))
    .executeTakeFirst();
  return Number(row?.chars ?? 0);
}

/** Readings begun on the pool ahead of their turn, each with the document as it was read. */
function readingAhead(derive: Derive, documentOf: (id: string) => Promise<DocumentTable | undefined>) {
  const begun = new Map<string, Promise<{ doc: DocumentTable; read: unknown }>>();
  const { readElsewhere } = derive;
  return {
    ask(id: string): void {
      if (!readElsewhere || begun.has(id)) return;
      const reading = documentOf(id).then(async (doc) => {
        if (!doc) throw new Error(`no document ${id}`);
        return { doc, read: await readElsewhere(doc) };
      });
      // Nothing rejects unseen: rederive reads again what failed here.
      reading.catch(() => undefined);
      begun.set(id, reading);
    },
    take(id: string): Promise<{ doc: DocumentTable; read: unknown }> | undefined {
      const reading = begun.get(id);
      begun.delete(id);
      return reading;
    },
  };
}
