import type { Transaction } from "kysely";
import { extractWithIssues } from "../pipeline/document.ts";
import type { CompiledCodebook } from "../stances/compile.ts";
import { saveCodebooks } from "../store/codebooks.ts";
import { writeExtraction } from "../store/extraction.ts";
import type { Database, DocumentTable } from "../store/schema.ts";
import type { DeriveHook } from "./save.ts";

/**
 * The derive hook of ingest: extracts a stored document on the codebooks' issues and writes the
 * results in its transaction. With `detect`, the issues a text is found to be about are added
 * too, and their codebooks stored, unless a codebook of the same id is given.
 */
export function deriveWith(codebooks: CompiledCodebook[], detect: boolean): DeriveHook {
  return async (trx: Transaction<Database>, doc: DocumentTable) => {
    const { record, detected } = extractWithIssues(
      {
        id: doc.id,
        text: doc.text,
        title: doc.title,
        outlet: doc.outlet,
        author: doc.author,
        published: doc.published,
        url: doc.url,
      },
      { codebooks, detect },
    );
    if (detected.length) await saveCodebooks(trx, detected, "detected");
    await writeExtraction(trx, doc.id, doc.text, record);
    return record.notes ?? [];
  };
}

/** Extraction with the issues each text is found to be about: what ingest does with no codebook. */
export const extractAndStore: DeriveHook = deriveWith([], true);
