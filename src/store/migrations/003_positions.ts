import type { Kysely } from "kysely";

/** Stances, the codebooks that define issues, names actors are known by, and the review log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("stances")
    .addColumn("id", "text", (c) => c.primaryKey())
    /** Stable across re-extraction: document, issue, actor and the direction the machine found. */
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("issue", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("via_actor_id", "text")
    .addColumn("stance", "text", (c) => c.notNull())
    .addColumn("date", "text")
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("cues", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("stances_document").on("stances").column("document_id").execute();
  await db.schema.createIndex("stances_issue_actor").on("stances").columns(["issue", "actor_id"]).execute();
  await db.schema.createIndex("stances_key").on("stances").column("key").execute();

  await db.schema
    .createTable("codebooks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("stored_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("actor_aliases")
    .addColumn("alias", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("actor_aliases_pk", ["alias", "actor_id"])
    .execute();
  await db.schema.createIndex("actor_aliases_actor").on("actor_aliases").column("actor_id").execute();

  // Append-only: rows are inserted, never updated or deleted; the latest decision on an item wins.
  await db.schema
    .createTable("review_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("reviewer", "text", (c) => c.notNull())
    .addColumn("item_kind", "text", (c) => c.notNull())
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("field", "text")
    .addColumn("value", "text")
    .addColumn("reason", "text")
    .execute();
  await db.schema
    .createIndex("review_log_item")
    .on("review_log")
    .columns(["item_kind", "item_key"])
    .execute();

  await db.schema.alterTable("quotes").addColumn("key", "text").execute();
  await db.schema.createIndex("quotes_key").on("quotes").column("key").execute();
}
