import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forumById, membersAt, readCsv } from "../../src/forums/data.ts";
import { project } from "../../src/forums/project.ts";
import { decide, type Vote } from "../../src/forums/rules.ts";
import type { Store } from "../../src/store/open.ts";
import { type TestStore, testStore } from "../helpers/backends.ts";
import { ingestPaths } from "../helpers/ingest.ts";
import { HAVE_SEEDS, SEEDS, SHARED } from "../helpers/shared.ts";

const UN = join(SHARED, "data", "un");

/**
 * Roll calls in the record whose resolution symbol marks the item, not an adopted text: the vote
 * was on an amendment, or on a rival draft the Assembly rejected. Any other failure is a bug.
 */
const NOT_ADOPTED: Record<string, RegExp> = {
  "468": /AMENDMENT/,
  "509": /AMENDMENT/,
  "982": /DRAFT RESOL/,
  "984": /DRAFT RESOL/,
  "1019": /DRAFT RESOL/,
  "1021": /DRAFT RESOL/,
  "1069": /DRAFT RESOL/,
};

describe.skipIf(!HAVE_SEEDS)("the engine against the UN's record", () => {
  const unga = forumById("unga");
  const unsc = forumById("unsc");

  it("adopts every General Assembly resolution of the sovereignty roll calls from its recorded votes", () => {
    const calls = new Map(readCsv(join(UN, "unvotes_roll_calls.csv")).map((r) => [r.rcid as string, r]));
    const votes = new Map<string, { unres: string; date: string; votes: Map<string, Vote> }>();
    for (const row of readCsv(join(UN, "unvotes_votes_sovereignty_subset.csv"))) {
      const call = votes.get(row.rcid as string) ?? {
        unres: row.unres ?? "",
        date: row.date ?? "",
        votes: new Map(),
      };
      call.votes.set(row.country_code as string, row.vote as Vote);
      votes.set(row.rcid as string, call);
    }
    const failed: string[] = [];
    let resolutions = 0;
    for (const [rcid, call] of votes) {
      if (!call.unres) continue;
      resolutions++;
      const important = calls.get(rcid)?.importantvote === "1";
      // Only those voting count; the record's codes need no membership list.
      const voters = [...call.votes.keys()].map((code) => ({ code, seat: "member" as const }));
      const outcome = decide(unga, call.date, voters, call.votes, important ? "important" : "simple");
      if (!outcome.adopted) failed.push(rcid);
    }
    expect(resolutions).toBeGreaterThan(50);
    expect(failed.sort()).toEqual(Object.keys(NOT_ADOPTED).sort());
    for (const rcid of failed) expect(calls.get(rcid)?.descr).toMatch(NOT_ADOPTED[rcid] as RegExp);
    const icj = votes.get("4831");
    expect(icj?.unres).toBe("R/63/3");
  });

  it("says not adopted for every veto on record, with the permanent members' recorded votes", () => {
    const names: Record<string, string> = {
      China: "CHN",
      France: "FRA",
      Russia: "RUS",
      USSR: "SUN",
      USA: "USA",
      UK: "GBR",
    };
    const vetoes = readCsv(join(UN, "unsc_vetoes_1946_sept2022.csv"));
    expect(vetoes.length).toBeGreaterThan(200);
    for (const veto of vetoes) {
      const [month, day, year] = (veto.date as string).split("/");
      const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      const members = membersAt(unsc, date);
      // Who vetoed: the named members, and the indicator columns (the record has gaps in each).
      const named = [veto.member_veto1, veto.member_veto2, veto.member_veto3].flatMap(
        (n) => names[n?.trim() ?? ""] ?? [],
      );
      const flagged = Object.entries(names)
        .filter(([column]) => veto[column] === "1")
        .map(([, code]) => code);
      const against = [...new Set([...named, ...flagged])];
      expect(against.length, veto.draft).toBeGreaterThan(0);
      // The hardest case for a veto: every other member votes in favour.
      const votes = new Map<string, Vote>(
        members.map((m) => [m.code, against.includes(m.code) ? "no" : "yes"]),
      );
      const outcome = decide(unsc, date, members, votes, "substantive");
      expect(outcome.adopted, `${veto.draft} ${date}`).toBe(false);
      expect(outcome.vetoes.sort(), veto.draft).toEqual(
        against.filter((c) => members.some((m) => m.code === c)).sort(),
      );
    }
  });

  describe("a Council draft on Kosovo's independence after the seed articles", () => {
    let place: TestStore;
    let store: Store;
    beforeAll(async () => {
      place = testStore("sqlite");
      store = await place.open();
      await ingestPaths(store, [SEEDS]);
    });
    afterAll(async () => {
      await store.close();
      await place.dispose();
    });

    it("is not adopted on 18 February 2008: vetoed by Russia and China, the 15 members of 2008 listed", async () => {
      const p = await project(store.db, unsc, {
        issue: "kosovo-independence",
        at: "2008-02-18",
        rule: "substantive",
        assume: [],
      });
      expect(p.adopted).toBe(false);
      expect(p.determined).toBe(true);
      expect(p.vetoes.sort()).toEqual(["CHN", "RUS"]);
      expect(p.votes.map((v) => v.member).sort()).toEqual(
        [
          "BEL",
          "BFA",
          "CHN",
          "CRI",
          "FRA",
          "GBR",
          "HRV",
          "IDN",
          "ITA",
          "LBY",
          "PAN",
          "RUS",
          "USA",
          "VNM",
          "ZAF",
        ].sort(),
      );
      for (const v of p.votes.filter((x) => x.source === "position"))
        expect(v.evidence.length).toBeGreaterThan(0);
      expect(p.unknown.sort()).toEqual(["BEL", "BFA", "CRI", "HRV", "IDN", "ITA", "LBY", "PAN"]);
      const whatIf = await project(store.db, unsc, {
        issue: "kosovo-independence",
        at: "2008-02-18",
        rule: "substantive",
        assume: ["CHN=abstain", "RUS=abstain", "VNM=yes", "ZAF=yes"],
      });
      expect(whatIf.determined).toBe(false);
      expect(whatIf.scenarios.map((s) => [s.unknown_vote, s.adopted])).toEqual([
        ["yes", true],
        ["abstain", false],
        ["no", false],
      ]);
    });

    it("rejects assumptions it cannot read, about non-members, or contradicting each other", async () => {
      const run = (assume: string[]) =>
        project(store.db, unsc, {
          issue: "kosovo-independence",
          at: "2008-02-18",
          rule: "substantive",
          assume,
        });
      await expect(run(["SRB=no"])).rejects.toThrow(/SRB is not a member of unsc on 2008-02-18/);
      await expect(run(["CHN=maybe"])).rejects.toThrow(/not a vote: maybe/);
      await expect(run(["CHN=yes", "CHN=no"])).rejects.toThrow(/contradictory assumptions for CHN/);
      await expect(run(["China"])).rejects.toThrow(/not an assumption: China/);
      expect(() => membersAt(unsc, "1940")).toThrow(/unsc did not exist on 1940/);
      expect(() => forumById("nato")).toThrow(/unknown forum: nato/);
    });
  });
});
