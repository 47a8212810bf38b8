import { type Kysely, SqliteAdapter, sql } from "kysely";
import { createQuoteSearch as createPostgresSearch } from "../postgres/search.ts";
import { createQuoteSearch as createSqliteSearch } from "../sqlite/search.ts";

/**
 * Stances, dated events, the issues quotes bear on, the codebooks that define issues, names
 * actors are known by, one actor standing for another across documents, full-text search of
 * quotes, and the review log.
 */
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
    /** JSON [text, …]: each piece of evidence as it reads, so a position shows its evidence without the article. */
    .addColumn("evidence_text", "text", (c) => c.notNull())
    .addColumn("cues", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("stances_document").on("stances").column("document_id").execute();
  await db.schema.createIndex("stances_key").on("stances").column("key").execute();
  await db.schema
    .createIndex("stances_issue_date")
    .on("stances")
    .columns(["issue", "actor_id", "date"])
    .execute();

  // How many stances each actor took on each issue on each day ('' undated): positions over time read
  // this instead of every stance. Kept in step as documents are extracted and removed.
  await db.schema
    .createTable("stance_days")
    .addColumn("issue", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("stance", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("stance_days_pk", ["issue", "actor_id", "date", "stance"])
    .execute();
  await db.schema
    .createIndex("stance_days_covering")
    .on("stance_days")
    .columns(["issue", "actor_id", "date", "stance", "n"])
    .execute();

  // What changed the store's stances, reviews or actors counts up here; results computed from them
  // (positions over time) are cached under the count they were computed at.
  await db.schema
    .createTable("generations")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("n", "integer", (c) => c.notNull())
    .execute();
  await db
    .insertInto("generations" as never)
    .values({ id: 1, n: 0 } as never)
    .execute();
  await db.schema
    .createTable("caches")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("generation", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .execute();

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
  // The article's publication date, copied so that quote searches sort and filter by date without a join.
  await db.schema.alterTable("quotes").addColumn("published", "text").execute();
  // A state's officials, for quotes by a state: those holding a role for it.
  await db.schema.createIndex("roles_of_actor").on("roles").columns(["of_actor_id", "actor_id"]).execute();
  // Searches leave syndicated copies out: the few there are, found at once.
  await sql`CREATE INDEX documents_near_copies ON documents (id) WHERE near_copy_of IS NOT NULL`.execute(db);

  await db.schema
    .createTable("quote_issues")
    .addColumn("quote_id", "text", (c) => c.notNull())
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("issue", "text", (c) => c.notNull())
    .addColumn("published", "text")
    .addColumn("start", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("quote_issues_pk", ["issue", "quote_id"])
    .execute();
  // Quote searches list newest first, then by document and place: these indexes hold that order, so
  // a page is read off an index without sorting every match.
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const newest = sqlite ? sql`published DESC` : sql`published DESC NULLS LAST`;
  await sql`CREATE INDEX quotes_published ON quotes (${newest}, document_id, start)`.execute(db);
  await sql`CREATE INDEX quotes_speaker_published ON quotes (speaker_id, ${newest}, document_id, start)`.execute(
    db,
  );
  await sql`CREATE INDEX quote_issues_published ON quote_issues (issue, ${newest}, document_id, start)`.execute(
    db,
  );
  await db.schema.createIndex("quote_issues_document").on("quote_issues").column("document_id").execute();

  await db.schema
    .createTable("events")
    .addColumn("document_id", "text", (c) => c.notNull())
    .addColumn("issue", "text", (c) => c.notNull())
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("end", "integer", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("date_start", "integer", (c) => c.notNull())
    .addColumn("date_end", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    /** JSON: the ids of the actors the sentence names. */
    .addColumn("actors", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_document").on("events").column("document_id").execute();
  await db.schema.createIndex("events_issue_date").on("events").columns(["issue", "date"]).execute();

  // A document naming only "Kostunica" gets its own actor; once he is known by his full name
  // elsewhere, that actor points at the full one instead of being rewritten.
  await db.schema.alterTable("actors").addColumn("same_as", "text").execute();
  await db.schema.createIndex("actors_same_as").on("actors").column("same_as").execute();

  if (sqlite) await createSqliteSearch(db);
  else await createPostgresSearch(db);
}
