import type { Kysely } from "kysely";
import { canonical, findActor, sameAsMap } from "../store/actors.ts";
import type { Database } from "../store/schema.ts";
import type { ReviewState } from "./reviews.ts";

/** The speakers a search asks for, and the quotes (by key) reviewers gave to them or took from them. */
export interface Speakers {
  ids: string[];
  movedIn: string[];
  movedOut: string[];
}

/**
 * The stored ids of everyone whose words count for an actor: the actor, those linked to it, and
 * persons who hold a role for it (or, for a state, are of that country).
 */
async function speakersFor(db: Kysely<Database>, name: string, withOfficials: boolean): Promise<Set<string>> {
  const actor = await findActor(db, name);
  const sameAs = await sameAsMap(db);
  const ids = new Set([actor.id, ...[...sameAs.keys()].filter((id) => canonical(id, sameAs) === actor.id)]);
  if (!withOfficials) return ids;
  const roles = await db
    .selectFrom("roles")
    .select("actor_id")
    .distinct()
    .where("of_actor_id", "in", [...ids])
    .execute();
  for (const r of roles) ids.add(r.actor_id);
  if (actor.kind === "state" && actor.country) {
    const people = await db
      .selectFrom("actors")
      .select("id")
      .where("kind", "=", "person")
      .where("country", "=", actor.country)
      .execute();
    for (const p of people) ids.add(p.id);
  }
  for (const id of [...sameAs.keys()]) if (ids.has(canonical(id, sameAs))) ids.add(id);
  return ids;
}

/**
 * The speakers a search names by --speaker, --actor or both (a speaker who speaks for the actor),
 * with the quotes reviewers moved to or from them (`states`: the quotes' review states).
 */
export async function speakersWanted(
  db: Kysely<Database>,
  filters: { speaker?: string; actor?: string },
  states: Map<string, ReviewState>,
): Promise<Speakers | undefined> {
  const who = filters.speaker ?? filters.actor;
  if (!who) return undefined;
  const edited = [...states].filter(([, s]) => s.edits.speaker !== undefined);
  const ids = await speakersFor(db, who, filters.actor !== undefined && filters.speaker === undefined);
  if (filters.speaker && filters.actor) {
    const officials = await speakersFor(db, filters.actor, true);
    for (const id of [...ids]) if (!officials.has(id)) ids.delete(id);
  }
  return {
    ids: [...ids],
    movedIn: edited.filter(([, s]) => ids.has(s.edits.speaker as string)).map(([k]) => k),
    movedOut: edited.filter(([, s]) => !ids.has(s.edits.speaker as string)).map(([k]) => k),
  };
}
