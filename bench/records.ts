/**
 * Records beside reports, measured:
 * 1. the import of every roll call, vote and veto of ../shared/data/un into a new SQLite store and
 *    a new PostgreSQL schema (time, rows, lines refused);
 * 2. every General Assembly resolution of the sovereignty subset decided from its stored votes;
 * 3. news against the record (`standpoint check --against records`) on the sample corpus with the
 *    example recognitions, and, with REALNEWS_TEXTS, on the real-news dev articles about the
 *    disputes a record bears on (the test split is never read).
 *
 *   npm run bench:records
 *   REALNEWS_TEXTS=DIR npm run bench:records
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { forumById, membersAt } from "../src/forums/data.ts";
import { actsOnRecord, outcomeOnRecord } from "../src/forums/recorded.ts";
import { chooseCodebooks } from "../src/ingest/codebooks.ts";
import { deriveWith } from "../src/ingest/derive.ts";
import { ingestInputs } from "../src/ingest/ingest.ts";
import { collectInputs, DEFAULT_MAX_BYTES } from "../src/ingest/inputs.ts";
import { importRecords } from "../src/records/import.ts";
import { checkAgainstRecords, type RecordsReport } from "../src/resolve/check-records.ts";
import { bearingsFor } from "../src/resolve/record-stances.ts";
import { compiled } from "../src/stances/issues.ts";
import { listCodebooks } from "../src/store/codebooks.ts";
import { openStore, type Store } from "../src/store/open.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const UN = join(root, "..", "shared", "data", "un");
const PG = process.env.STANDPOINT_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const dir = mkdtempSync(join(tmpdir(), "standpoint-bench-records-"));

async function ingest(store: Store, paths: string[]): Promise<void> {
  const { books, detect } = await chooseCodebooks(store, {});
  const derive = deriveWith(books.map(compiled), detect);
  for await (const _ of ingestInputs(store.db, await collectInputs(paths), {
    maxBytes: DEFAULT_MAX_BYTES,
    stdin: process.stdin,
    derive,
  }));
}

async function timedImport(store: Store, label: string): Promise<void> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const [r] = await importRecords(store.db, [UN]);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  console.log(
    `import ${label.padEnd(10)} ${wall.toFixed(1).padStart(5)} s wall ${((used.user + used.system) / 1e6).toFixed(1).padStart(5)} s CPU: ${r?.roll_calls} roll calls, ${r?.records} records, ${r?.problems.length} lines refused${r?.error ? `; ERROR ${r.error}` : ""}`,
  );
}

async function postgresImport(): Promise<void> {
  const client = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    console.log(`import PostgreSQL: skipped (${(error as Error).message})`);
    return;
  }
  const schema = "bench_records";
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const url = new URL(PG);
    url.searchParams.set("schema", schema);
    const store = await openStore(url.toString());
    await timedImport(store, "PostgreSQL");
    await store.close();
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

/** The sovereignty subset's resolutions, each decided from its stored votes. */
async function resolutionsAsRecorded(store: Store): Promise<void> {
  const rcids = new Set(
    readFileSync(join(UN, "unvotes_votes_sovereignty_subset.csv"), "utf8")
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[0] ?? "")
      .filter(Boolean),
  );
  const unga = forumById("unga");
  const calls = await store.db
    .selectFrom("roll_calls")
    .selectAll()
    .where(
      "id",
      "in",
      [...rcids].map((r) => `unga:${r}`),
    )
    .where("symbol", "!=", "")
    .execute();
  const notAdopted: string[] = [];
  for (const call of calls) {
    const r = outcomeOnRecord(unga, call, membersAt(unga, call.date), await actsOnRecord(store.db, call.id));
    if (!r.adopted) notAdopted.push(`${call.id} ${call.symbol} (${call.title.slice(0, 60)})`);
  }
  console.log(
    `sovereignty subset: ${calls.length} resolutions decided from their stored votes, ${calls.length - notAdopted.length} adopted; not adopted (the record's vote is on an amendment or a rival draft):`,
  );
  for (const line of notAdopted) console.log(`  ${line}`);
}

function printReport(label: string, r: RecordsReport): void {
  const t = r.totals;
  const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : "n/a");
  console.log(
    `${label} ${r.issue.id}: ${t.on_record} acts on record, ${t.with_news} with a news position (coverage ${pct(t.with_news, t.on_record)}); agree ${t.agrees} (${pct(t.agrees, t.with_news)}), differ ${t.differs}, contradict ${t.contradicts}`,
  );
  for (const c of r.checks)
    console.log(
      `  ${c.kind} ${c.id} ${c.date}: ${c.on_record} on record, ${c.with_news} with news; agree ${c.agrees} [${c.agreeing.join(" ")}], differ ${c.differs} [${c.differing.map((d) => `${d.member}:${d.position}/${d.act}`).join(" ")}], contradict ${c.contradicts} [${c.contradictions.map((x) => `${x.member}:${x.position}/${x.act}`).join(" ")}]`,
    );
}

async function realNews(store: Store): Promise<void> {
  const texts = process.env.REALNEWS_TEXTS;
  if (!texts) {
    console.log("real news: set REALNEWS_TEXTS to measure on the real-news dev articles");
    return;
  }
  const here = join(root, "bench", "realnews");
  const dev = new Set((JSON.parse(readFileSync(join(here, "splits.json"), "utf8")) as { dev: string[] }).dev);
  const lines = readFileSync(join(here, "gold.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map(
      (l) =>
        JSON.parse(l) as {
          id: string;
          dispute: string;
          outlet?: string;
          published?: string | null;
          url: string;
        },
    )
    .filter((g) => dev.has(g.dispute) && existsSync(join(texts, `${g.id}.txt`)));
  const file = join(dir, "realnews.jsonl");
  writeFileSync(
    file,
    `${lines
      .map((g) =>
        JSON.stringify({
          id: g.id,
          url: g.url,
          ...(g.outlet ? { outlet: g.outlet } : {}),
          ...(g.published ? { published: g.published } : {}),
          text: readFileSync(join(texts, `${g.id}.txt`), "utf8"),
        }),
      )
      .join("\n")}\n`,
  );
  await ingest(store, [file]);
  const books = (await listCodebooks(store.db)).filter((b) => bearingsFor(b).length > 0);
  console.log(
    `real news: ${lines.length} dev articles with their texts ingested (issues detected); ${books.length} issues a recorded vote bears on`,
  );
  for (const book of books) {
    const report = await checkAgainstRecords(store.db, book);
    if (report.checks.some((c) => c.with_news > 0)) printReport("real news", report);
    else
      console.log(
        `real news ${book.id}: ${report.totals.on_record} acts on record, no news position at their dates`,
      );
  }
}

try {
  console.log(`bench:records, node ${process.version}`);
  const sqlite = await openStore(join(dir, "un.db"));
  await timedImport(sqlite, "SQLite");
  await postgresImport();
  await resolutionsAsRecorded(sqlite);
  await sqlite.close();

  const sample = await openStore(join(dir, "sample.db"));
  await ingest(sample, [join(root, "examples", "articles")]);
  await importRecords(sample.db, [UN, join(root, "examples", "records", "kosovo-recognitions.csv")]);
  const kosovo = (await listCodebooks(sample.db)).find((b) => b.id === "kosovo-independence");
  if (kosovo) printReport("sample corpus", await checkAgainstRecords(sample.db, kosovo));
  await sample.close();

  const news = await openStore(join(dir, "news.db"));
  await importRecords(news.db, [UN]);
  await realNews(news);
  await news.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
