import type { Kysely } from "kysely";
import { StandpointError } from "../errors.ts";
import { findActor } from "../store/actors.ts";
import { appendReview } from "../store/reviews.ts";
import type { Database } from "../store/schema.ts";

/** A reviewer's decision that two actors are one, as the review log keeps it. */
export interface Merge {
  id: string;
  at: string;
  reviewer: string;
  /** The actor that now stands for `into`. */
  from: string;
  into: string;
  /** What `from` stood for before (a link the machine made), restored when the merge is undone. */
  previous: string | null;
  reason: string | null;
  /** When the merge was undone, by whom; null while it holds. */
  undone: { at: string; reviewer: string } | null;
}

const KIND = "actor";

/**
 * Makes one actor stand for another ("Kostunica" for "Vojislav Koštunica"): its quotes, stances
 * and names count for the other from then on. Logged with who and why; `unmergeActor` undoes it.
 */
export async function mergeActors(
  db: Kysely<Database>,
  names: { from: string; into: string },
  by: { reviewer: string; reason?: string },
): Promise<Merge> {
  if (!by.reviewer.trim())
    throw new StandpointError("usage", "a merge needs the reviewer's name", "--reviewer");
  // Both as they stand now (a name already linked is its actor): no merge can make a loop of links.
  const from = await findActor(db, names.from);
  const into = await findActor(db, names.into);
  if (from.id === into.id)
    throw new StandpointError("invalid", `${from.id} and ${into.id} are already one actor`);
  if (from.kind !== into.kind)
    throw new StandpointError(
      "invalid",
      `${from.id} is a ${from.kind} and ${into.id} a ${into.kind}: not one actor`,
    );
  const row = await db.selectFrom("actors").select("same_as").where("id", "=", from.id).executeTakeFirst();
  await relink(db, from.id, { into: into.id, previous: row?.same_as ?? null }, "merge", by);
  return (await listMerges(db)).find((m) => m.from === from.id && !m.undone) as Merge;
}

/** Undoes the merge that holds for an actor: it stands for what it stood for before, and the log says who undid it. */
export async function unmergeActor(
  db: Kysely<Database>,
  name: string,
  by: { reviewer: string; reason?: string },
): Promise<Merge> {
  if (!by.reviewer.trim())
    throw new StandpointError("usage", "undoing a merge needs the reviewer's name", "--reviewer");
  const id = (await db.selectFrom("actors").select("id").where("id", "=", name).executeTakeFirst())?.id;
  const merges = await listMerges(db);
  const merge = merges.find((m) => !m.undone && (m.from === id || m.from === name));
  if (!merge)
    throw new StandpointError("not_found", `no merge holds for ${name} (see \`standpoint actors merges\`)`);
  await relink(db, merge.from, { into: merge.previous, previous: merge.into }, "unmerge", by);
  return { ...merge, undone: { at: new Date().toISOString(), reviewer: by.reviewer.trim() } };
}

/** Points an actor at another (or at none) and logs it with who and why, in one transaction. */
async function relink(
  db: Kysely<Database>,
  id: string,
  link: { into: string | null; previous: string | null },
  action: "merge" | "unmerge",
  by: { reviewer: string; reason?: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("actors").set({ same_as: link.into }).where("id", "=", id).execute();
    await appendReview(trx, {
      reviewer: by.reviewer.trim(),
      item_kind: KIND,
      item_key: id,
      action,
      field: "same_as",
      value: JSON.stringify(link),
      reason: by.reason?.trim() || null,
    });
  });
}

/** Every merge in the log, oldest first, each with whether and when it was undone. */
export async function listMerges(db: Kysely<Database>): Promise<Merge[]> {
  const rows = await db
    .selectFrom("review_log")
    .selectAll()
    .where("item_kind", "=", KIND)
    .orderBy("at")
    .orderBy("id")
    .execute();
  const out: Merge[] = [];
  for (const r of rows) {
    const value = JSON.parse(r.value ?? "{}") as { into: string | null; previous: string | null };
    if (r.action === "merge")
      out.push({
        id: r.id,
        at: r.at,
        reviewer: r.reviewer,
        from: r.item_key,
        into: value.into ?? "",
        previous: value.previous,
        reason: r.reason,
        undone: null,
      });
    else {
      const open = [...out].reverse().find((m) => m.from === r.item_key && !m.undone);
      if (open) open.undone = { at: r.at, reviewer: r.reviewer };
    }
  }
  return out;
}
