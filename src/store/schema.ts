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

/** An actor across documents; its id is stable across re-ingest (`state:SRB`, `person:vojislav-kostunica`). */
export interface ActorTable {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  /** The actor this one is the same as (a surname-only person linked to the full name), if any. */
  same_as: string | null;
  /** A person's folded initials (`initialsOf`), to find another spelling of the name; null for others. */
  initials: string | null;
}

export interface MentionTable {
  document_id: string;
  actor_id: string;
  start: number;
  end: number;
  text: string;
  form: string;
  rule: string;
}

export interface RoleTable {
  document_id: string;
  actor_id: string;
  title: string;
  of_actor_id: string | null;
  start: number;
  end: number;
  rule: string;
}

export interface QuoteTable {
  /** `DOCUMENT#N`, N counting the document's quotes in text order. */
  id: string;
  document_id: string;
  start: number;
  end: number;
  text: string;
  kind: string;
  /** JSON [[start, end], …] when the quote has several pieces. */
  spans: string | null;
  speaker_id: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  cue: string | null;
  cue_start: number | null;
  cue_end: number | null;
  rule: string;
  /** Stable across re-extraction of the same text: `DOCUMENT|START|END`; reviews refer to it. */
  key: string | null;
  /** The article's publication date. */
  published: string | null;
}

export interface DateTable {
  document_id: string;
  start: number;
  end: number;
  text: string;
  value: string;
  range_start: string | null;
  range_end: string | null;
  rule: string;
}

export interface StanceTable {
  id: string;
  key: string;
  document_id: string;
  issue: string;
  actor_id: string;
  via_actor_id: string | null;
  stance: string;
  date: string | null;
  /** JSON [[start, end], …]: the sentences or quotes that show the stance. */
  evidence: string;
  /** JSON [text, …]: the evidence as it reads. */
  evidence_text: string;
  cues: string;
  rule: string;
}

/** How many stances an actor took on an issue on a day (`date` '' when undated). */
export interface StanceDayTable {
  issue: string;
  actor_id: string;
  date: string;
  stance: string;
  n: number;
}

/** That a quote bears on an issue: its text names the target, it shows a stance, or its article is about it. */
export interface QuoteIssueTable {
  quote_id: string;
  document_id: string;
  issue: string;
  published: string | null;
  /** The quote's offset, for the order of quotes within an article. */
  start: number;
}

/** A dated sentence on an issue naming who took part. */
export interface EventTable {
  document_id: string;
  issue: string;
  start: number;
  end: number;
  date: string;
  date_start: number;
  date_end: number;
  /** The sentence. */
  text: string;
  /** JSON: ids of the actors named. */
  actors: string;
}

export interface GenerationTable {
  id: number;
  n: number;
}

/** A result computed from the store, valid while the store's generation is the one it was computed at. */
export interface CacheTable {
  key: string;
  generation: number;
  body: string;
}

export interface CodebookTable {
  id: string;
  label: string;
  source: string | null;
  /** The codebook as JSON. */
  body: string;
  stored_at: string;
  /** `given` by the user (applies to every text) or `detected` in a text (applies where found). */
  origin: Generated<string>;
}

export interface ActorAliasTable {
  /** A folded name an actor is known by: "kostunica", "russian federation", "rus". */
  alias: string;
  actor_id: string;
}

export interface ReviewTable {
  id: string;
  at: string;
  reviewer: string;
  item_kind: string;
  item_key: string;
  action: string;
  field: string | null;
  value: string | null;
  reason: string | null;
}

/** A recorded vote of a forum: what was voted on, when, and where the record comes from. */
export interface RollCallTable {
  id: string;
  forum: string;
  date: string;
  symbol: string;
  title: string;
  /** whole, amendment, paragraph or motion: only a vote on the whole text bears on an issue. */
  part: string;
  important: number;
  outcome: string;
  source: string;
  origin: string;
  imported_at: string;
}

/** A recorded act of a state: a vote in a roll call, a recognition or its withdrawal. */
export interface RecordTable {
  id: string;
  actor_id: string;
  date: string;
  act: string;
  object: string;
  roll_call_id: string | null;
  issue: string | null;
  source: string;
  origin: string;
  note: string | null;
  imported_at: string;
}

export interface Database {
  roll_calls: RollCallTable;
  records: RecordTable;
  stances: StanceTable;
  quote_issues: QuoteIssueTable;
  stance_days: StanceDayTable;
  generations: GenerationTable;
  caches: CacheTable;
  events: EventTable;
  codebooks: CodebookTable;
  actor_aliases: ActorAliasTable;
  review_log: ReviewTable;
  documents: DocumentTable;
  duplicates: DuplicateTable;
  document_bands: DocumentBandTable;
  actors: ActorTable;
  mentions: MentionTable;
  roles: RoleTable;
  quotes: QuoteTable;
  dates: DateTable;
}

export type { Generated };
