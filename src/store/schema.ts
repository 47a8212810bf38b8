import type { Generated } from "kysely";

/** A stored article. `published` keeps the precision known: `2007-07-23`, `2008-02`, `2007`. */
export interface DocumentTable {
  id: string;
  hash: string;
  text: string;
  chars: number;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  dateline: string | null;
  format: string;
  source: string;
  /** JSON: which source each metadata field came from (sidecar, jsonl, html-meta, byline, ...). */
  provenance: string;
  /** JSON: metadata fields standpoint does not model, kept as given. */
  extra: string | null;
  /** The first stored document this one is a near-copy of (syndicated text), if any. */
  near_copy_of: string | null;
  ingested_at: string;
}

/** The same text ingested under another id: recorded, not stored or counted twice. */
export interface DuplicateTable {
  id: string;
  duplicate_of: string;
  hash: string;
  source: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  ingested_at: string;
}

/** Locality-sensitive hash bands of a document's shingles, to find near-copies. */
export interface DocumentBandTable {
  band: string;
  document_id: string;
}

export interface Database {
  documents: DocumentTable;
  duplicates: DuplicateTable;
  document_bands: DocumentBandTable;
}

export type { Generated };
