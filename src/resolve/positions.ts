import type { Kysely } from "kysely";
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

interface DayTally {
  n: Record<StanceValue, number>;
  reviewed: Record<StanceValue, number>;
}

const emptyTally = (): DayTally => ({
  n: { support: 0, oppose: 0, neutral: 0 },
  reviewed: { support: 0, oppose: 0, neutral: 0 },
});

/** A day's stance: the reviewed evidence's if any, else the majority; an even split is "mixed". */
function dayStance(t: DayTally): StanceValue | "mixed" {
  const reviewed = STANCE_VALUES.some((s) => t.reviewed[s] > 0);
  const counts = reviewed ? t.reviewed : t.n;
  const top = Math.max(...STANCE_VALUES.map((s) => counts[s]));
  const leaders = STANCE_VALUES.filter((s) => counts[s] === top);
  return leaders.length === 1 ? (leaders[0] as StanceValue) : "mixed";
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
export async function positions(
  db: Kysely<Database>,
  issue: string,
  options: { at?: string; evidence?: number; actor?: string } = {},
): Promise<Position[]> {
  const until = options.at ? endOfPeriod(options.at) : undefined;
  let query = db.selectFrom("stance_days").selectAll().where("issue", "=", issue);
  if (until) query = query.where("date", "<=", until);
  const days = await query.execute();

  const states = reviewStates(
    (await reviewsOf(db, "stance")).filter((r) => r.item_key.split("|")[1] === issue),
  );
  const reviewedRows: ReviewedRow[] = [];
  for (const keys of chunks([...states.keys()])) {
    reviewedRows.push(
      ...(await db
        .selectFrom("stances")
        .innerJoin("documents", "documents.id", "stances.document_id")
        .selectAll("stances")
        .select(["documents.outlet", "documents.published"])
        .where("stances.key", "in", keys)
        .execute()),
    );
  }
  const owners = await ownersOf(db, [
    ...days.map((d) => d.actor_id),
    ...reviewedRows.flatMap((r) => [r.actor_id, reviewed(r, states.get(r.key)).actor_id]),
  ]);
  const tallies = new Map<string, Map<string, DayTally>>();
  const add = (actor: string, date: string, stance: string, n: number, isReviewed: boolean) => {
    if (!STANCE_VALUES.includes(stance as StanceValue)) return;
    const id = owners.owner(actor);
    if (options.actor && id !== options.actor) return;
    const byDay = tallies.get(id) ?? new Map<string, DayTally>();
    const t = byDay.get(date) ?? emptyTally();
    t.n[stance as StanceValue] += n;
    if (isReviewed) t.reviewed[stance as StanceValue] += n;
    byDay.set(date, t);
    tallies.set(id, byDay);
  };
  for (const d of days) add(d.actor_id, d.date, d.stance, d.n, false);
  for (const row of reviewedRows) {
    const state = states.get(row.key);
    if (!state) continue;
    if (!until || (row.date ?? "") <= until) add(row.actor_id, row.date ?? "", row.stance, -1, false);
    if (state.status === "rejected") continue;
    const now = reviewed(row, state);
    if (!until || (now.date ?? "") <= until) add(now.actor_id, now.date ?? "", now.stance, 1, true);
  }

  const names = await actorNames(db, [...tallies.keys()]);
  const out: Position[] = [];
  for (const [actor, byDay] of tallies) {
    const dates = [...byDay.keys()].sort();
    const counts = { support: 0, oppose: 0, neutral: 0 };
    for (const t of byDay.values()) for (const s of STANCE_VALUES) counts[s] += t.n[s];
    if (counts.support + counts.oppose + counts.neutral <= 0) continue;
    const changes: Position["changes"] = [];
    let stance: Position["stance"] | undefined;
    for (const date of dates) {
      const t = byDay.get(date) as DayTally;
      if (STANCE_VALUES.every((s) => t.n[s] <= 0)) continue;
      const s = dayStance(t);
      // A day split evenly is no change from a stance already on record; its evidence shows as conflict.
      if (s === "mixed" && stance !== undefined && stance !== "mixed") continue;
      if (date === "") {
        stance ??= s;
        continue;
      }
      if (s !== changes[changes.length - 1]?.stance) changes.push({ date, stance: s });
      stance = s;
    }
    const since = changes[changes.length - 1]?.date ?? null;
    const name = names.get(actor);
    out.push({
      actor: { id: actor, name: name?.name ?? actor, kind: name?.kind ?? "unknown" },
      stance: stance ?? "mixed",
      since,
      changes,
      counts,
      evidence: [],
      conflicts: [],
    });
  }
  await attachEvidence(db, issue, out, { states, reviewedRows, owners, until, limit: options.evidence ?? 3 });
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
    until: string | undefined;
    limit: number;
  },
): Promise<void> {
  const { states, reviewedRows, owners, until, limit } = context;
  await Promise.all(
    list.map(async (p) => {
      const ids = owners.idsFor(p.actor.id);
      let query = db
        .selectFrom("stances")
        .innerJoin("documents", "documents.id", "stances.document_id")
        .selectAll("stances")
        .select(["documents.outlet", "documents.published"])
        .where("stances.issue", "=", issue)
        .where("stances.actor_id", "in", ids);
      if (until) query = query.where("stances.date", "<=", until);
      if (p.since) query = query.where("stances.date", ">=", p.since);
      const rows = await query
        .orderBy("stances.date", "desc")
        .limit(limit * 4 + 20)
        .execute();
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
        return;
      }
      p.evidence = items.filter((e) => e.stance === p.stance).slice(0, limit);
      p.conflicts = items.filter((e) => e.stance !== p.stance).slice(0, limit);
    }),
  );
  const vias = [...new Set(list.flatMap((p) => [...p.evidence, ...p.conflicts]).flatMap((e) => e.via ?? []))];
  const names = await actorNames(db, vias);
  for (const p of list)
    for (const e of [...p.evidence, ...p.conflicts])
      e.via_name = e.via ? (names.get(e.via)?.name ?? e.via) : null;
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
