/**
 * A worker thread of the extraction pool: compiles the issues it is given once, then extracts each
 * document it is sent and posts back its record (or the JSON line that prints it), or the error
 * that stopped it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { compiled } from "../stances/issues.ts";
import { shippedModel } from "../stances/learned/model.ts";
import { extractDocument } from "./document.ts";
import type { PoolReply, PoolSetup, PoolTask } from "./pool.ts";
import { contractOf } from "./record.ts";

const setup = workerData as PoolSetup;
const codebooks = setup.codebooks?.map(compiled);
const model = setup.learned ? shippedModel() : null;
const encoder = new TextEncoder();

parentPort?.on("message", (task: PoolTask) => {
  let reply: PoolReply;
  try {
    const record = extractDocument(task.doc, {
      ...(codebooks ? { codebooks } : {}),
      ...(setup.withText ? { withText: true } : {}),
      model,
    });
    const notes = record.notes ?? [];
    reply = setup.jsonLines
      ? { seq: task.seq, line: encoder.encode(`${JSON.stringify(contractOf(record))}\n`), notes }
      : { seq: task.seq, record, notes };
  } catch (error) {
    reply = { seq: task.seq, error: error instanceof Error ? error.message : String(error) };
  }
  // The line's bytes move to the main thread rather than being copied there.
  parentPort?.postMessage(reply, "line" in reply ? [reply.line.buffer as ArrayBuffer] : []);
});
