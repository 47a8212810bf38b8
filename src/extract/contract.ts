import type { Doc } from "./doc.ts";
import { keyOf } from "./fold.ts";
import type { ActorKind, Span } from "./types.ts";

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
  name: string;
  kind: ActorKind;
  aliases: string[];
  roles: Array<{ title: string; of?: string }>;
  country?: string;
  mentions: Array<[number, number]>;
}

export interface QuoteOut {
  start: number;
  end: number;
  text: string;
  kind: "direct" | "indirect";
  speaker: string | null;
  cue: string | null;
  spans?: Array<[number, number]>;
  rule: string;
}

export interface ExtractionOut extends Required<Omit<DocumentMeta, "id">> {
  id: string;
  actors: ActorOut[];
  quotes: QuoteOut[];
  stances: unknown[];
  dates: Array<{
    start: number;
    end: number;
    text: string;
    value: string;
    rule: string;
    range?: [string, string];
  }>;
  text?: string;
}

const pair = (s: Span): [number, number] => [s.start, s.end];

/**
 * The `extract --json` record of DESIGN.md: actors with ids a1, a2, … in order of first mention
 * (the byline's authors among them, with the role "author"), quotes naming their speakers by
 * actor id, and dates; every offset a UTF-16 index into the stored text.
 */
export function toContract(doc: Doc, meta: DocumentMeta, withText = false): ExtractionOut {
  const mentionsOf = new Map<number, Span[]>();
  for (const m of doc.mentions) mentionsOf.set(m.entity, [...(mentionsOf.get(m.entity) ?? []), m]);
  const used = new Set<number>(mentionsOf.keys());
  for (const q of doc.quotes) if (q.speaker !== undefined) used.add(q.speaker);
  for (const e of [...used])
    for (const r of doc.entities.get(e).roles) if (r.of !== undefined) used.add(r.of);
  const authors = (meta.author ?? "")
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((a) => a.trim())
    .filter((a) => a.split(" ").length >= 2);
  const authorIds = authors.map((name) => doc.entities.find("person", name) ?? doc.entities.person(name));
  for (const a of authorIds) used.add(a);
  const firstAt = (e: number) => (mentionsOf.get(e)?.[0]?.start ?? Number.MAX_SAFE_INTEGER) + e / 1e6;
  const order = [...used].sort((a, b) => firstAt(a) - firstAt(b));
  const ids = new Map(order.map((e, i) => [e, `a${i + 1}`]));
  const actors: ActorOut[] = order.map((e) => {
    const entity = doc.entities.get(e);
    const spans = mentionsOf.get(e) ?? [];
    const aliases = new Set<string>();
    for (const s of spans) {
      const written = doc.text.slice(s.start, s.end).replace(/\s+/g, " ");
      if (keyOf(written) !== keyOf(entity.name)) aliases.add(written);
    }
    const roles = entity.roles.map((r) => ({
      title: r.title,
      ...(r.of !== undefined ? { of: ids.get(r.of) as string } : {}),
    }));
    if (authorIds.includes(e)) roles.push({ title: "author" });
    const country =
      entity.country ??
      entity.roles
        .map((r) => (r.of !== undefined ? doc.entities.get(r.of).country : undefined))
        .find(Boolean);
    return {
      id: ids.get(e) as string,
      name: entity.name,
      kind: entity.kind,
      aliases: [...aliases],
      roles,
      ...(country ? { country } : {}),
      mentions: spans.map(pair),
    };
  });
  const quotes: QuoteOut[] = doc.quotes.map((q) => ({
    start: q.start,
    end: q.end,
    text: doc.text.slice(q.start, q.end),
    kind: q.kind,
    speaker: q.speaker !== undefined ? (ids.get(q.speaker) ?? null) : null,
    cue: q.cue ?? null,
    ...(q.spans.length > 1 ? { spans: q.spans.map(pair) } : {}),
    rule: q.rule,
  }));
  return {
    id: meta.id,
    title: meta.title ?? null,
    outlet: meta.outlet ?? null,
    author: meta.author ?? null,
    published: meta.published ?? null,
    url: meta.url ?? null,
    actors,
    quotes,
    stances: [],
    dates: doc.dates.map((d) => ({
      start: d.start,
      end: d.end,
      text: d.text,
      value: d.value,
      rule: d.rule,
      ...(d.range ? { range: d.range } : {}),
    })),
    ...(withText ? { text: doc.text } : {}),
  };
}
