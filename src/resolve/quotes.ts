import { type Kysely, type SqlBool, sql } from "kysely";
import { StandpointError } from "../errors.ts";
import { cached } from "../store/cache.ts";
import { inList } from "../store/lists.ts";
import type { Backend } from "../store/open.ts";
import { reviewsOf } from "../store/reviews.ts";
import type { Database } from "../store/schema.ts";
import { quoteMatches } from "../store/search.ts";
import { addedQuotes, matching } from "./added-quotes.ts";
import { endOfPeriod } from "./dates.ts";
import { type QuoteResult, quoteResults } from "./quote-results.ts";
import { reviewStates } from "./reviews.ts";
import { type Speakers, speakersWanted } from "./speakers.ts";

export interface QuoteFilters {
  /** A person (or any actor) who spoke. */
  speaker?: string;
  /** A state or body: quotes by it or by anyone who speaks for it. */
  actor?: string;
  issue?: string;
  outlet?: string;
  from?: string;
  to?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

interface Source {
  db: Kysely<Database>;
  backend: Backend;
}

/** Above this many speakers a state's quotes are read in one query, not merged from one query each. */
const MAX_UNION = 60;
/** Speakers with more quotes than this are read by date rather than by speaker. */
const WALK_BY_DATE = 5000;

/** How many quotes the speakers have, counted no further than `upTo`. */
async function quoteCount(db: Kysely<Database>, speakers: string[], upTo: number): Promise<number> {
  const row = await db
    .selectFrom(
      db.selectFrom("quotes").select("quotes.id").where("speaker_id", "in", speakers).limit(upTo).as("some"),
    )
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Row = { published: string | null; document_id: string; start: number; id: string };

/** Rows from several queries in the order of one: newest first, then document and offset; one page of them. */
function merge<T extends Row>(a: T[], b: T[], limit: number, offset: number): T[] {
  const seen = new Set<string>();
  return [...a, ...b]
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .sort(
      (x, y) =>
        (y.published ?? "").localeCompare(x.published ?? "") ||
        x.document_id.localeCompare(y.document_id) ||
        x.start - y.start,
    )
    .slice(offset, offset + limit);
}

/** Outlets as stored that match a name given in any case. */
async function outletsNamed(db: Kysely<Database>, name: string): Promise<string[]> {
  // Every outlet stored, kept while the store is unchanged: on a large store their list is a scan.
  const stored = await cached(db, "outlets|1", async () =>
    (
      await db.selectFrom("documents").select("outlet").distinct().where("outlet", "is not", null).execute()
    ).map((r) => r.outlet as string),
  );
  const wanted = name.trim().toLowerCase();
  const found = stored.filter((o) => o.toLowerCase() === wanted);
  if (!found.length) {
    const known = stored.slice(0, 8).join(", ");
    throw new StandpointError(
      "not_found",
      `unknown outlet: ${name} (stored: ${known || "none"})`,
      "--outlet",
    );
  }
  return found;
}

/** What every query of one search shares: its filters and what reviewers decided. */
interface Scope {
  source: Source;
  filters: QuoteFilters;
  /** Keys of rejected quotes. */
  rejected: string[];
  /** Keys of quotes a reviewer gave to a speaker not asked for. */
  movedOut: string[];
  /** The outlets asked for, as stored. */
  outlets: string[] | undefined;
}

/**
 * Quotes matching every filter given, newest article first. Reviewed values come first: a
 * rejected quote is left out, an edited speaker is the speaker.
 */
export async function findQuotes(source: Source, filters: QuoteFilters): Promise<QuoteResult[]> {
  const { db } = source;
  // Quotation marks alone, or nothing, would reach the full-text index as a syntax error.
  if (filters.search !== undefined && !/[\p{L}\p{N}]/u.test(filters.search))
    throw new StandpointError("invalid", "the search has no word to look for", "search");
  const states = reviewStates(await reviewsOf(db, "quote"));
  const rejected = [...states].filter(([, s]) => s.status === "rejected").map(([k]) => k);
  const limit = filters.limit ?? 50;
  const offset = filters.offset ?? 0;
  const outlets = filters.outlet ? await outletsNamed(db, filters.outlet) : undefined;
  const speakers = await speakersWanted(db, filters, states);
  const scope: Scope = { source, filters, rejected, movedOut: speakers?.movedOut ?? [], outlets };
  // Quotes reviewers added are few: those asked for are merged in, the page cut after the merge.
  const added = matching(await addedQuotes(db), {
    ...filters,
    ...(speakers ? { speakers: speakers.ids } : {}),
    ...(outlets ? { outlets } : {}),
  });
  const rows = added.length
    ? merge(await pageOf(scope, speakers, limit + offset, 0), added, limit, offset)
    : await pageOf(scope, speakers, limit, offset);
  return quoteResults(db, rows, states);
}

/** One query walking an index in date order: all quotes, an issue's (by quote_issues), or one speaker's. */
function quoteQuery(scope: Scope, only?: { speakers?: string[]; keys?: string[]; byDate?: boolean }) {
  const { source, filters, outlets } = scope;
  // With words searched, the issue is a test of each quote the words find, not the index walked:
  // the words' few matches, or the date order in which they come soonest, beat walking every quote
  // of a large issue and testing its words.
  const issueTested = filters.issue !== undefined && filters.search !== undefined;
  const issue = issueTested ? undefined : filters.issue;
  // No join with documents: their few conditions are subqueries, read once, and the page's
  // outlets and titles are fetched after, so the query walks one index and stops at a page.
  let query = source.db.selectFrom("quotes").selectAll("quotes");
  if (issue)
    query = query.innerJoin("quote_issues", (join) =>
      join.onRef("quote_issues.quote_id", "=", "quotes.id").on("quote_issues.issue", "=", issue),
    );
  if (issueTested)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("quote_issues")
          .select("quote_issues.quote_id")
          .whereRef("quote_issues.quote_id", "=", "quotes.id")
          .where("quote_issues.issue", "=", filters.issue as string),
      ),
    );
  // Typed references cannot follow a join made only sometimes; the column is named, not typed.
  const date = sql.ref(issue ? "quote_issues.published" : "quotes.published");
  if (scope.rejected.length) query = query.where(inList(source.db, "quotes.key", scope.rejected, true));
  // Off the speaker index ("+" for SQLite, an expression for PostgreSQL): quotes are walked by
  // date and the walk stops at a page.
  if (only?.speakers && only.byDate && source.backend === "sqlite")
    query = query.where(sql<SqlBool>`+quotes.speaker_id IN (${sql.join(only.speakers)})`);
  else if (only?.speakers && only.byDate)
    query = query.where(sql<SqlBool>`(quotes.speaker_id || '') IN (${sql.join(only.speakers)})`);
  else if (only?.speakers) query = query.where("quotes.speaker_id", "in", only.speakers);
  if (only?.keys) query = query.where(inList(source.db, "quotes.key", only.keys));
  if (scope.movedOut.length) query = query.where(inList(source.db, "quotes.key", scope.movedOut, true));
  if (outlets)
    query = query.where("quotes.document_id", "in", (eb) =>
      eb.selectFrom("documents").select("documents.id").where("documents.outlet", "in", outlets),
    );
  else
    query = query.where("quotes.document_id", "not in", (eb) =>
      eb.selectFrom("documents").select("documents.id").where("documents.near_copy_of", "is not", null),
    );
  if (filters.from) query = query.where(sql<SqlBool>`${date} >= ${filters.from}`);
  if (filters.to) query = query.where(sql<SqlBool>`${date} <= ${endOfPeriod(filters.to)}`);
  if (filters.search !== undefined) query = query.where(quoteMatches(source.backend, filters.search));
  // The order of the indexes: newest first, then document and place.
  const table = issue ? "quote_issues" : "quotes";
  return query
    .orderBy(date, (ob) => ob.desc().nullsLast())
    .orderBy(sql.ref(`${table}.document_id`))
    .orderBy(sql.ref(`${table}.start`));
}

type QuoteRow = Awaited<ReturnType<ReturnType<typeof quoteQuery>["execute"]>>[number];

/** One page of the quotes, read the way that finds it soonest for the speakers asked for. */
async function pageOf(
  scope: Scope,
  speakers: Speakers | undefined,
  limit: number,
  offset: number,
): Promise<QuoteRow[]> {
  if (!speakers) return quoteQuery(scope).limit(limit).offset(offset).execute();
  if (speakers.ids.length > 1 && speakers.ids.length <= MAX_UNION)
    return pageBySpeaker(scope, speakers, limit, offset);
  // Many speakers with many quotes between them: reading by date finds a page soonest.
  const many =
    speakers.ids.length > MAX_UNION &&
    (await quoteCount(scope.source.db, speakers.ids, WALK_BY_DATE + 1)) > WALK_BY_DATE;
  const mine = quoteQuery(scope, { speakers: speakers.ids.length ? speakers.ids : [""], byDate: many });
  // Quotes a reviewer gave these speakers are merged in, the page cut after the merge.
  return speakers.movedIn.length
    ? merge(
        await mine.limit(limit + offset).execute(),
        await quoteQuery(scope, { keys: speakers.movedIn }).execute(),
        limit,
        offset,
      )
    : mine.limit(limit).offset(offset).execute();
}

/**
 * A state's officials are many speakers: each one's latest quotes, read as ids and places off its
 * own index, merged; then only the page's rows are read whole.
 */
async function pageBySpeaker(
  scope: Scope,
  speakers: Speakers,
  limit: number,
  offset: number,
): Promise<QuoteRow[]> {
  const { db } = scope.source;
  const places = (q: ReturnType<typeof quoteQuery>) =>
    q
      .clearSelect()
      .select(["quotes.id", "quotes.published", "quotes.document_id", "quotes.start"])
      .limit(limit + offset);
  const parts = speakers.ids.map((id) => places(quoteQuery(scope, { speakers: [id] })));
  if (speakers.movedIn.length) parts.push(places(quoteQuery(scope, { keys: speakers.movedIn })));
  let rows: Row[] = [];
  for (const group of chunk(parts, 100)) {
    const wrapped = group.map((q, i) => db.selectFrom(q.as(`p${i}`)).selectAll());
    const [first, ...rest] = wrapped;
    if (first) rows = rows.concat(await rest.reduce((u, q) => u.unionAll(q), first).execute());
  }
  const page = merge(rows, [], limit, offset).map((r) => r.id);
  if (!page.length) return [];
  const whole = new Map(
    (await db.selectFrom("quotes").selectAll("quotes").where("quotes.id", "in", page).execute()).map((r) => [
      r.id,
      r,
    ]),
  );
  return page.flatMap((id) => whole.get(id) ?? []);
}
