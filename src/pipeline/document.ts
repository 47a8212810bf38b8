/**
 * One document through the whole of extraction: the annotations of src/extract, then the stances
 * src/stances reads from them on the given issues (and those the text is about), as one record.
 */
import type { Codebook } from "../codebooks/codebook.ts";
import type { DocumentMeta, ExtractionRecord } from "../contract.ts";
import type { Doc } from "../extract/doc.ts";
import { extractText } from "../extract/stages.ts";
import type { CompiledCodebook } from "../stances/compile.ts";
import { compiled, detectIssues } from "../stances/issues.ts";
import type { PairModel } from "../stances/learned/model.ts";
import { NO_STANCES, readStances, type StanceResults } from "../stances/stage.ts";
import { toRecord } from "./record.ts";

export interface ExtractOptions {
  withText?: boolean;
  /** The issues to find stances on. */
  codebooks?: CompiledCodebook[];
  /** Also the issues the text is found to be about (default: when no codebook is given). */
  detect?: boolean;
  /** A learned stance model to read beside the rules (`--learned`: the shipped one); none by default. */
  model?: PairModel | null;
}

/** Extracts one document into the `extract --json` record, with stances on the codebooks' issues. */
export function extractDocument(
  meta: DocumentMeta & { text: string },
  options: ExtractOptions = {},
): ExtractionRecord {
  return extractWithIssues(meta, options).record;
}

/** One document read: its annotations, the issues read on, those detected, and the stances found. */
export interface Analysis {
  doc: Doc;
  books: CompiledCodebook[];
  detected: Codebook[];
  found: StanceResults;
}

/** As extractDocument, and the codebooks of issues detected in the text that were not given. */
export function extractWithIssues(
  meta: DocumentMeta & { text: string },
  options: ExtractOptions = {},
): { record: ExtractionRecord; detected: Codebook[] } {
  const { doc, found, detected } = analyse(meta, options);
  return { record: toRecord(doc, found, meta, options.withText), detected };
}

/** Extraction and stances of one document, before they are made a record. */
export function analyse(meta: DocumentMeta & { text: string }, options: ExtractOptions = {}): Analysis {
  const doc = extractText(meta.text, meta.published ?? undefined);
  const books = [...(options.codebooks ?? [])];
  const detected: Codebook[] = [];
  let found = NO_STANCES;
  if (!doc.notes.length) {
    if (options.detect ?? !options.codebooks?.length) {
      for (const book of detectIssues(doc)) {
        if (books.some((b) => b.codebook.id === book.id)) continue;
        detected.push(book);
        books.push(compiled(book));
      }
    }
    found = readStances(doc, books, options.model);
  }
  return { doc, books, detected, found };
}
