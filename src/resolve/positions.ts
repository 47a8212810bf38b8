import { type Kysely, PostgresAdapter, sql } from "kysely";
import { chunks } from "../store/chunks.ts";
import type { Database, StanceTable } from "../store/schema.ts";
import { addedStances } from "./added-stances.ts";
import { endOfPeriod } from "./dates.ts";
import { actorNames, type History, history } from "./history.ts";
import type { Owners } from "./owners.ts";
import { type RecordStance, recordText } from "./record-stances.ts";
import {
  type ReviewedRow,
  reviewed,
  reviewedStances,
  type StanceValue,
  stanceReviews,
} from "./reviewed-stances.ts";
import type { ReviewState, ReviewStatus } from "./reviews.ts";

/**
 * One stance as evidence: a report (a stance found in an article: where, and if reviewed the
 * reviewer's values) or a record (an act on record: a recognition, a vote, with its source).
 */
export interface Evidence {
  kind: "report" | "record";
  id: string;
  /** The article; null for a record. */
  document: string | null;
  outlet: string | null;
  published: string | null;
  date: string | null;
  stance: StanceValue;
  actor: string;
  via: string | null;
  via_name: string | null;
  spans: Array<[number, number]>;
  text: string[];
  rule: string;
  review: ReviewStatus;
  /** A record's citation or URL; null for a report, whose source is its document. */
  source: string | null;
}

export interface Position {
  actor: { id: string; name: string; kind: string };
  /** "mixed" when the evidence is split evenly with no earlier stance to hold to. */
  stance: StanceValue | "mixed";
  /** The first day of the current run of this stance; null when all evidence is undated. */
  since: string | null;
  /** Each change of stance, oldest first. */
  changes: Array<{ date: string; stance: StanceValue | "mixed" }>;
  counts: Record<StanceValue, number>;
  /** Evidence for the current stance, reviewed first, then the latest. */
  evidence: Evidence[];
  /** Evidence since the current stance began that points another way: shown, never hidden. */
  conflicts: Evidence[];
  /** Whether an act on record (a recognition, a vote) shows the current stance since it began. */
  on_record: boolean;
}

/**
 * A day's stance from its counts (support, oppose, neutral): the reviewed evidence's if any, else
 * the majority; an even split is "mixed". Plain numbers: it runs once per actor and day.
 */
function dayStance(
  s: number,
  o: number,
  u: number,
  rs: number,
  ro: number,
  ru: number,
): StanceValue | "mixed" {
  const reviewed = rs > 0 || ro > 0 || ru > 0;
  const a = reviewed ? rs : s;
  const b = reviewed ? ro : o;
  const c = reviewed ? ru : u;
  if (a > b && a > c) return "support";
  if (b > a && b > c) return "oppose";
  if (c > a && c > b) return "neutral";
  return "mixed";
}

/**
 * Where each actor stands on an issue, at a date or now: per actor the stance of the latest day
 * with evidence, since when, the changes before, and the evidence for and against. Officials'
 * stances count for the state or body they speak for; reviewed values beat the machine's.
 * `records: false` reads reports alone, to set news against the record.
 */
export async function positions(
  db: Kysely<Database>,
  issue: string,
  options: { at?: string; evidence?: number; actor?: string; records?: boolean } = {},
): Promise<Position[]> {
  const until = options.at ? endOfPeriod(options.at) : undefined;
  const h = await history(db, issue, { records: options.records ?? true });
  const out: Position[] = [];
  for (const [actor, days] of Object.entries(h.days)) {
    if (options.actor && actor !== options.actor) continue;
    const position = positionFrom(actor, days, until, h.names[actor]);
    if (!position) continue;
    position.on_record = h.records.some(
      (r) =>
        h.owner[r.actor] === actor &&
        r.stance === position.stance &&
        (!until || r.date <= until) &&
        (!position.since || r.date >= position.since),
    );
    out.push(position);
  }
  const limit = options.evidence ?? 3;
  if (limit > 0) {
    const states = await stanceReviews(db, issue);
    const reviewedRows = await reviewedStances(db, states);
    // Stances reviewers added are evidence as they left them: accepted by their adding, or edited since.
    for (const { review, ...row } of await addedStances(db, issue)) {
      reviewedRows.push(row);
      states.set(row.key, review);
    }
    await attachEvidence(db, issue, out, {
      states,
      reviewedRows,
      owners: historyOwners(h),
      ids: h.ids,
      records: h.records,
      until,
      limit,
    });
  }
  const order = { support: 0, oppose: 1, neutral: 2, mixed: 3 };
  return out.sort((a, b) => order[a.stance] - order[b.stance] || a.actor.name.localeCompare(b.actor.name));
}

/** An actor's position from its days of evidence up to `until` (all when undefined); none without evidence. */
function positionFrom(
  actor: string,
  { dates, counts: c }: History["days"][string],
  until: string | undefined,
  name: { name: string; kind: string } | undefined,
): Position | undefined {
  const counts = { support: 0, oppose: 0, neutral: 0 };
  const changes: Position["changes"] = [];
  let stance: Position["stance"] | undefined;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i] as string;
    if (until && date > until) break;
    const k = i * 6;
    const n1 = c[k] as number;
    const n2 = c[k + 1] as number;
    const n3 = c[k + 2] as number;
    const r1 = c[k + 3] as number;
    const r2 = c[k + 4] as number;
    const r3 = c[k + 5] as number;
    counts.support += n1;
    counts.oppose += n2;
    counts.neutral += n3;
    if (n1 <= 0 && n2 <= 0 && n3 <= 0) continue;
    const s = dayStance(n1, n2, n3, r1, r2, r3);
    // A day split evenly is no change from a stance already on record; its evidence shows as conflict.
    if (s === "mixed" && stance !== undefined && stance !== "mixed") continue;
    if (date === "") {
      stance ??= s;
      continue;
    }
    if (s !== changes[changes.length - 1]?.stance) changes.push({ date, stance: s });
    stance = s;
  }
  if (counts.support + counts.oppose + counts.neutral <= 0) return undefined;
  return {
    actor: { id: actor, name: name?.name ?? actor, kind: name?.kind ?? "unknown" },
    stance: stance ?? "mixed",
    since: changes[changes.length - 1]?.date ?? null,
    changes,
    counts,
    evidence: [],
    conflicts: [],
    on_record: false,
  };
}

/** Whose each stance is, as the history worked out; an actor it never saw stands for itself. */
function historyOwners(h: History): Owners {
  return {
    owner: (id) => h.owner[id] ?? id,
    speaker: (id) => h.speaker[id] ?? null,
    idsFor: (owner) => h.ids[owner] ?? [owner],
  };
}

/** Fetches each position's latest evidence for and against since its current stance began. */
async function attachEvidence(
  db: Kysely<Database>,
  issue: string,
  list: Position[],
  context: {
    states: Map<string, ReviewState>;
    reviewedRows: ReviewedRow[];
    owners: Owners;
    ids: Record<string, string[]>;
    records: RecordStance[];
    until: string | undefined;
    limit: number;
  },
): Promise<void> {
  const { states, reviewedRows, owners, until, limit } = context;
  const records = context.records.filter((r) => !until || r.date <= until).map(recordEvidence);
  const fetched = await latestEvidence(db, issue, list, context.ids, until, limit * 3);
  for (const p of list) {
    const rows = fetched.get(p.actor.id) ?? [];
    // Reviewed rows are found by key: a reviewer may have moved them to this actor or into this period.
    const moved = reviewedRows.filter((r) => !rows.some((x) => x.key === r.key));
    const items = [...rows, ...moved]
      .filter((r) => states.get(r.key)?.status !== "rejected")
      .map((r) => toEvidence(reviewed(r, states.get(r.key)), r, states.get(r.key), owners))
      .concat(records)
      .filter(
        (e) =>
          owners.owner(e.actor) === p.actor.id &&
          (!until || (e.date ?? "") <= until) &&
          (!p.since || (e.date ?? "") >= p.since),
      );
    // Records first, then reviewed reports, then the latest.
    items.sort(
      (a, b) =>
        Number(b.kind === "record") - Number(a.kind === "record") ||
        Number(b.review !== "unreviewed") - Number(a.review !== "unreviewed") ||
        (b.date ?? "").localeCompare(a.date ?? ""),
    );
    if (p.stance === "mixed") {
      p.evidence = items.slice(0, limit * 2);
      continue;
    }
    p.evidence = items.filter((e) => e.stance === p.stance).slice(0, limit);
    p.conflicts = items.filter((e) => e.stance !== p.stance).slice(0, limit);
  }
  const vias = [...new Set(list.flatMap((p) => [...p.evidence, ...p.conflicts]).flatMap((e) => e.via ?? []))];
  const names = await actorNames(db, vias);
  for (const p of list)
    for (const e of [...p.evidence, ...p.conflicts])
      e.via_name = e.via ? (names.get(e.via)?.name ?? e.via) : null;
}

/**
 * The latest stances of each position's actors since its stance began, in one statement: a
 * query per position, each walking its index, joined by UNION ALL.
 */
async function latestEvidence(
  db: Kysely<Database>,
  issue: string,
  list: Position[],
  ids: Record<string, string[]>,
  until: string | undefined,
  limit: number,
): Promise<Map<string, ReviewedRow[]>> {
  const out = new Map<string, ReviewedRow[]>();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // PostgreSQL plans fifty unions slowly: one lateral join walks each actor's index instead (in the
    // index's own order, so undated evidence, rare, comes first).
    // Positions with a start date read from it on as the index's range; those without read all (an
    // "OR" would leave the date a filter, walking past every undated stance of each actor).
    for (const dated of [true, false]) {
      for (const group of chunks(
        list.filter((p) => (p.since !== null) === dated),
        200,
      )) {
        const values = sql.join(
          group.flatMap((p) =>
            (ids[p.actor.id] ?? [p.actor.id]).map(
              (actor) => sql`(${p.actor.id}, ${actor}, ${p.since ?? ""})`,
            ),
          ),
        );
        const { rows } = await sql<ReviewedRow & { owner: string }>`
          SELECT e.*, v.owner FROM (VALUES ${values}) AS v(owner, actor, since)
          CROSS JOIN LATERAL (
            SELECT s.*, d.outlet, d.published FROM stances s JOIN documents d ON d.id = s.document_id
            WHERE s.issue = ${issue} AND s.actor_id = v.actor ${dated ? sql`AND s.date >= v.since` : sql``}
            ${until ? sql`AND s.date <= ${until}` : sql``}
            ORDER BY s.date DESC LIMIT ${limit}) e`.execute(db);
        for (const { owner, ...row } of rows) out.set(owner, [...(out.get(owner) ?? []), row]);
      }
    }
    return out;
  }
  for (const group of chunks(list, 50)) {
    const parts = group.map((p, i) => {
      let query = db
        .selectFrom("stances")
        .innerJoin("documents", "documents.id", "stances.document_id")
        .selectAll("stances")
        .select(["documents.outlet", "documents.published", sql<string>`${p.actor.id}`.as("owner")])
        .where("stances.issue", "=", issue)
        .where("stances.actor_id", "in", ids[p.actor.id] ?? [p.actor.id]);
      if (until) query = query.where("stances.date", "<=", until);
      if (p.since) query = query.where("stances.date", ">=", p.since);
      return db
        .selectFrom(
          query
            .orderBy("stances.date", (ob) => ob.desc().nullsLast())
            .limit(limit)
            .as(`e${i}`),
        )
        .selectAll();
    });
    const [first, ...rest] = parts;
    if (!first) continue;
    const rows = await rest.reduce((q, part) => q.unionAll(part), first).execute();
    for (const { owner, ...row } of rows) out.set(owner, [...(out.get(owner) ?? []), row]);
  }
  return out;
}

function toEvidence(
  row: StanceTable,
  doc: { outlet: string | null; published: string | null },
  state: ReviewState | undefined,
  owners: Owners,
): Evidence {
  return {
    kind: "report",
    id: row.id,
    document: row.document_id,
    outlet: doc.outlet,
    published: doc.published,
    date: row.date,
    stance: row.stance as StanceValue,
    actor: row.actor_id,
    via: row.via_actor_id ?? owners.speaker(row.actor_id),
    via_name: null,
    spans: JSON.parse(row.evidence) as Array<[number, number]>,
    text: JSON.parse(row.evidence_text) as string[],
    rule: row.rule,
    review: state?.status ?? "unreviewed",
    source: null,
  };
}

/** A recorded act as evidence: what it was, when, and the source it rests on. */
function recordEvidence(r: RecordStance): Evidence {
  return {
    kind: "record",
    id: r.id,
    document: null,
    outlet: r.forum ? r.forum.toUpperCase() : null,
    published: null,
    date: r.date,
    stance: r.stance as StanceValue,
    actor: r.actor,
    via: null,
    via_name: null,
    spans: [],
    text: [recordText(r)],
    rule: `record:${r.act}`,
    review: "unreviewed",
    source: r.source,
  };
}
