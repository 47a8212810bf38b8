import type { Kysely } from "kysely";

/** What extraction derives from a document: actors it names, their mentions and roles, quotes, dates. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("actors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .execute();
  await db.schema.createIndex("actors_name").on("actors").column("name").execute();

  await db.schema
    .createTable("mentions")
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("end", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("form", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mentions_document").on("mentions").column("document_id").execute();
  await db.schema.createIndex("mentions_actor").on("mentions").column("actor_id").execute();

  await db.schema
    .createTable("roles")
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("of_actor_id", "text")
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("end", "integer", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("roles_document").on("roles").column("document_id").execute();
  await db.schema.createIndex("roles_actor").on("roles").column("actor_id").execute();

  await db.schema
    .createTable("quotes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("end", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("spans", "text")
    .addColumn("speaker_id", "text")
    .addColumn("speaker_start", "integer")
    .addColumn("speaker_end", "integer")
    .addColumn("cue", "text")
    .addColumn("cue_start", "integer")
    .addColumn("cue_end", "integer")
    .addColumn("rule", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("quotes_document").on("quotes").column("document_id").execute();
  await db.schema.createIndex("quotes_speaker").on("quotes").column("speaker_id").execute();

  await db.schema
    .createTable("dates")
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("end", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("range_start", "text")
    .addColumn("range_end", "text")
    .addColumn("rule", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("dates_document").on("dates").column("document_id").execute();
  await db.schema.createIndex("dates_value").on("dates").column("value").execute();
}
