/**
 * A worker thread of the extraction pool: compiles the issues it is given once, then extracts each
 * document it is sent and posts back its record, or the error that stopped it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { compiled } from "../stances/issues.ts";
import { shippedModel } from "../stances/learned/model.ts";
import { extractDocument } from "./document.ts";
import type { PoolReply, PoolSetup, PoolTask } from "./pool.ts";

const setup = workerData as PoolSetup;
const codebooks = setup.codebooks?.map(compiled);
const model = setup.learned ? shippedModel() : null;

parentPort?.on("message", (task: PoolTask) => {
  let reply: PoolReply;
  try {
    const record = extractDocument(task.doc, {
      ...(codebooks ? { codebooks } : {}),
      ...(setup.withText ? { withText: true } : {}),
      model,
    });
    reply = { seq: task.seq, record };
  } catch (error) {
    reply = { seq: task.seq, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
