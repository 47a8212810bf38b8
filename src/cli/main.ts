import { Command, CommanderError } from "commander";
import { oneLine, printable, StandpointError } from "../errors.ts";
import { registerActors } from "./actors.ts";
import { registerCheck } from "./check.ts";
import { registerCompare } from "./compare.ts";
import { registerDemo } from "./demo.ts";
import { registerDocs } from "./docs.ts";
import { registerExport } from "./export.ts";
import { registerExtract } from "./extract.ts";
import { registerForum } from "./forum.ts";
import { registerIngest } from "./ingest.ts";
import { VERSION } from "./options.ts";
import { registerPositions } from "./positions.ts";
import { registerQueue } from "./queue.ts";
import { registerQuotes } from "./quotes.ts";
import { registerRecords } from "./records.ts";
import { registerReextract } from "./reextract.ts";
import { registerReview } from "./review.ts";
import { registerServe } from "./serve.ts";
import { registerShow } from "./show.ts";
import { registerTimeline } from "./timeline.ts";
import { registerWorker } from "./worker.ts";

// Everything printed comes from stored text: no control character of it may reach a terminal.
// JSON escapes them already; tables, CSV and documents pass through here.
const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
  write(typeof chunk === "string" ? printable(chunk) : chunk, ...rest)) as typeof process.stdout.write;

// A reader that stops early (`standpoint docs | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command()
  .name("standpoint")
  .description("A sourced, reviewable record of an international dispute, from news articles.")
  .version(VERSION)
  .showSuggestionAfterError()
  // Commander puts its suggestion on a second line; a bad option is one line like every other error.
  .configureOutput({ outputError: (message, write) => write(`${oneLine(message)}\n`) })
  .exitOverride();

for (const register of [
  registerDemo,
  registerIngest,
  registerWorker,
  registerQueue,
  registerExtract,
  registerReextract,
  registerDocs,
  registerShow,
  registerActors,
  registerQuotes,
  registerPositions,
  registerTimeline,
  registerCompare,
  registerReview,
  registerExport,
  registerForum,
  registerRecords,
  registerCheck,
  registerServe,
])
  register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its one-line message; help and version are not failures.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof StandpointError) {
    process.stderr.write(`standpoint: ${error.line()}\n`);
    process.exitCode = error.code === "usage" ? 2 : 1;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`standpoint: unexpected error: ${oneLine(message)}\n`);
    if (process.env.STANDPOINT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}
