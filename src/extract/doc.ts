import { fold } from "../world/fold.ts";
import type { GazetteerForm } from "../world/gazetteer.ts";
import { EntityTable } from "./entities.ts";
import { paragraphs, sentences, tokenize } from "./segment.ts";
import type { DateMention, Mention, Quote, QuotedRegion, Sentence, Span, Token } from "./types.ts";

/** A document under extraction: its text, its segmentation, and the annotations of each stage. */
export class Doc {
  readonly folded: string;
  readonly tokens: Token[];
  readonly paragraphs: Span[];
  readonly sentences: Sentence[];
  readonly entities = new EntityTable();
  readonly mentions: Mention[] = [];
  /** Resolved pronouns: their offset and the entity they stand for. */
  readonly pronouns = new Map<number, number>();
  /** For each token, the entity a name mention covering it refers to, or -1. */
  readonly tokenEntity: Int32Array;
  /** First tokens of mentions made by an adjective ("American soil"): a modifier, never a clause's subject. */
  readonly adjectives = new Set<number>();
  /** Quoted regions (direct quotes and scare quotes alike), in text order, for stages that must not look inside them. */
  quoted: QuotedRegion[] = [];
  quotes: Quote[] = [];
  /** What a reader of the results should know: a text skipped as not English, say. */
  readonly notes: string[] = [];
  dates: DateMention[] = [];

  constructor(
    readonly text: string,
    /** The publication date, at the precision known, for dates the text gives without a year. */
    readonly published?: string,
  ) {
    this.folded = fold(text);
    this.tokens = tokenize(this.folded);
    this.paragraphs = paragraphs(text);
    this.sentences = sentences(this.tokens, this.paragraphs);
    this.tokenEntity = new Int32Array(this.tokens.length).fill(-1);
  }

  addMention(
    first: number,
    last: number,
    entity: number,
    form: Mention["form"],
    rule: string,
    gazetteer?: GazetteerForm,
  ): Mention {
    const start = (this.tokens[first] as Token).start;
    const end = (this.tokens[last - 1] as Token).end;
    const mention: Mention = { start, end, entity, form, rule, ...(gazetteer ? { gazetteer } : {}) };
    this.mentions.push(mention);
    if (form === "name") for (let k = first; k < last; k++) this.tokenEntity[k] = entity;
    if (gazetteer === "adjective") this.adjectives.add(first);
    return mention;
  }

  /** Index of the first token starting at or after `offset`. */
  tokenAt(offset: number): number {
    return startingBefore(this.tokens, offset);
  }

  slice(first: number, last: number): string {
    return this.text
      .slice((this.tokens[first] as Token).start, (this.tokens[last - 1] as Token).end)
      .replace(/\s+/g, " ");
  }

  insideQuote(offset: number): boolean {
    const region = this.quoted[startingBefore(this.quoted, offset + 1) - 1];
    return region !== undefined && offset < region.end;
  }

  /** The last quoted region that ends at or before `offset`, among the few that start before it. */
  quoteEndingBefore(offset: number): QuotedRegion | undefined {
    const before = startingBefore(this.quoted, offset);
    for (let i = before - 1; i >= Math.max(0, before - 8); i--)
      if ((this.quoted[i] as Span).end <= offset) return this.quoted[i];
    return undefined;
  }
}

/** How many of `spans` (sorted by start) start before `offset`. */
export function startingBefore(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
