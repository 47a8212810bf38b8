import type { Store } from "../src/store/open.ts";

/** What a store says, keyed by names: documents and duplicates, stances, the issues quotes bear on, codebooks. */
export async function storeContents(store: Store) {
  const documents = await store.db
    .selectFrom("documents")
    .select(["id", "hash", "near_copy_of"])
    .orderBy("id")
    .execute();
  const duplicates = await store.db
    .selectFrom("duplicates")
    .select(["id", "duplicate_of"])
    .orderBy("id")
    .execute();
  const stances = await store.db
    .selectFrom("stances")
    .select(["document_id", "issue", "actor_id", "stance", "key"])
    .orderBy("key")
    .execute();
  const links = await store.db
    .selectFrom("quote_issues")
    .select(["quote_id", "issue"])
    .orderBy("quote_id")
    .orderBy("issue")
    .execute();
  const books = await store.db.selectFrom("codebooks").select(["id", "origin"]).orderBy("id").execute();
  return { documents, duplicates, stances, links, books };
}
