import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../../src/records/import.ts";
import { checkAgainstRecords } from "../../src/resolve/check-records.ts";
import { createApp } from "../../src/server/app.ts";
import { findIssue } from "../../src/store/codebooks.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { ROOT, runCli } from "../helpers/cli.ts";
import { articlesFile, ingestPaths } from "../helpers/ingest.ts";

const dir = mkdtempSync(join(tmpdir(), "standpoint-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Assembly's vote on the court opinion request: six members' recorded votes, the rest absent. */
function requestVote(): string {
  const un = join(dir, "un");
  mkdirSync(un, { recursive: true });
  writeFileSync(
    join(un, "unvotes_roll_calls.csv"),
    '"rcid","session","importantvote","date","unres","amend","para","short","descr"\n4831,63,0,"2008-10-08","R/63/3",0,0,"KOSOVO","Request for an advisory opinion of the International Court of Justice"\n',
  );
  writeFileSync(
    join(un, "unvotes_votes_part.csv"),
    [
      '"rcid","country","country_code","vote"',
      '4831,"Serbia","YU","yes"',
      '4831,"Russia","RU","yes"',
      '4831,"United States","US","no"',
      '4831,"United Kingdom","GB","abstain"',
      '4831,"Greece","GR","yes"',
      '4831,"Brazil","BR","yes"',
    ].join("\n"),
  );
  return un;
}

/** A report that has Greece recognise Kosovo before the vote: the record will contradict it. */
const GREECE = {
  id: "greece-report",
  outlet: "Test Wire",
  published: "2008-09-01",
  text: "ATHENS — Greece recognised Kosovo's independence on Monday, the foreign ministry said.",
};

describe.each(BACKENDS)("news against the record (%s)", (backend) => {
  let place: TestStore;
  let store: Store;
  beforeAll(async () => {
    place = testStore(backend);
    store = await place.open();
    await ingestPaths(store, [join(ROOT, "examples", "articles"), articlesFile([GREECE])], {
      issue: ["kosovo-independence"],
      codebook: [join(ROOT, "examples", "codebooks", "kosovo-independence.json")],
    });
    await importRecords(store.db, [
      requestVote(),
      join(ROOT, "examples", "records", "kosovo-recognitions.csv"),
    ]);
  });
  afterAll(async () => {
    await store.close();
    await place.dispose();
  });

  it("sets positions read from reports alone against each recorded vote and the recognitions", async () => {
    const report = await checkAgainstRecords(store.db, await findIssue(store.db, "kosovo-independence"));
    const [vote, recognitions] = report.checks;
    expect(vote).toMatchObject({ kind: "vote", id: "unga:4831", bears: "own-issue", on_record: 6 });
    // Serbia, Russia, the United States as the news had them; the United Kingdom abstained; Brazil unknown to the news.
    expect(vote?.agreeing.sort()).toEqual(["RUS", "SRB", "USA"]);
    expect(vote?.differing).toEqual([
      { member: "GBR", position: "support", act: "abstain", recorded: "abstain" },
    ]);
    expect(vote?.with_news).toBe(5);
    expect(vote?.contradictions).toEqual([
      expect.objectContaining({
        member: "GRC",
        position: "support",
        act: "yes",
        recorded: "no",
        record: expect.objectContaining({ id: "unga:4831:GRC" }),
        news: [expect.objectContaining({ kind: "report", document: "greece-report" })],
      }),
    ]);
    // Recognitions on record are not news: the check reads reports alone, so coverage is of the news.
    expect(recognitions).toMatchObject({ kind: "recognition", on_record: 10, contradicts: 0 });
    expect(recognitions?.with_news).toBeLessThan(10);
    expect(report.totals.on_record).toBe(16);
    expect(report.totals.contradicts).toBe(1);
  });

  it("answers the same through the API, and lists the records with their sources", async () => {
    const app = createApp(store);
    const check = await app.request("/api/check?issue=kosovo-independence");
    expect(check.status).toBe(200);
    const body = (await check.json()) as { totals: { contradicts: number; on_record: number } };
    expect(body.totals).toMatchObject({ contradicts: 1, on_record: 16 });
    const records = await app.request("/api/records?object=R/63/3&act=yes");
    const rows = (await records.json()) as Array<{ actor_id: string; source: string; forum: string }>;
    expect(rows.map((r) => r.actor_id).sort()).toEqual(["state:BRA", "state:GRC", "state:RUS", "state:SRB"]);
    expect(rows.every((r) => r.forum === "unga" && /roll call 4831/.test(r.source))).toBe(true);
    expect((await app.request("/api/check?issue=independence+of+Atlantis")).status).toBe(404);
  });

  it.runIf(backend === "sqlite")(
    "prints the report with both pieces of evidence for a contradiction",
    async () => {
      const run = await runCli([
        "check",
        "--issue",
        "kosovo-independence",
        "--against",
        "records",
        "--db",
        place.target,
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /^VOTE A\/RES\/63\/3: .*, 2008-10-08 \(a question of its own: compared as a lean\)$/m,
      );
      expect(run.stdout).toMatch(
        /6 states on record; 5 with a news position at the date \(coverage 83\.3%\)/,
      );
      expect(run.stdout).toMatch(/CONTRADICTION Greece: news support since 2008-09-01, record: yes/);
      expect(run.stdout).toMatch(/record: voted yes on A\/RES\/63\/3 \[unga:4831:GRC\]/);
      expect(run.stdout).toMatch(
        /news: 2008-09-01 Test Wire: "ATHENS — Greece recognised Kosovo's independence/,
      );
      const bad = await runCli([
        "check",
        "--issue",
        "independence of Atlantis",
        "--against",
        "records",
        "--db",
        place.target,
      ]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/^standpoint: --issue: unknown issue: independence of Atlantis/);
      const wrong = await runCli([
        "check",
        "--issue",
        "kosovo-independence",
        "--against",
        "gossip",
        "--db",
        place.target,
      ]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/--against.*gossip/);
    },
  );
});
