import type { Kysely } from "kysely";
import { canonical, sameAsMap } from "../store/actors.ts";
import type { Database } from "../store/schema.ts";
import { isOfficialTitle } from "../world/offices.ts";

/** Whose stance a stored actor's stance is, and who spoke for whom. */
export interface Owners {
  /** The actor a stored actor's stance counts for: a person's state or body, else the actor itself. */
  owner(id: string): string;
  /** The person a stored actor is, when his stance counts for another: the `via` of the evidence. */
  speaker(id: string): string | null;
  /** Every stored id whose stance counts for an owner, among those asked about. */
  idsFor(owner: string): string[];
}

/**
 * Resolves stored actors across documents: linked actors to the one they stand for, and a person
 * to the state or body his official roles in the corpus are for (the most often named), so that
 * "Kostunica said …" in an article that gives no title still counts for Serbia.
 */
export async function ownersOf(db: Kysely<Database>, ids: Iterable<string>): Promise<Owners> {
  const sameAs = await sameAsMap(db);
  const all = new Set(ids);
  const persons = new Map<string, string[]>();
  for (const id of all) {
    const c = canonical(id, sameAs);
    if (c.startsWith("person:")) persons.set(c, [...(persons.get(c) ?? []), id]);
  }
  for (const [from] of sameAs) {
    const c = canonical(from, sameAs);
    if (persons.has(c) && !persons.get(c)?.includes(from)) persons.get(c)?.push(from);
  }
  const stored = [...new Set([...persons.entries()].flatMap(([c, list]) => [c, ...list]))];
  const counts = new Map<string, Map<string, number>>();
  for (let i = 0; i < stored.length; i += 400) {
    const rows = await db
      .selectFrom("roles")
      .select(["actor_id", "title", "of_actor_id"])
      .where("actor_id", "in", stored.slice(i, i + 400))
      .where("of_actor_id", "is not", null)
      .execute();
    for (const r of rows) {
      if (!isOfficialTitle(r.title)) continue;
      const person = canonical(r.actor_id, sameAs);
      const of = canonical(r.of_actor_id as string, sameAs);
      const byOf = counts.get(person) ?? new Map<string, number>();
      byOf.set(of, (byOf.get(of) ?? 0) + 1);
      counts.set(person, byOf);
    }
  }
  const affiliation = new Map<string, string>();
  for (const [person, byOf] of counts) {
    const best = [...byOf].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (best) affiliation.set(person, best[0]);
  }
  const owner = (id: string) => {
    const c = canonical(id, sameAs);
    return affiliation.get(c) ?? c;
  };
  const reverse = new Map<string, string[]>();
  for (const id of new Set([...all, ...sameAs.keys(), ...stored])) {
    const o = owner(id);
    reverse.set(o, [...(reverse.get(o) ?? []), id]);
  }
  return {
    owner,
    speaker: (id) => {
      const c = canonical(id, sameAs);
      return affiliation.has(c) ? c : null;
    },
    idsFor: (o) => [...new Set([o, ...(reverse.get(o) ?? [])])],
  };
}
