import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCodebook } from "../../src/codebooks/default.ts";
import { forumById, membersAt } from "../../src/forums/data.ts";
import { project } from "../../src/forums/project.ts";
import { actsOnRecord, outcomeOnRecord } from "../../src/forums/recorded.ts";
import { importRecords } from "../../src/records/import.ts";
import { createApp } from "../../src/server/app.ts";
import { saveCodebooks } from "../../src/store/codebooks.ts";
import type { Store } from "../../src/store/open.ts";
import { type TestStore, testStore } from "../helpers/backends.ts";
import { ROOT, runCli } from "../helpers/cli.ts";
import { ingestPaths } from "../helpers/ingest.ts";
import { HAVE_SEEDS, SHARED } from "../helpers/shared.ts";

const UN = join(SHARED, "data", "un");

/** Sovereignty roll calls whose record is of an amendment or a rival draft the Assembly rejected. */
const NOT_ADOPTED = ["468", "509", "982", "984", "1019", "1021", "1069"];

describe.skipIf(!HAVE_SEEDS)("projections beside the record", () => {
  let place: TestStore;
  let store: Store;
  const unga = forumById("unga");
  beforeAll(async () => {
    place = testStore("sqlite");
    store = await place.open();
    await ingestPaths(store, [join(ROOT, "examples", "articles")]);
    await saveCodebooks(store.db, [defaultCodebook("annexation of Crimea by Russia")]);
    await importRecords(store.db, [UN, join(ROOT, "examples", "records", "kosovo-recognitions.csv")]);
  });
  afterAll(async () => {
    await store.close();
    await place.dispose();
  });

  it("decides every sovereignty resolution from its stored votes as recorded", async () => {
    const calls = await store.db
      .selectFrom("roll_calls")
      .select(["id", "date", "important", "outcome", "symbol"])
      .where("forum", "=", "unga")
      .where("symbol", "!=", "")
      .where(
        "id",
        "in",
        store.db
          .selectFrom("records")
          .select("roll_call_id")
          .where("date", "<", "2007-01-01")
          .where("roll_call_id", "is not", null)
          .$narrowType<{ roll_call_id: string }>(),
      )
      .execute();
    expect(calls.length).toBeGreaterThan(50);
    const failed: string[] = [];
    for (const call of calls) {
      const acts = await actsOnRecord(store.db, call.id);
      const r = outcomeOnRecord(unga, call, membersAt(unga, call.date), acts);
      if (!r.adopted) failed.push(call.id.replace("unga:", ""));
    }
    expect(failed.sort()).toEqual([...NOT_ADOPTED].sort());
  });

  it("puts the Assembly's vote on the court opinion request beside the projection, member by member", async () => {
    const p = await project(store.db, unga, {
      issue: "kosovo-independence",
      at: "2008-10-08",
      rule: "simple",
      assume: [],
    });
    expect(p.recorded.map((r) => [r.symbol, r.bears, r.adopted])).toEqual([
      ["A/RES/63/3", "own-issue", true],
    ]);
    const r = p.recorded[0];
    expect(r?.counts).toEqual({ yes: 78, no: 6, abstain: 73, absent: 35, veto: 0, unrecorded: 0 });
    const by = new Map(r?.members.map((m) => [m.member, m]));
    // Serbia opposed independence and asked for the opinion: as projected. The United States voted no: as projected.
    expect(by.get("SRB")).toMatchObject({
      recorded: "yes",
      as_endorsement: "no",
      projected: "no",
      agreement: "agrees",
    });
    expect(by.get("USA")).toMatchObject({ recorded: "no", as_endorsement: "yes", agreement: "agrees" });
    // France recognised Kosovo and abstained; Afghanistan recognised it and voted for the request.
    expect(by.get("FRA")?.agreement).toBe("differs");
    expect(by.get("AFG")?.agreement).toBe("contradicts");
    expect(r?.differences[0]?.agreement).toBe("contradicts");
    expect(p.unknown.length).toBeGreaterThan(150);
    expect(p.determined).toBe(false);
    expect(p.turning?.vote).toBe("no");
  });

  it("leads with what is unknown, lists the members that decide, and names the record", async () => {
    const run = await runCli([
      "forum",
      "project",
      "unga",
      "--issue",
      "kosovo-independence",
      "--at",
      "2008-10-08",
      "--db",
      place.target,
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[1]).toMatch(/^\d{3} of 192 members have no known position: the outcome turns on them\.$/);
    expect(lines[2]).toMatch(/^On the \d+ known positions alone it would be adopted/);
    expect(run.stdout).toMatch(/… and \d{3} other members with no known position \(--json lists all\)/);
    expect(run.stdout).not.toMatch(/^(ADOPTED|NOT ADOPTED)/m);
    expect(run.stdout).toMatch(/^ON RECORD: A\/RES\/63\/3, 2008-10-08/m);
    expect(run.stdout).toMatch(/78 yes, 6 no, 73 abstain, 35 absent: adopted/);
    expect(run.stdout).toMatch(/AFG Afghanistan\s+yes\s+yes\s+no\s+contradicts/);
  });

  it("projects a vote that bears as a stance the record's way round", async () => {
    const p = await project(store.db, unga, {
      issue: "crimea-annexation-by-russia",
      at: "2014-03-27",
      rule: "simple",
      assume: [],
    });
    const r = p.recorded[0];
    expect([r?.symbol, r?.bears, r?.adopted]).toEqual(["A/RES/68/262", "stance", true]);
    const by = new Map(r?.members.map((m) => [m.member, m]));
    // Ukraine voted for its territorial integrity: a no on a draft endorsing the annexation.
    expect(by.get("UKR")).toMatchObject({
      recorded: "yes",
      as_endorsement: "no",
      projected: "no",
      agreement: "agrees",
    });
    expect(by.get("RUS")).toMatchObject({ recorded: "no", as_endorsement: "yes", projected: "yes" });
  });

  it("offers a forum only where it bears on the issue", async () => {
    await expect(
      project(store.db, forumById("contact-group"), {
        issue: "crimea-annexation-by-russia",
        at: "2014-03-27",
        rule: "consensus",
        assume: [],
      }),
    ).rejects.toThrow(/contact-group does not bear on .*Crimea/);
    const app = createApp(store);
    const ids = async (issue: string) =>
      ((await (await app.request(`/api/forums?issue=${issue}`)).json()) as Array<{ id: string }>).map(
        (f) => f.id,
      );
    expect(await ids("crimea-annexation-by-russia")).not.toContain("contact-group");
    expect(await ids("kosovo-independence")).toContain("contact-group");
    const refused = await app.request(
      "/api/forums/contact-group/project?issue=crimea-annexation-by-russia&at=2014-03-27",
    );
    expect(refused.status).toBe(400);
  });
});
