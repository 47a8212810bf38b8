/**
 * A worker thread of the extraction pool: prepares the issues it is given once, then reads each
 * document it is sent and posts back its record (or the JSON line that prints it), or the error
 * that stopped it.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { PoolReply, PoolSetup, PoolTask } from "./pool.ts";
import { prepare, readOne } from "./read-one.ts";

const prepared = prepare(workerData as PoolSetup);

parentPort?.on("message", (task: PoolTask) => {
  let reply: PoolReply;
  try {
    reply = { seq: task.seq, ...readOne(task.doc, prepared) };
  } catch (error) {
    reply = { seq: task.seq, error: error instanceof Error ? error.message : String(error) };
  }
  // The line's bytes move to the main thread rather than being copied there.
  parentPort?.postMessage(reply, "line" in reply ? [reply.line.buffer as ArrayBuffer] : []);
});
