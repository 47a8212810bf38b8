import { type Kysely, PostgresAdapter, sql } from "kysely";
import { cached } from "../store/cache.ts";
import { reviewsOf } from "../store/reviews.ts";
import type { Database, StanceTable } from "../store/schema.ts";
import { endOfPeriod } from "./dates.ts";
import { type Owners, ownersOf } from "./owners.ts";
import { type ReviewState, type ReviewStatus, reviewStates } from "./reviews.ts";

export type StanceValue = "support" | "oppose" | "neutral";
export const STANCE_VALUES: readonly StanceValue[] = ["support", "oppose", "neutral"];

/** One stance as evidence: where it was found and, if reviewed, the reviewer's values. */
export interface Evidence {
  id: string;
  document: string;
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
}

type ReviewedRow = StanceTable & { outlet: string | null; published: string | null };

function chunks<T>(items: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
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

/** A stance row as the reviewer left it: rejected rows are dropped by the caller. */
export function reviewed(row: StanceTable, state: ReviewState | undefined): StanceTable {
  if (!state) return row;
  return {
    ...row,
    stance: state.edits.stance ?? row.stance,
    date: state.edits.date ?? row.date,
    actor_id: state.edits.actor ?? row.actor_id,
  };
}

/**
 * Where each actor stands on an issue, at a date or now: per actor the stance of the latest day
 * with evidence, since when, the changes before, and the evidence for and against. Officials'
 * stances count for the state or body they speak for; reviewed values beat the machine's.
 */
/** An owner's evidence on one day: date, then machine counts and reviewed counts for support, oppose, neutral. */
type DayRow = [string, number, number, number, number, number, number];

/** Every owner's evidence by day on an issue, reviews and owners applied: what positions at any date are read from. */
interface History {
  /** Per owner, its days in order and, six numbers a day, the counts of those days (columns, not rows: read fast). */
  days: Record<string, { dates: string[]; counts: number[] }>;
  /** For each owner, the stored actor ids whose stances count for it. */
  ids: Record<string, string[]>;
  names: Record<string, { name: string; kind: string }>;
  /** Keys of the stances a reviewer decided on. */
  reviewed: string[];
  /** For each stored actor seen, whose stance its stance is, and the person it is when that differs. */
  owner: Record<string, string>;
  speaker: Record<string, string>;
}

/** Bumped when History changes shape: a history cached in another shape is not read. */
const HISTORY_FORMAT = 3;

const INDEX: Record<StanceValue, number> = { support: 1, oppose: 2, neutral: 3 };

/** Reads stance_days once per store generation (cached): a position at any date is then a slice of it. */
async function history(db: Kysely<Database>, issue: string): Promise<History> {
  return cached(db, `history|${HISTORY_FORMAT}|${issue}`, async () => {
    const days = await db
      .selectFrom("stance_days")
      .select(["actor_id", "date", "stance", "n"])
      .where("issue", "=", issue)
      .execute();
    const states = await stanceReviews(db, issue);
    const reviewedRows = await reviewedStances(db, states);
    const seen = [
      ...new Set([
        ...days.map((d) => d.actor_id),
        ...reviewedRows.flatMap((r) => [r.actor_id, reviewed(r, states.get(r.key)).actor_id]),
      ]),
    ];
    const owners = await ownersOf(db, seen);
    const byOwner = new Map<string, Map<string, DayRow>>();
    const add = (actor: string, date: string, stance: string, n: number, isReviewed: boolean) => {
      if (!STANCE_VALUES.includes(stance as StanceValue)) return;
      const owner = owners.owner(actor);
      const byDay = byOwner.get(owner) ?? new Map<string, DayRow>();
      const row = byDay.get(date) ?? [date, 0, 0, 0, 0, 0, 0];
      const i = INDEX[stance as StanceValue];
      row[i] = (row[i] as number) + n;
      if (isReviewed) row[i + 3] = (row[i + 3] as number) + n;
      byDay.set(date, row);
      byOwner.set(owner, byDay);
    };
    for (const d of days) add(d.actor_id, d.date, d.stance, d.n, false);
    for (const row of reviewedRows) {
      const state = states.get(row.key);
      if (!state) continue;
      add(row.actor_id, row.date ?? "", row.stance, -1, false);
      if (state.status === "rejected") continue;
      const now = reviewed(row, state);
      add(now.actor_id, now.date ?? "", now.stance, 1, true);
    }
    const names = await actorNames(db, [...byOwner.keys()]);
    return {
      days: Object.fromEntries(
        [...byOwner].map(([owner, byDay]) => {
          const rows = [...byDay.values()].sort((x, y) => x[0].localeCompare(y[0]));
          return [
            owner,
            { dates: rows.map((r) => r[0]), counts: rows.flatMap((r) => r.slice(1) as number[]) },
          ];
        }),
      ),
      ids: Object.fromEntries([...byOwner.keys()].map((owner) => [owner, owners.idsFor(owner)])),
      owner: Object.fromEntries(seen.map((id) => [id, owners.owner(id)])),
      speaker: Object.fromEntries(
        seen.flatMap((id) => (owners.speaker(id) ? [[id, owners.speaker(id) as string]] : [])),
      ),
      names: Object.fromEntries(names),
      reviewed: [...states.keys()],
    };
  });
}

async function stanceReviews(db: Kysely<Database>, issue: string): Promise<Map<string, ReviewState>> {
  return reviewStates((await reviewsOf(db, "stance")).filter((r) => r.item_key.split("|")[1] === issue));
}

async function reviewedStances(
  db: Kysely<Database>,
  states: Map<string, ReviewState>,
): Promise<ReviewedRow[]> {
  const rows: ReviewedRow[] = [];
  for (const keys of chunks([...states.keys()])) {
    rows.push(
      ...(await db
        .selectFrom("stances")
        .innerJoin("documents", "documents.id", "stances.document_id")
        .selectAll("stances")
        .select(["documents.outlet", "documents.published"])
        .where("stances.key", "in", keys)
        .execute()),
    );
  }
  return rows;
}

/**
 * Where each actor stands on an issue, at a date or now: per actor the stance of the latest day
 * with evidence, since when, the changes before, and the evidence for and against. Officials'
 * stances count for the state or body they speak for; reviewed values beat the machine's.
 */
export async function positions(
  db: Kysely<Database>,
  issue: string,
  options: { at?: string; evidence?: number; actor?: string } = {},
): Promise<Position[]> {
  const until = options.at ? endOfPeriod(options.at) : undefined;
  const h = await history(db, issue);
  const out: Position[] = [];
  for (const [actor, { dates, counts: c }] of Object.entries(h.days)) {
    if (options.actor && actor !== options.actor) continue;
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
    if (counts.support + counts.oppose + counts.neutral <= 0) continue;
    const name = h.names[actor];
    out.push({
      actor: { id: actor, name: name?.name ?? actor, kind: name?.kind ?? "unknown" },
      stance: stance ?? "mixed",
      since: changes[changes.length - 1]?.date ?? null,
      changes,
      counts,
      evidence: [],
      conflicts: [],
    });
  }
  const limit = options.evidence ?? 3;
  if (limit > 0) {
    const states = await stanceReviews(db, issue);
    // Whose each stance is, as the history worked out; an actor it never saw stands for itself.
    const owners: Owners = {
      owner: (id) => h.owner[id] ?? id,
      speaker: (id) => h.speaker[id] ?? null,
      idsFor: (owner) => h.ids[owner] ?? [owner],
    };
    await attachEvidence(db, issue, out, {
      states,
      reviewedRows: await reviewedStances(db, states),
      owners,
      ids: h.ids,
      until,
      limit,
    });
  }
  const order = { support: 0, oppose: 1, neutral: 2, mixed: 3 };
  return out.sort((a, b) => order[a.stance] - order[b.stance] || a.actor.name.localeCompare(b.actor.name));
}

async function actorNames(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, { name: string; kind: string }>> {
  const out = new Map<string, { name: string; kind: string }>();
  for (let i = 0; i < ids.length; i += 400) {
    const rows = await db
      .selectFrom("actors")
      .select(["id", "name", "kind"])
      .where("id", "in", ids.slice(i, i + 400))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
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
    until: string | undefined;
    limit: number;
  },
): Promise<void> {
  const { states, reviewedRows, owners, until, limit } = context;
  const fetched = await latestEvidence(db, issue, list, context.ids, until, limit * 3);
  for (const p of list) {
    const rows = fetched.get(p.actor.id) ?? [];
    // Reviewed rows are found by key: a reviewer may have moved them to this actor or into this period.
    const moved = reviewedRows.filter((r) => !rows.some((x) => x.key === r.key));
    const items = [...rows, ...moved]
      .filter((r) => states.get(r.key)?.status !== "rejected")
      .map((r) => toEvidence(reviewed(r, states.get(r.key)), r, states.get(r.key), owners))
      .filter(
        (e) =>
          owners.owner(e.actor) === p.actor.id &&
          (!until || (e.date ?? "") <= until) &&
          (!p.since || (e.date ?? "") >= p.since),
      );
    items.sort(
      (a, b) =>
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
    for (const group of chunks(list, 200)) {
      const values = sql.join(
        group.flatMap((p) =>
          (ids[p.actor.id] ?? [p.actor.id]).map((actor) => sql`(${p.actor.id}, ${actor}, ${p.since ?? ""})`),
        ),
      );
      const { rows } = await sql<ReviewedRow & { owner: string }>`
        SELECT e.*, v.owner FROM (VALUES ${values}) AS v(owner, actor, since)
        CROSS JOIN LATERAL (
          SELECT s.*, d.outlet, d.published FROM stances s JOIN documents d ON d.id = s.document_id
          WHERE s.issue = ${issue} AND s.actor_id = v.actor AND (v.since = '' OR s.date >= v.since)
          ${until ? sql`AND s.date <= ${until}` : sql``}
          ORDER BY s.date DESC LIMIT ${limit}) e`.execute(db);
      for (const { owner, ...row } of rows) out.set(owner, [...(out.get(owner) ?? []), row]);
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
  };
}
