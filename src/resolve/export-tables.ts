/** The tables `export` writes and their columns: what the CLI offers before it opens any store. */

export const EXPORT_TABLES = ["documents", "actors", "quotes", "stances"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** The columns of each table in CSV, in order; JSON Lines carry the same fields. */
export const EXPORT_COLUMNS: Record<ExportTable, string[]> = {
  documents: [
    "id",
    "outlet",
    "published",
    "title",
    "author",
    "url",
    "dateline",
    "near_copy_of",
    "source",
    "text",
  ],
  actors: ["id", "name", "kind", "country", "aliases", "linked", "documents", "quotes", "stances"],
  quotes: [
    "id",
    "document",
    "published",
    "speaker_id",
    "kind",
    "cue",
    "start",
    "end",
    "spans",
    "rule",
    "review",
    "text",
  ],
  stances: [
    "id",
    "document",
    "issue",
    "actor_id",
    "via_actor_id",
    "stance",
    "date",
    "evidence",
    "rule",
    "review",
    "evidence_text",
  ],
};
