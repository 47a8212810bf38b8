import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../../src/records/import.ts";
import type { Store } from "../../src/store/open.ts";
import { listRecords, recordCounts } from "../../src/store/records.ts";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { jsonLines, ROOT, runCli } from "../helpers/cli.ts";
import { HAVE_SEEDS, SHARED } from "../helpers/shared.ts";

const UN = join(SHARED, "data", "un");
const dir = mkdtempSync(join(tmpdir(), "standpoint-records-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small UN folder with one good roll call and one bad line of each kind. */
function badUnFolder(): string {
  const un = join(dir, "un");
  rmSync(un, { recursive: true, force: true });
  require("node:fs").mkdirSync(un);
  writeFileSync(
    join(un, "unvotes_roll_calls.csv"),
    [
      '"rcid","session","importantvote","date","unres","amend","para","short","descr"',
      '9001,63,0,"2008-10-08","R/63/3",0,0,"KOSOVO","Request for an advisory opinion"',
      '9002,63,0,"2008-13-40","R/63/4",0,0,"X","a roll call with a date that is not one"',
    ].join("\n"),
  );
  writeFileSync(
    join(un, "unvotes_votes_test.csv"),
    [
      '"rcid","country","country_code","vote"',
      '9001,"Serbia","YU","yes"',
      '9001,"United States","US","no"',
      '9001,"Nowhere","ZZ","yes"',
      '9001,"South Sudan","SS","yes"',
      '9001,"Spain","ES","maybe"',
      '9001,"France","FR","abstain","extra"',
      '9002,"Greece","GR","yes"',
    ].join("\n"),
  );
  return un;
}

describe.each(BACKENDS)("records import (%s)", (backend) => {
  let place: TestStore;
  let store: Store;
  beforeAll(async () => {
    place = testStore(backend);
    store = await place.open();
  });
  afterAll(async () => {
    await store.close();
    await place.dispose();
  });

  it.skipIf(!HAVE_SEEDS)(
    "imports every roll call, vote, absence and veto of the UN folder, twice without doubling",
    async () => {
      for (let i = 0; i < 2; i++) {
        const [result] = await importRecords(store.db, [UN]);
        expect(result?.error).toBeUndefined();
        expect(result?.roll_calls).toBeGreaterThan(6000);
        // The data dates some early roll calls before members it lists had joined: refused, named.
        expect(result?.problems.every((p) => /before it joined the UN on/.test(p))).toBe(true);
      }
      const counts = await recordCounts(store.db);
      expect(counts.roll_calls).toBeGreaterThan(6000);
      const icj = await listRecords(store.db, { object: "A/RES/63/3" });
      const tally = (act: string) => icj.filter((r) => r.act === act).length;
      // The data's count (78/6/73; the UN's press release says 77/6/74), and 35 members absent.
      expect([tally("yes"), tally("no"), tally("abstain"), tally("absent")]).toEqual([78, 6, 73, 35]);
      expect(icj.find((r) => r.actor_id === "state:SRB")?.act).toBe("yes");
      expect(icj.find((r) => r.actor_id === "state:USA")?.source).toMatch(/roll call 4831, A\/RES\/63\/3/);
      const crimea = await listRecords(store.db, { object: "S/2014/189" });
      expect(crimea.map((r) => [r.actor_id, r.act, r.forum])).toEqual([["state:RUS", "veto", "unsc"]]);
      // A no-action motion and an amendment carry the draft's symbol; only the vote on the whole text bears.
      const parts = await store.db
        .selectFrom("roll_calls")
        .select(["id", "part"])
        .where("id", "in", ["unga:5866", "unga:5047", "unga:468"])
        .orderBy("id")
        .execute();
      expect(parts).toEqual([
        { id: "unga:468", part: "amendment" },
        { id: "unga:5047", part: "whole" },
        { id: "unga:5866", part: "motion" },
      ]);
      const old = await listRecords(store.db, { object: "A/RES/7/167B", actor: "state:CHN" });
      // The Republic of China voted in China's seat until 1971 (coded TW in the data).
      expect(old[0]?.act).toBe("yes");
    },
  );

  it("refuses each bad line with file, line and problem, and imports the rest", async () => {
    const [result] = await importRecords(store.db, [badUnFolder()]);
    const problems = (result?.problems ?? []).join("\n");
    expect(problems).toMatch(/unvotes_roll_calls\.csv:3: not a date: 2008-13-40/);
    expect(problems).toMatch(/unvotes_votes_test\.csv:4: unknown member code ZZ/);
    expect(problems).toMatch(
      /unvotes_votes_test\.csv:5: SSD \(South Sudan\) votes on 2008-10-08, before it joined the UN on 2011-07-14/,
    );
    expect(problems).toMatch(/unvotes_votes_test\.csv:6: not a vote: maybe/);
    expect(problems).toMatch(/unvotes_votes_test\.csv:7: malformed line/);
    expect(problems).toMatch(/unvotes_votes_test\.csv:8: no roll call 9002/);
    const votes = await listRecords(store.db, { object: "A/RES/63/3", act: "yes" });
    expect(votes.some((r) => r.roll_call_id === "unga:9001" && r.actor_id === "state:SRB")).toBe(true);
    const absent = await listRecords(store.db, { object: "A/RES/63/3", act: "absent", limit: 500 });
    expect(absent.filter((r) => r.roll_call_id === "unga:9001").length).toBe(192 - 2);
  });

  it("reads a user's table, CSV or JSON Lines, line by line", async () => {
    const csv = join(dir, "bad.csv");
    writeFileSync(
      csv,
      [
        "actor,date,act,object,source",
        "Japan,2008-03-18,recognised,Kosovo,https://example.org/mofa",
        "Atlantis,2008-03-18,recognised,Kosovo,https://example.org/a",
        "Canada,18 March,recognised,Kosovo,https://example.org/b",
        "Canada,2008-03-18,admired,Kosovo,https://example.org/c",
        'Canada,2008-03-18,recognised,"Kosovo,https://example.org/d',
      ].join("\n"),
    );
    const jsonl = join(dir, "acts.jsonl");
    writeFileSync(
      jsonl,
      [
        '{"actor":"Maldives","date":"2009-02-19","act":"recognized","object":"Kosovo","source":"MFA note"}',
        '{"actor":"Maldives","date":"2009-02-19"}',
        "not json",
      ].join("\n"),
    );
    const missing = join(dir, "missing.csv");
    writeFileSync(missing, "actor,date,act\nJapan,2008-03-18,recognised\n");
    const results = await importRecords(store.db, [csv, jsonl, missing, join(dir, "nowhere.csv")], {
      issue: "kosovo-independence",
    });
    const [fromCsv, fromJson, noColumn, noFile] = results;
    expect(fromCsv?.records).toBe(1);
    expect(fromCsv?.problems).toEqual([
      expect.stringMatching(/bad\.csv:3: unknown actor: Atlantis/),
      expect.stringMatching(/bad\.csv:4: not a date: 18 March/),
      expect.stringMatching(/bad\.csv:5: unknown act: admired/),
      expect.stringMatching(/bad\.csv:6: malformed line/),
    ]);
    expect(fromJson?.records).toBe(1);
    expect(fromJson?.problems.join("\n")).toMatch(
      /acts\.jsonl:2: missing field act, source[\s\S]*acts\.jsonl:3: malformed line/,
    );
    expect(noColumn?.problems).toEqual([expect.stringMatching(/missing\.csv: missing column source$/)]);
    expect(noFile?.error).toMatch(/nowhere\.csv: no such file or folder$/);
    const japan = await listRecords(store.db, { actor: "state:JPN", act: "recognised" });
    expect(japan.map((r) => [r.object, r.issue, r.source, r.origin])).toEqual([
      ["Kosovo", "kosovo-independence", "https://example.org/mofa", "bad.csv:2"],
    ]);
  });
});

describe("standpoint records", () => {
  let place: TestStore;
  beforeAll(() => {
    place = testStore("sqlite");
  });
  afterAll(() => place.dispose());

  it("imports the example recognitions and lists them with their source; a bad path is one line", async () => {
    const table = join(ROOT, "examples", "records", "kosovo-recognitions.csv");
    const run = await runCli(["records", "import", table, join(dir, "nowhere"), "--db", place.target]);
    expect(run.stdout).toMatch(
      /kosovo-recognitions\.csv: 0 roll calls, 10 records imported; 0 line\(s\) refused/,
    );
    expect(run.stderr).toMatch(/^standpoint: .*nowhere: no such file or folder$/m);
    expect(run.code).toBe(1);
    const list = jsonLines(
      (await runCli(["records", "list", "--actor", "Germany", "--json", "--db", place.target])).stdout,
    );
    expect(list).toEqual([
      expect.objectContaining({
        kind: "record",
        actor_id: "state:DEU",
        act: "recognised",
        date: "2008-02-20",
      }),
    ]);
    expect(list[0]?.source).toMatch(/^https:/);
  });
});
