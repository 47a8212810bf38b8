import type { Kysely } from "kysely";

/**
 * Records beside reports: recorded votes (the roll calls they belong to) and acts such as
 * recognitions, each with the file and line it was imported from and the source it cites.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("roll_calls")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("forum", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    /** The resolution or draft voted on ("A/RES/63/3", "S/2014/189"); '' when the record gives none. */
    .addColumn("symbol", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    /** What was voted on: the text as a whole, or an amendment, a paragraph, a procedural motion on it. */
    .addColumn("part", "text", (c) => c.notNull())
    /** 1 when the Assembly treated the question as important (two thirds). */
    .addColumn("important", "integer", (c) => c.notNull())
    /** What the record says happened: adopted, rejected, vetoed, or '' when it does not say. */
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("roll_calls_symbol").on("roll_calls").column("symbol").execute();
  await db.schema.createIndex("roll_calls_date").on("roll_calls").columns(["forum", "date"]).execute();
  await db.schema
    .createTable("records")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    /** recognised, withdrew-recognition, yes, no, abstain, absent, veto. */
    .addColumn("act", "text", (c) => c.notNull())
    /** What the act is about: the entity recognised, or the resolution voted on. */
    .addColumn("object", "text", (c) => c.notNull())
    .addColumn("roll_call_id", "text")
    /** The issue the user's table says the act bears on, if it says. */
    .addColumn("issue", "text")
    /** The citation or URL the record rests on. */
    .addColumn("source", "text", (c) => c.notNull())
    /** The file and line it was imported from. */
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("imported_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("records_roll_call").on("records").column("roll_call_id").execute();
  await db.schema.createIndex("records_actor").on("records").columns(["actor_id", "date"]).execute();
  await db.schema.createIndex("records_object").on("records").column("object").execute();
}
