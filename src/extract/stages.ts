import { placeCentralGovernments } from "./central-government.ts";
import { resolvePronouns } from "./coref/pronouns.ts";
import { findDates } from "./dates.ts";
import { Doc } from "./doc.ts";
import { matchAt } from "./gazetteer-match.ts";
import { ENGLISH_FUNCTION_WORDS } from "./lexicons.ts";
import { findNames } from "./names/find.ts";
import { attributeQuotes } from "./quotes/direct.ts";
import { fragmentQuotes } from "./quotes/fragments.ts";
import { giveDocumentsToIssuers } from "./quotes/issued.ts";
import { findQuotedRegions } from "./quotes/marks.ts";
import { findReportedSpeech } from "./quotes/reported.ts";
import { placeBodies, placeRoles } from "./role-places.ts";
import { findRoles } from "./roles.ts";
import type { Token } from "./types.ts";

/** The stages of extraction, in order; each reads the document and what earlier stages added. */
export const STAGES: ReadonlyArray<{ name: string; run: (doc: Doc) => void }> = [
  // Quotation marks first: names inside a quotation are someone's words, not the narrator's. Dates
  // come before quotes, which pass over a date between a speech verb and its content.
  {
    name: "quoted-regions",
    run: (doc) => {
      doc.quoted = findQuotedRegions(doc);
    },
  },
  { name: "names", run: findNames },
  { name: "roles", run: findRoles },
  {
    name: "role-places",
    run: (doc) => {
      placeRoles(doc);
      placeBodies(doc);
      placeCentralGovernments(doc);
    },
  },
  { name: "coreference", run: resolvePronouns },
  {
    name: "dates",
    run: (doc) => {
      doc.dates = findDates(doc);
    },
  },
  {
    name: "quotes",
    run: (doc) => {
      const { quotes: direct, kinds } = attributeQuotes(doc, doc.quoted);
      const reported = findReportedSpeech(doc, direct);
      const fragments = fragmentQuotes(doc, kinds, [...direct, ...reported]);
      doc.quotes = [...direct, ...reported, ...fragments].sort((a, b) => a.start - b.start);
      giveDocumentsToIssuers(doc, doc.quotes);
    },
  },
];

/** Fewer English function words than this share of the words: not English, and nothing is extracted. */
const MIN_ENGLISH_SHARE = 0.08;
const MIN_WORDS_TO_JUDGE = 30;
const MAX_WORDS_TO_JUDGE = 3000;

/**
 * Whether a text reads as English: the share of its words that are English function words, the
 * names of states left out (a list of 200 states is English or any language).
 */
export function looksEnglish(doc: Doc): boolean {
  return englishShare(doc, false) || englishShare(doc, true);
}

/** Whether English function words make enough of the first words; with `skipPlaces`, state names left out. */
function englishShare(doc: Doc, skipPlaces: boolean): boolean {
  let words = 0;
  let common = 0;
  // The first few thousand words tell as well as all of them.
  for (let k = 0; k < doc.tokens.length && words < MAX_WORDS_TO_JUDGE; k++) {
    const t = doc.tokens[k] as Token;
    if (t.kind !== "word") continue;
    const place = skipPlaces && t.upper ? matchAt(doc.tokens, k, doc.folded) : undefined;
    if (place?.entry.kind === "state") {
      k = place.last - 1;
      continue;
    }
    words++;
    if (ENGLISH_FUNCTION_WORDS.has(t.key)) common++;
    // Enough function words already for any count of words the rest of the text could bring.
    if (common >= MIN_ENGLISH_SHARE * Math.min(MAX_WORDS_TO_JUDGE, words + doc.tokens.length - k - 1))
      return true;
  }
  return words < MIN_WORDS_TO_JUDGE || common / words >= MIN_ENGLISH_SHARE;
}

/**
 * Runs every stage over one text; `published` anchors dates the text gives without a year. A
 * text that is not English gets a note saying so and no annotations: the rules are English.
 */
export function extractText(text: string, published?: string): Doc {
  const doc = new Doc(text, published);
  if (!looksEnglish(doc)) {
    doc.notes.push("the text does not look like English; nothing was extracted");
    return doc;
  }
  for (const stage of STAGES) stage.run(doc);
  return doc;
}
