/**
 * The record of one document's extraction: the `extract --json` contract of DESIGN.md, which the
 * pipeline makes, the CLI prints and the store keeps. Types only, so that every stage can name it.
 */

/** The kind of a person, state, organisation or group of people. */
export type ActorKind = "person" | "state" | "organization" | "group";

/** What kind of expression a mention is: a name, a pronoun, a role noun phrase ("the Russian envoy"). */
export type MentionForm = "name" | "pronoun" | "description";

/** Document metadata carried into the output. */
export interface DocumentMeta {
  id: string;
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  published?: string | null;
  url?: string | null;
}

export interface ActorOut {
  id: string;
  /** The actor's identity across documents: `state:SRB`, `org:UNSC`, `person:vojislav-kostunica`. */
  key: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  roles: Array<{ title: string; of?: string; span?: [number, number]; rule?: string }>;
  country?: string;
  mentions: Array<[number, number]>;
  /** For each mention, the rule that found it (a name, a surname, a pronoun by salience, …). */
  mention_rules: string[];
}

/** An actor as extraction gives it to the store: with what each mention is. */
export interface ActorRecord extends ActorOut {
  /** For each mention, what kind of expression it is. Not printed: DESIGN.md's contract has no such field. */
  mention_forms: MentionForm[];
}

export interface QuoteOut {
  start: number;
  end: number;
  text: string;
  kind: "direct" | "indirect";
  speaker: string | null;
  /** Where the attribution names the speaker, and the cue word. */
  speaker_span: [number, number] | null;
  cue: string | null;
  cue_span: [number, number] | null;
  spans?: Array<[number, number]>;
  rule: string;
  /** The issues the quote bears on, when any. */
  issues?: string[];
}

export interface StanceOut {
  actor: string;
  issue: string;
  stance: "support" | "oppose" | "neutral";
  evidence: Array<[number, number]>;
  date: string | null;
  via?: string;
  /** The cue words within each piece of evidence. */
  cues: Array<[number, number]>;
  rule: string;
}

/** A dated sentence naming its actors: the stuff of a timeline. */
export interface EventOut {
  start: number;
  end: number;
  date: string;
  date_span: [number, number];
  actors: string[];
  issues: string[];
}

export interface ExtractionOut extends Required<Omit<DocumentMeta, "id">> {
  id: string;
  actors: ActorOut[];
  quotes: QuoteOut[];
  stances: StanceOut[];
  dates: Array<{
    start: number;
    end: number;
    text: string;
    value: string;
    rule: string;
    range?: [string, string];
  }>;
  events: EventOut[];
  notes?: string[];
  text?: string;
}

/** A document's extraction as the pipeline gives it to the store: its actors with their mentions' forms. */
export interface ExtractionRecord extends Omit<ExtractionOut, "actors"> {
  actors: ActorRecord[];
}
