import type { Doc } from "../extract/doc.ts";
import type { CompiledCodebook } from "./compile.ts";
import { type EventFound, findEvents, quoteIssues } from "./events.ts";
import { type CueSeen, findStances, type StanceFound } from "./find.ts";
import { learnedStances } from "./learned/apply.ts";
import type { PairModel } from "./learned/model.ts";

/** What the stance stage reads from a document's annotations on the codebooks' issues. */
export interface StanceResults {
  stances: StanceFound[];
  events: EventFound[];
  /** For each quote of the document, the issues it bears on. */
  quoteIssues: string[][];
  /** Cues whose holder the rules could not tell. */
  unheld: CueSeen[];
}

export const NO_STANCES: StanceResults = { stances: [], events: [], quoteIssues: [], unheld: [] };

/**
 * Stances, dated events and the issues of each quote, on the given issues: those of the rules, and
 * with a learned model, those it reads for actors the rules found none for.
 */
export function readStances(
  doc: Doc,
  books: CompiledCodebook[],
  model: PairModel | null = null,
): StanceResults {
  const unheld: CueSeen[] = [];
  const ruled = findStances(doc, books, unheld);
  const stances = model ? [...ruled, ...learnedStances(doc, books, ruled, unheld, model)] : ruled;
  return { stances, events: findEvents(doc, books), quoteIssues: quoteIssues(doc, books, stances), unheld };
}
