import { setFlagsFromString } from "node:v8";

/**
 * How much a function runs before V8 optimises it, in bytes of bytecode run, when extraction runs
 * on several threads. Extraction calls hundreds of functions a few thousand times each; at V8's
 * default budget (132 KB in Node 20) optimising them keeps a core busy beside each extracting
 * thread, so on two cores two jobs ran slower than one (PolNeAR train twice over, 19 MB: medians
 * 7.20 s against 6.0 s). At this budget two jobs take 4.78 s. One job keeps the default: there the
 * early optimising pays on short articles (20 MB generated: 11.2 s against 13.9 s).
 */
const INTERRUPT_BUDGET = 1_000_000;

let tuned = false;

/** Sets the budget for this process and its worker threads, once, before extraction's code runs hot. */
export function tuneCompilerForExtraction(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
