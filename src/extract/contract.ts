import { keyOf } from "../world/fold.ts";
import type { Doc } from "./doc.ts";
import type { ActorKind, Entity, Mention, Span } from "./types.ts";

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

/** Rules that resolve a pronoun (coref.ts): by the narrating sentence's subject, or by salience. */
export function isPronounRule(rule: string): boolean {
  return rule.startsWith("salience-") || rule.startsWith("narrating-subject-");
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

const pair = (s: Span): [number, number] => [s.start, s.end];

const slug = (name: string) =>
  keyOf(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** An entity's identity across documents: ISO code, gazetteer id, or its folded name by kind. */
export function actorKey(entity: Entity): string {
  if (entity.kind === "state") return `state:${entity.country}`;
  if (entity.kind === "organization") return `org:${entity.ref ?? slug(entity.name)}`;
  return `${entity.kind}:${slug(entity.name)}`;
}

/**
 * The `extract --json` record of DESIGN.md: actors with ids a1, a2, … in order of first mention
 * (the byline's authors among them, with the role "author"), quotes naming their speakers by
 * actor id, and dates; every offset a UTF-16 index into the stored text.
 */
export function toContract(doc: Doc, meta: DocumentMeta, withText = false): ExtractionOut {
  const mentionsOf = new Map<number, Mention[]>();
  for (const m of doc.mentions) {
    const list = mentionsOf.get(m.entity);
    if (list) list.push(m);
    else mentionsOf.set(m.entity, [m]);
  }
  const used = new Set<number>(mentionsOf.keys());
  for (const q of doc.quotes) if (q.speaker !== undefined) used.add(q.speaker);
  for (const e of doc.events) for (const a of e.actors) used.add(a);
  for (const s of doc.stances) {
    used.add(s.actor);
    if (s.via !== undefined) used.add(s.via);
  }
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
    const own = keyOf(entity.name);
    for (const s of spans) {
      if (s.form !== "name") continue;
      const written = doc.text.slice(s.start, s.end).replace(/\s+/g, " ");
      if (written !== entity.name && !aliases.has(written) && keyOf(written) !== own) aliases.add(written);
    }
    const roles: ActorOut["roles"] = entity.roles.map((r) => ({
      title: r.title,
      ...(r.of !== undefined ? { of: ids.get(r.of) as string } : {}),
      span: pair(r.span),
      rule: r.rule,
    }));
    if (authorIds.includes(e)) roles.push({ title: "author" });
    const country =
      entity.country ??
      entity.roles
        .map((r) => (r.of !== undefined ? doc.entities.get(r.of).country : undefined))
        .find(Boolean);
    return {
      id: ids.get(e) as string,
      key: actorKey(entity),
      name: entity.name,
      kind: entity.kind,
      aliases: [...aliases],
      roles,
      ...(country ? { country } : {}),
      mentions: spans.map(pair),
      mention_rules: spans.map((s) => s.rule),
    };
  });
  const quotes: QuoteOut[] = doc.quotes.map((q, i) => ({
    start: q.start,
    end: q.end,
    text: doc.text.slice(q.start, q.end),
    kind: q.kind,
    speaker: q.speaker !== undefined ? (ids.get(q.speaker) ?? null) : null,
    speaker_span: q.speakerSpan ? pair(q.speakerSpan) : null,
    cue: q.cue ?? null,
    cue_span: q.cueSpan ? pair(q.cueSpan) : null,
    ...(q.spans.length > 1 ? { spans: q.spans.map(pair) } : {}),
    rule: q.rule,
    ...(doc.quoteIssues[i]?.length ? { issues: doc.quoteIssues[i] } : {}),
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
    stances: doc.stances.map((s) => ({
      actor: ids.get(s.actor) as string,
      issue: s.issue,
      stance: s.stance,
      evidence: s.evidence.map(pair),
      date: s.date ?? null,
      ...(s.via !== undefined ? { via: ids.get(s.via) as string } : {}),
      cues: s.cues.map(pair),
      rule: s.rule,
    })),
    ...(doc.notes.length ? { notes: doc.notes } : {}),
    dates: doc.dates.map((d) => ({
      start: d.start,
      end: d.end,
      text: d.text,
      value: d.value,
      rule: d.rule,
      ...(d.range ? { range: d.range } : {}),
    })),
    events: doc.events.map((e) => ({
      start: e.start,
      end: e.end,
      date: e.date,
      date_span: pair(e.dateSpan),
      actors: e.actors.map((a) => ids.get(a) as string),
      issues: e.issues,
    })),
    ...(withText ? { text: doc.text } : {}),
  };
}
