/**
 * One document read as a pool's thread reads it (a worker, or the thread that runs the pool):
 * with the issues and options of the pool's setup, into its record or its printed line.
 */

import type { DocumentMeta } from "../contract.ts";
import type { CompiledCodebook } from "../stances/compile.ts";
import { compiled } from "../stances/issues.ts";
import { type PairModel, shippedModel } from "../stances/learned/model.ts";
import { extractWithIssues } from "./document.ts";
import type { Extracted, PoolSetup } from "./pool.ts";
import { contractOf } from "./record.ts";

/** What a thread makes of the setup once: the issues compiled, the model loaded. */
export interface Prepared {
  setup: PoolSetup;
  codebooks: CompiledCodebook[] | undefined;
  model: PairModel | null;
}

export function prepare(setup: PoolSetup): Prepared {
  return {
    setup,
    codebooks: setup.codebooks?.length ? setup.codebooks.map(compiled) : undefined,
    model: setup.learned ? shippedModel() : null,
  };
}

const encoder = new TextEncoder();

export function readOne(
  doc: DocumentMeta & { text: string },
  { setup, codebooks, model }: Prepared,
): Extracted {
  const { record, detected } = extractWithIssues(doc, {
    ...(codebooks ? { codebooks } : {}),
    ...(setup.detect !== undefined ? { detect: setup.detect } : {}),
    ...(setup.withText ? { withText: true } : {}),
    model,
  });
  const notes = record.notes ?? [];
  return setup.jsonLines
    ? { line: encoder.encode(`${JSON.stringify(contractOf(record))}\n`), notes }
    : { record, detected, notes };
}
