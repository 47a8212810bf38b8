import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCodebook } from "../../src/codebooks/default.ts";
import { importRecords } from "../../src/records/import.ts";
import { positions } from "../../src/resolve/positions.ts";
import { timeline } from "../../src/resolve/timeline.ts";
import { createApp } from "../../src/server/app.ts";
import { saveCodebooks } from "../../src/store/codebooks.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { ROOT } from "../helpers/cli.ts";
import { ingestPaths } from "../helpers/ingest.ts";

const dir = mkdtempSync(join(tmpdir(), "standpoint-record-positions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Assembly's vote of 27 March 2014 on Ukraine's territorial integrity (four members' votes) and the Council veto of 15 March. */
function crimeaRecords(): string {
  const un = join(dir, "un");
  mkdirSync(un, { recursive: true });
  writeFileSync(
    join(un, "unvotes_roll_calls.csv"),
    '"rcid","session","importantvote","date","unres","amend","para","short","descr"\n5309,68,0,"2014-03-27","R/68/262",0,0,"UKRAINE","Territorial integrity of Ukraine"\n',
  );
  writeFileSync(
    join(un, "unvotes_votes_part.csv"),
    '"rcid","country","country_code","vote"\n5309,"Ukraine","UA","yes"\n5309,"United States","US","yes"\n5309,"Russia","RU","no"\n5309,"China","CN","abstain"\n',
  );
  writeFileSync(
    join(un, "unsc_vetoes_part.csv"),
    "year,date,month,draft,meeting_record,agenda_item,crisis_topic,region,member_veto1,member_veto2,member_veto3,single_veto,multiple_vetoes,China,France,Russia,USSR,USA,UK\n2014,3/15/2014,3,S/2014/189,S/PV.7138,Letter dated 28 February 2014 from the Permanent Representative of Ukraine,Ukraine,Europe,Russia,,,1,0,0,0,1,0,0,0\n",
  );
  return un;
}

describe.each(BACKENDS)("positions resting on records (%s)", (backend) => {
  let place: TestStore;
  let store: Store;
  beforeAll(async () => {
    place = testStore(backend);
    store = await place.open();
    await ingestPaths(store, [join(ROOT, "examples", "articles")]);
    await saveCodebooks(store.db, [defaultCodebook("annexation of Crimea by Russia")]);
    const results = await importRecords(store.db, [
      join(ROOT, "examples", "records", "kosovo-recognitions.csv"),
      crimeaRecords(),
    ]);
    expect(results.flatMap((r) => [...r.problems, ...(r.error ? [r.error] : [])])).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
    await place.dispose();
  });

  it("takes a recognition on record as a position, marked record, with its source", async () => {
    const list = await positions(store.db, "kosovo-independence", { at: "2008-03-31" });
    const japan = list.find((p) => p.actor.id === "state:JPN");
    expect(japan?.stance).toBe("support");
    expect(japan?.since).toBe("2008-03-18");
    expect(japan?.evidence).toEqual([
      expect.objectContaining({
        kind: "record",
        document: null,
        text: ["recognised Kosovo"],
        source: "https://en.wikipedia.org/wiki/International_recognition_of_Kosovo",
      }),
    ]);
    // Before its recognition Japan has no position; the record is dated.
    expect(
      (await positions(store.db, "kosovo-independence", { at: "2008-03-01" })).some(
        (p) => p.actor.id === "state:JPN",
      ),
    ).toBe(false);
    // Reports and records side by side: the United States' recognition first, then the articles.
    const usa = list.find((p) => p.actor.id === "state:USA");
    expect(usa?.evidence[0]?.kind).toBe("record");
    expect(usa?.evidence.slice(1).every((e) => e.kind === "report" && e.document)).toBe(true);
  });

  it("reads votes on the decisions that bear on an issue, each the way the decision bears", async () => {
    const list = await positions(store.db, "crimea-annexation-by-russia");
    const by = new Map(list.map((p) => [p.actor.id, p]));
    // A yes on Ukraine's territorial integrity opposes the annexation; Russia's no and its veto support it.
    expect(by.get("state:UKR")?.stance).toBe("oppose");
    expect(by.get("state:USA")?.stance).toBe("oppose");
    expect(by.get("state:CHN")?.stance).toBe("neutral");
    expect(by.get("state:RUS")?.stance).toBe("support");
    expect(by.get("state:RUS")?.since).toBe("2014-03-15");
    expect(by.get("state:RUS")?.evidence.map((e) => e.text[0])).toEqual([
      "voted no on A/RES/68/262 (Territorial integrity of Ukraine)",
      expect.stringMatching(/^vetoed S\/2014\/189 \(Letter dated 28 February 2014/),
    ]);
    // The Kosovo request for a court opinion is a question of its own: no position from it.
    const icj = await positions(store.db, "kosovo-independence");
    expect(icj.flatMap((p) => p.evidence).some((e) => /A\/RES\/63\/3/.test(e.text[0] ?? ""))).toBe(false);
  });

  it("shows recorded votes (once, with their counts) and recognitions on the timeline", async () => {
    const crimea = (await timeline(store.db, "crimea-annexation-by-russia")).filter(
      (e) => e.kind === "record",
    );
    expect(crimea.map((e) => [e.date, e.kind === "record" && e.act, e.text])).toEqual([
      ["2014-03-15", "vote", expect.stringMatching(/^UNSC vote on S\/2014\/189: 1 veto \(Letter dated/)],
      [
        "2014-03-27",
        "vote",
        expect.stringMatching(
          /^UNGA vote on A\/RES\/68\/262: 2 yes, 1 no, 1 abstain, \d+ absent \(Territorial integrity of Ukraine\)$/,
        ),
      ],
    ]);
    const kosovo = await timeline(store.db, "kosovo-independence", { from: "2008-03", to: "2008-03" });
    const japan = kosovo.find((e) => e.kind === "record" && e.actors.some((a) => a.id === "state:JPN"));
    expect(japan).toMatchObject({ date: "2008-03-18", act: "recognition", text: "Japan recognised Kosovo" });
  });

  it("serves record evidence apart from reports through the API", async () => {
    const app = createApp(store);
    const response = await app.request("/api/positions?issue=kosovo-independence&at=2008-03-31");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      positions: Array<{ actor: { id: string }; evidence: Array<{ kind: string; source: string | null }> }>;
    };
    const canada = body.positions.find((p) => p.actor.id === "state:CAN");
    expect(canada?.evidence.map((e) => [e.kind, e.source])).toEqual([
      ["record", "https://en.wikipedia.org/wiki/International_recognition_of_Kosovo"],
    ]);
  });
});
