import { type Kysely, sql } from "kysely";
import { initialsOf } from "../initials.ts";

/**
 * A person's initials, folded ("ad" for Andriy Deshchytsya), indexed: storing a person looks for
 * the same name spelled otherwise among persons of the same initials. Matching on the id's first
 * letter instead read every unlinked actor, so each person stored cost more as the store grew.
 * Persons stored before are given theirs here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("actors").addColumn("initials", "text").execute();
  await db.schema.createIndex("actors_initials").on("actors").column("initials").execute();
  const { rows } = await sql<{
    id: string;
    name: string;
  }>`SELECT id, name FROM actors WHERE kind = 'person'`.execute(db);
  for (const person of rows)
    await sql`UPDATE actors SET initials = ${initialsOf(person.name)} WHERE id = ${person.id}`.execute(db);
}
