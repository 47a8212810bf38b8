import { attributeQuotes } from "./attribution.ts";
import { resolvePronouns } from "./coref.ts";
import { findDates } from "./dates.ts";
import { Doc } from "./doc.ts";
import { findNames } from "./names.ts";
import { findQuotedRegions } from "./quote-marks.ts";
import { findReportedSpeech } from "./reported.ts";
import { findRoles } from "./roles.ts";

/** The stages of extraction, in order; each reads the document and what earlier stages added. */
export const STAGES: ReadonlyArray<{ name: string; run: (doc: Doc) => void }> = [
  { name: "names", run: findNames },
  { name: "roles", run: findRoles },
  {
    name: "quoted-regions",
    run: (doc) => {
      doc.quoted = findQuotedRegions(doc);
    },
  },
  { name: "coreference", run: resolvePronouns },
  {
    name: "quotes",
    run: (doc) => {
      const direct = attributeQuotes(doc, doc.quoted).quotes;
      const reported = findReportedSpeech(doc, direct);
      doc.quotes = [...direct, ...reported].sort((a, b) => a.start - b.start);
    },
  },
  {
    name: "dates",
    run: (doc) => {
      doc.dates = findDates(doc);
    },
  },
];

/** Runs every stage over one text; `published` anchors dates the text gives without a year. */
export function extractText(text: string, published?: string): Doc {
  const doc = new Doc(text, published);
  for (const stage of STAGES) stage.run(doc);
  return doc;
}
