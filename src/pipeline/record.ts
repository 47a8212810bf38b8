import type {
  ActorOut,
  ActorRecord,
  DocumentMeta,
  ExtractionOut,
  ExtractionRecord,
  QuoteOut,
} from "../contract.ts";
import type { Doc } from "../extract/doc.ts";
import { isExecutiveName } from "../extract/lexicons.ts";
import type { Entity, Mention, Span } from "../extract/types.ts";
import { speaksFor } from "../stances/actors.ts";
import { stateVoiced } from "../stances/holders.ts";
import type { StanceResults } from "../stances/stage.ts";
import { keyOf } from "../world/fold.ts";

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
export function toRecord(
  doc: Doc,
  found: StanceResults,
  meta: DocumentMeta,
  withText = false,
): ExtractionRecord {
  const mentionsOf = mentionsByEntity(doc);
  const used = entitiesUsed(doc, found, mentionsOf);
  // After the others: looking the authors up may add them to the document's entities.
  const authorIds = bylineAuthors(doc, meta);
  for (const a of authorIds) used.add(a);
  const firstAt = (e: number) => (mentionsOf.get(e)?.[0]?.start ?? Number.MAX_SAFE_INTEGER) + e / 1e6;
  const order = [...used].sort((a, b) => firstAt(a) - firstAt(b));
  const ids = new Map(order.map((e, i) => [e, `a${i + 1}`]));
  return {
    id: meta.id,
    title: meta.title ?? null,
    outlet: meta.outlet ?? null,
    author: meta.author ?? null,
    published: meta.published ?? null,
    url: meta.url ?? null,
    actors: order.map((e) => actorRecord(doc, e, ids, mentionsOf.get(e) ?? [], authorIds.includes(e))),
    quotes: quoteRecords(doc, found, ids),
    stances: found.stances.map((s) => ({
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
    events: found.events.map((e) => ({
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

function mentionsByEntity(doc: Doc): Map<number, Mention[]> {
  const mentionsOf = new Map<number, Mention[]>();
  for (const m of doc.mentions) {
    const list = mentionsOf.get(m.entity);
    if (list) list.push(m);
    else mentionsOf.set(m.entity, [m]);
  }
  return mentionsOf;
}

/** The entities the record names: those mentioned, speaking, in events or stances, and whom their roles are of. */
function entitiesUsed(doc: Doc, found: StanceResults, mentionsOf: Map<number, Mention[]>): Set<number> {
  const used = new Set<number>(mentionsOf.keys());
  for (const q of doc.quotes) if (q.speaker !== undefined) used.add(voiced(doc, q.speaker));
  for (const e of found.events) for (const a of e.actors) used.add(a);
  for (const s of found.stances) {
    used.add(s.actor);
    if (s.via !== undefined) used.add(s.via);
  }
  for (const e of [...used])
    for (const r of doc.entities.get(e).roles) if (r.of !== undefined) used.add(r.of);
  return used;
}

/** The byline's authors as persons of the document (a single word is no author's name). */
function bylineAuthors(doc: Doc, meta: DocumentMeta): number[] {
  const authors = (meta.author ?? "")
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((a) => a.trim())
    .filter((a) => a.split(" ").length >= 2);
  return authors.map((name) => doc.entities.find("person", name) ?? doc.entities.person(name));
}

function actorRecord(
  doc: Doc,
  e: number,
  ids: Map<number, string>,
  spans: Mention[],
  isAuthor: boolean,
): ActorRecord {
  const entity = doc.entities.get(e);
  const roles: ActorOut["roles"] = entity.roles.map((r) => ({
    title: r.title,
    ...(r.of !== undefined ? { of: ids.get(r.of) as string } : {}),
    span: pair(r.span),
    rule: r.rule,
  }));
  if (isAuthor) roles.push({ title: "author" });
  const country = doc.entities.countryOf(e);
  return {
    id: ids.get(e) as string,
    key: actorKey(entity),
    name: entity.name,
    kind: entity.kind,
    aliases: aliasesWritten(doc, entity, spans),
    roles,
    ...(country ? { country } : {}),
    mentions: spans.map(pair),
    mention_rules: spans.map((s) => s.rule),
    mention_forms: spans.map((s) => s.form),
  };
}

/** The other names the text calls an entity by, as written (spaces folded), each once. */
function aliasesWritten(doc: Doc, entity: Entity, spans: Mention[]): string[] {
  const aliases = new Set<string>();
  const own = keyOf(entity.name);
  for (const s of spans) {
    if (s.form !== "name") continue;
    const written = doc.text.slice(s.start, s.end).replace(/\s+/g, " ");
    if (written !== entity.name && !aliases.has(written) && keyOf(written) !== own) aliases.add(written);
  }
  return [...aliases];
}

/**
 * "the foreign ministry said" in a story about Managua, "the Ministry of External Affairs said" in
 * one from New Delhi: the state an executive body speaks for, as the gold conventions and stances
 * read it; a legislature or court keeps its own voice.
 */
function voiced(doc: Doc, speaker: number): number {
  const actor = stateVoiced(doc, speaker) ?? speaker;
  const e = doc.entities.get(actor);
  return e.kind === "organization" && !e.ref && isExecutiveName(e.name) ? speaksFor(doc, actor).actor : actor;
}

function quoteRecords(doc: Doc, found: StanceResults, ids: Map<number, string>): QuoteOut[] {
  return doc.quotes.map((q, i) => ({
    start: q.start,
    end: q.end,
    text: doc.text.slice(q.start, q.end),
    kind: q.kind,
    speaker: q.speaker !== undefined ? (ids.get(voiced(doc, q.speaker)) ?? null) : null,
    speaker_span: q.speakerSpan ? pair(q.speakerSpan) : null,
    cue: q.cue ?? null,
    cue_span: q.cueSpan ? pair(q.cueSpan) : null,
    ...(q.spans.length > 1 ? { spans: q.spans.map(pair) } : {}),
    rule: q.rule,
    ...(found.quoteIssues[i]?.length ? { issues: found.quoteIssues[i] } : {}),
  }));
}

/** The `extract --json` line of a record: the contract of DESIGN.md, without the forms the store keeps. */
export function contractOf(record: ExtractionRecord): ExtractionOut {
  const actors: ActorOut[] = record.actors.map(({ mention_forms: _forms, ...actor }) => actor);
  return { ...record, actors };
}
