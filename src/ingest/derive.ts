import type { Transaction } from "kysely";
import { extractWithIssues } from "../pipeline/document.ts";
import type { CompiledCodebook } from "../stances/compile.ts";
import type { PairModel } from "../stances/learned/model.ts";
import { saveCodebooks } from "../store/codebooks.ts";
import { writeExtraction } from "../store/extraction.ts";
import type { Database } from "../store/schema.ts";
import type { Derive, DerivedFrom } from "./derive-step.ts";

/** What reading a document gives: its record and the codebooks of issues found in it. */
export type Read = ReturnType<typeof extractWithIssues>;

/**
 * The derive step of ingest: extracts a document on the codebooks' issues, outside any
 * transaction, and writes the results in the document's. With `detect`, the issues a text is
 * found to be about are added too, and their codebooks stored, unless a codebook of the same id
 * is given. With a learned model, its stances are read beside the rules'.
 */
export function deriveWith(
  codebooks: CompiledCodebook[],
  detect: boolean,
  model: PairModel | null = null,
): Derive<Read> {
  return {
    read: (doc: DerivedFrom) => extractWithIssues(metaOf(doc), { codebooks, detect, model }),
    write: async (trx: Transaction<Database>, doc: DerivedFrom, { record, detected }: Read) => {
      if (detected.length) await saveCodebooks(trx, detected, "detected");
      await writeExtraction(trx, doc.id, doc.text, record);
      return record.notes ?? [];
    },
  };
}

/** The metadata extraction reads, from a document about to be stored. */
export function metaOf(doc: DerivedFrom) {
  return {
    id: doc.id,
    text: doc.text,
    title: doc.title,
    outlet: doc.outlet,
    author: doc.author,
    published: doc.published,
    url: doc.url,
  };
}

/** Extraction with the issues each text is found to be about: what ingest does with no codebook. */
export const extractAndStore = deriveWith([], true);
