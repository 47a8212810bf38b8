import type { Doc } from "../extract/doc.ts";
import type { CompiledCodebook } from "./compile.ts";
import { type EventFound, findEvents, quoteIssues } from "./events.ts";
import { findStances, type StanceFound } from "./find.ts";

/** What the stance stage reads from a document's annotations on the codebooks' issues. */
export interface StanceResults {
  stances: StanceFound[];
  events: EventFound[];
  /** For each quote of the document, the issues it bears on. */
  quoteIssues: string[][];
}

export const NO_STANCES: StanceResults = { stances: [], events: [], quoteIssues: [] };

/** Stances, dated events and the issues of each quote, on the given issues. */
export function readStances(doc: Doc, books: CompiledCodebook[]): StanceResults {
  const stances = findStances(doc, books);
  return { stances, events: findEvents(doc, books), quoteIssues: quoteIssues(doc, books, stances) };
}
