import type { Kysely } from "kysely";
import { ACTOR_COLUMNS, canonical, sameAsMap } from "../store/actors.ts";
import type { Database } from "../store/schema.ts";
import { keyOf } from "../world/fold.ts";

export interface ActorSummary {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  /** Ids of actors found as the same (a surname alone), folded into this one. */
  linked: string[];
  aliases: string[];
  documents: number;
  quotes: number;
  stances: number;
}

async function countBy(
  db: Kysely<Database>,
  table: "mentions" | "quotes" | "stances",
  column: "actor_id" | "speaker_id",
  distinctDocuments = false,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom(table as "mentions")
    .select((eb) => [
      eb.ref(column as "actor_id").as("id"),
      (distinctDocuments ? eb.fn.count("document_id").distinct() : eb.fn.countAll()).as("n"),
    ])
    .groupBy(column as "actor_id")
    .execute();
  return new Map(rows.map((r) => [r.id as string, Number(r.n)]));
}

/**
 * Every actor across documents, linked ones folded into the one they stand for, with the names
 * it is known by and how much the corpus has on it; most documents first.
 */
export async function listActors(
  db: Kysely<Database>,
  options: { kind?: string; search?: string } = {},
): Promise<ActorSummary[]> {
  const sameAs = await sameAsMap(db);
  const actors = await db.selectFrom("actors").select(ACTOR_COLUMNS).execute();
  const aliases = await db.selectFrom("actor_aliases").selectAll().execute();
  const documents = await countBy(db, "mentions", "actor_id", true);
  const quotes = await countBy(db, "quotes", "speaker_id");
  const stances = await countBy(db, "stances", "actor_id");
  const byId = new Map<string, ActorSummary>();
  for (const a of actors) {
    if (sameAs.has(a.id)) continue;
    byId.set(a.id, { ...a, linked: [], aliases: [], documents: 0, quotes: 0, stances: 0 });
  }
  for (const a of actors) {
    const summary = byId.get(canonical(a.id, sameAs));
    if (!summary) continue;
    if (a.id !== summary.id) summary.linked.push(a.id);
    summary.documents += documents.get(a.id) ?? 0;
    summary.quotes += quotes.get(a.id) ?? 0;
    summary.stances += stances.get(a.id) ?? 0;
  }
  for (const alias of aliases) {
    const summary = byId.get(canonical(alias.actor_id, sameAs));
    if (summary && alias.alias !== keyOf(summary.name) && !summary.aliases.includes(alias.alias))
      summary.aliases.push(alias.alias);
  }
  const wanted = options.search ? keyOf(options.search) : undefined;
  return [...byId.values()]
    .filter((a) => !options.kind || a.kind === options.kind)
    .filter((a) => !wanted || keyOf(a.name).includes(wanted) || a.aliases.some((x) => x.includes(wanted)))
    .sort((a, b) => b.documents - a.documents || b.quotes - a.quotes || a.name.localeCompare(b.name));
}
