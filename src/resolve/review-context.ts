import type { Kysely } from "kysely";
import type { Database } from "../store/schema.ts";
import { actorNames } from "./history.ts";

/** What an item needs to be given its context: its article, where its evidence is, its values. */
interface Contextual {
  document: string;
  span: [number, number];
  values: Record<string, string | null>;
  context: { before: string; after: string };
  names: Record<string, string>;
}

/** How much of the article to show on each side of the evidence. */
const CONTEXT = 160;

/** The article's words around each item's evidence, and the names of the actors its values give. */
export async function withContext<T extends Contextual>(db: Kysely<Database>, items: T[]): Promise<T[]> {
  const docs = [...new Set(items.map((i) => i.document))];
  const texts = new Map<string, string>();
  for (let i = 0; i < docs.length; i += 200) {
    const rows = await db
      .selectFrom("documents")
      .select(["id", "text"])
      .where("id", "in", docs.slice(i, i + 200))
      .execute();
    for (const r of rows) texts.set(r.id, r.text);
  }
  const ids = [
    ...new Set(
      items.flatMap((i) => Object.values(i.values).filter((v): v is string => /^[a-z]+:/.test(v ?? ""))),
    ),
  ];
  const names = await actorNames(db, ids);
  for (const item of items) {
    const text = texts.get(item.document) ?? "";
    const [start, end] = item.span;
    const before = text.slice(Math.max(0, start - CONTEXT), start);
    const after = text.slice(end, end + CONTEXT);
    item.context = {
      before: start > CONTEXT ? `…${before.replace(/^\S*\s/, "")}` : before,
      after: end + CONTEXT < text.length ? `${after.replace(/\s\S*$/, "")}…` : after,
    };
    item.names = Object.fromEntries(
      Object.values(item.values).flatMap((v) =>
        v && names.has(v) ? [[v, names.get(v)?.name as string]] : [],
      ),
    );
  }
  return items;
}
