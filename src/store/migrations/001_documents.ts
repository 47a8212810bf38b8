import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("chars", "integer", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("outlet", "text")
    .addColumn("author", "text")
    .addColumn("published", "text")
    .addColumn("url", "text")
    .addColumn("dateline", "text")
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("provenance", "text", (c) => c.notNull())
    .addColumn("extra", "text")
    .addColumn("near_copy_of", "text")
    .addColumn("ingested_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("documents_hash").on("documents").column("hash").execute();
  await db.schema.createIndex("documents_published").on("documents").column("published").execute();
  await db.schema.createIndex("documents_outlet").on("documents").column("outlet").execute();

  await db.schema
    .createTable("duplicates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("duplicate_of", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("outlet", "text")
    .addColumn("author", "text")
    .addColumn("published", "text")
    .addColumn("url", "text")
    .addColumn("ingested_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("duplicates_of").on("duplicates").column("duplicate_of").execute();

  await db.schema
    .createTable("document_bands")
    .addColumn("band", "text", (c) => c.notNull())
    .addColumn("document_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("document_bands_pk", ["band", "document_id"])
    .execute();
  await db.schema.createIndex("document_bands_document").on("document_bands").column("document_id").execute();
}
