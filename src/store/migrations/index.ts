import type { Migration } from "kysely";
import * as m001 from "./001_documents.ts";
import * as m002 from "./002_extraction.ts";
import * as m003 from "./003_positions.ts";
import * as m004 from "./004_codebook_origin.ts";
import * as m005 from "./005_person_initials.ts";
import * as m006 from "./006_records.ts";
import * as m007 from "./007_quote_pages.ts";

/** Numbered migrations, applied in name order; a released one is never edited. */
export const MIGRATIONS: Record<string, Migration> = {
  "001_documents": m001,
  "002_extraction": m002,
  "003_positions": m003,
  "004_codebook_origin": m004,
  "005_person_initials": m005,
  "006_records": m006,
  "007_quote_pages": m007,
};
