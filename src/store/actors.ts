import type { Kysely, Transaction } from "kysely";
import type { ActorOut } from "../contract.ts";
import { StandpointError } from "../errors.ts";
import { keyOf, sameNameSpelledOtherwise } from "../world/fold.ts";
import { actorIdOf, lookupName } from "../world/gazetteer.ts";
import { stateName } from "../world/states.ts";
import { bumpGeneration } from "./cache.ts";
import { flushHeld, insertHeld } from "./held.ts";
import { initialsOf } from "./initials.ts";
import { insertRows } from "./insert.ts";
import type { ActorTable, Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** What an actor is to users; its initials serve look-ups only. */
export type Actor = Omit<ActorTable, "initials">;
export const ACTOR_COLUMNS = ["id", "name", "kind", "country", "same_as"] as const;

const words = (name: string) => keyOf(name).split(" ").filter(Boolean);

/** The folded names an actor is known by: its name, the names the text used, a person's surname, a state's code. */
export function aliasesOf(actor: ActorOut): string[] {
  const out = new Set([keyOf(actor.name), ...actor.aliases.map(keyOf)]);
  const parts = words(actor.name);
  if (actor.kind === "person" && parts.length >= 2) out.add(parts[parts.length - 1] as string);
  if (actor.kind === "state" && actor.country) out.add(actor.country.toLowerCase());
  out.delete("");
  return [...out];
}

/**
 * Stores a document's actors under their cross-document ids with the names they are known by,
 * and links a person known here by surname alone to the one person of that surname known by
 * full name ("Rice" to Condoleezza Rice), either way round. Rows are never rewritten: a linked
 * actor points at the other through `same_as`.
 */
export async function saveActors(db: Db, actors: ActorOut[]): Promise<void> {
  // A person stored before was linked when first stored: only newcomers are looked at again.
  const added = await insertRows(
    db,
    "actors",
    actors.map((a) => ({
      id: a.key,
      name: a.name,
      kind: a.kind,
      country: a.country ?? null,
      same_as: null,
      initials: a.kind === "person" ? initialsOf(a.name) : null,
    })),
    ["id"],
    "id",
  );
  const newcomers = new Set(added);
  await insertHeld(
    db,
    "actor_aliases",
    actors.flatMap((a) => aliasesOf(a).map((alias) => ({ alias, actor_id: a.key }))),
    ["alias", "actor_id"],
  );
  for (const actor of actors) {
    if (actor.kind !== "person" || !newcomers.has(actor.key)) continue;
    const parts = words(actor.name);
    const surname = parts[parts.length - 1];
    if (!surname) continue;
    const variant = parts.length >= 2 ? await spelledOtherwise(db, actor) : undefined;
    if (variant) {
      await linkActor(db, actor.key, variant);
      continue;
    }
    const full = await fullNamesWithSurname(db, surname);
    const target = full.length === 1 ? full[0] : undefined;
    if (parts.length === 1) {
      if (target && target !== actor.key) await linkActor(db, actor.key, target);
    } else if (target === actor.key) {
      const single = await db
        .selectFrom("actors")
        .select("id")
        .where("kind", "=", "person")
        .where("id", "=", `person:${surname.replace(/[^a-z0-9]+/g, "-")}`)
        .where("same_as", "is", null)
        .execute();
      for (const row of single) await linkActor(db, row.id, actor.key);
    }
  }
}

/**
 * A person stored before under another spelling of this full name ("Andriy Deshchytsya" for
 * "Andrii Deshchytsia"): the same number of words, each with the same first letter, a few letters
 * apart in all, and no other country. Only persons not linked to another already.
 */
async function spelledOtherwise(db: Db, actor: ActorOut): Promise<string | undefined> {
  const name = keyOf(actor.name);
  const rows = await db
    .selectFrom("actors")
    .select(["id", "name", "country"])
    .where("initials", "=", initialsOf(actor.name))
    .where("kind", "=", "person")
    .where("same_as", "is", null)
    .where("id", "!=", actor.key)
    .execute();
  const found = rows.filter(
    (r) =>
      (!r.country || !actor.country || r.country === actor.country) &&
      sameNameSpelledOtherwise(name, keyOf(r.name)),
  );
  return found.length === 1 ? found[0]?.id : undefined;
}

/** Persons known by a full name ending in this surname. */
async function fullNamesWithSurname(db: Db, surname: string): Promise<string[]> {
  await flushHeld(db);
  const rows = await db
    .selectFrom("actor_aliases")
    .innerJoin("actors", "actors.id", "actor_aliases.actor_id")
    .select(["actors.id", "actors.name"])
    .where("actor_aliases.alias", "=", surname)
    .where("actors.kind", "=", "person")
    .where("actors.same_as", "is", null)
    .execute();
  return [...new Set(rows.filter((r) => words(r.name).length >= 2).map((r) => r.id))];
}

async function linkActor(db: Db, from: string, to: string): Promise<void> {
  await db.updateTable("actors").set({ same_as: to }).where("id", "=", from).execute();
  await bumpGeneration(db);
}

/**
 * Stores states and bodies by id (`state:SRB`, `org:EU`) under their gazetteer names, where no
 * text named them: the actors of records, or one a reviewer names.
 */
export async function saveKnownActors(db: Db, ids: string[]): Promise<void> {
  await saveActors(
    db,
    [...new Set(ids)].map((id) => {
      const code = id.slice(id.indexOf(":") + 1);
      const isState = id.startsWith("state:");
      return {
        id,
        key: id,
        name: isState ? stateName(code) : (lookupName(code)?.name ?? code),
        kind: isState ? ("state" as const) : ("organization" as const),
        aliases: [],
        roles: [],
        ...(isState ? { country: code } : {}),
        mentions: [],
        mention_rules: [],
      };
    }),
  );
}

/** Each linked actor's id to the id it stands for. */
export async function sameAsMap(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("actors")
    .select(["id", "same_as"])
    .where("same_as", "is not", null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.same_as as string]));
}

/** The id an actor stands for, following links. */
export function canonical(id: string, sameAs: Map<string, string>): string {
  let out = id;
  for (let hops = 0; hops < 8; hops++) {
    const next = sameAs.get(out);
    if (!next) break;
    out = next;
  }
  return out;
}

/**
 * The actor a user means: an id (`state:RUS`), a name or alias ("Russian Federation", "Koštunica",
 * "Rice"), a code ("RUS") or an adjective ("Russian"). Unknown or ambiguous names are errors.
 */
export async function findActor(db: Db, name: string): Promise<Actor> {
  const sameAs = await sameAsMap(db);
  const byId = await db.selectFrom("actors").select("id").where("id", "=", name).executeTakeFirst();
  if (byId) return actorRow(db, canonical(byId.id, sameAs));
  const gazetteer = lookupName(name);
  if (gazetteer) {
    const id = actorIdOf(gazetteer);
    const row = await db.selectFrom("actors").select("id").where("id", "=", id).executeTakeFirst();
    if (row) return actorRow(db, canonical(row.id, sameAs));
  }
  const rows = await db
    .selectFrom("actor_aliases")
    .select("actor_id")
    .where("alias", "=", keyOf(name))
    .execute();
  const ids = [...new Set(rows.map((r) => canonical(r.actor_id, sameAs)))];
  if (ids.length === 1) return actorRow(db, ids[0] as string);
  if (ids.length > 1) {
    throw new StandpointError("invalid", `"${name}" could be any of ${ids.join(", ")}; give the id`);
  }
  throw new StandpointError("not_found", `unknown actor: ${name} (see \`standpoint actors\`)`);
}

async function actorRow(db: Db, id: string): Promise<Actor> {
  const row = await db.selectFrom("actors").select(ACTOR_COLUMNS).where("id", "=", id).executeTakeFirst();
  if (!row) throw new StandpointError("not_found", `unknown actor: ${id}`);
  return row;
}

/** Actors' names by id, read in slices that stay within SQLite's limit on variables. */
export async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 400) {
    const rows = await db
      .selectFrom("actors")
      .select(["id", "name"])
      .where("id", "in", ids.slice(i, i + 400))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}
