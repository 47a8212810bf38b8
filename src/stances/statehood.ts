/** Whether a state's statehood was still argued over when a text was written, by the year of its independence. */

import type { Doc } from "../extract/doc.ts";
import { stateInfo } from "../world/states.ts";

/** How many years after its independence a state's recognition may still be argued over. */
const RECOGNITION_YEARS = 15;

/** For a state the gazetteer gives no year of independence: it was independent by then. */
const INDEPENDENT_BY = 1975;

/**
 * Whether a state was newly independent when the text was written (its publication date, else the
 * latest date it gives): "recognise South Sudan" in 2011 is about its statehood, "recognise the
 * United States" is not. A text with no date is taken as of any time for a state independent
 * since 1990, and as of now for the others.
 */
export function newlyIndependent(doc: Doc, code: string): boolean {
  const since = stateInfo(code)?.since;
  const year = textYear(doc);
  if (year === undefined) return since !== undefined;
  return year <= (since ?? INDEPENDENT_BY) + RECOGNITION_YEARS;
}

/** Whether the text was written before the state's independence: East Timor in 1999 was a disputed territory. */
export function notYetIndependent(doc: Doc, code: string): boolean {
  const since = stateInfo(code)?.since;
  const year = textYear(doc);
  return since !== undefined && year !== undefined && year < since;
}

/** How many years either side of its independence a text written about a state sees it being won. */
const WINNING_YEARS = 1;

/** Whether the text was written as the state won its independence: Montenegro's referendum in 2006, South Sudan's in 2011. */
export function winningIndependence(doc: Doc, code: string): boolean {
  const since = stateInfo(code)?.since;
  const year = textYear(doc);
  return since !== undefined && year !== undefined && Math.abs(year - since) <= WINNING_YEARS;
}

/** The year a text was written: its publication date's, else the latest its dates give. */
function textYear(doc: Doc): number | undefined {
  if (doc.published) return Number(doc.published.slice(0, 4)) || undefined;
  const years = doc.dates.map((d) => Number(d.value.slice(0, 4))).filter((y) => y > 0);
  return years.length ? Math.max(...years) : undefined;
}
