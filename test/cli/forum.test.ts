import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestStore, testStore } from "../helpers/backends.ts";
import { jsonLines, ROOT, runCli } from "../helpers/cli.ts";

describe("standpoint forum", () => {
  const project = ["forum", "project", "unsc", "--issue", "kosovo-independence", "--at", "2008-02-18"];
  let place: TestStore;
  let db: string[];
  beforeAll(async () => {
    place = testStore("sqlite");
    db = ["--db", place.target];
    const ingested = await runCli(["ingest", join(ROOT, "examples", "articles"), "-q", ...db]);
    expect(ingested.code).toBe(0);
  });
  afterAll(() => place.dispose());

  it("projects a Council draft with reasons, votes, evidence and what-ifs as JSON", async () => {
    const run = await runCli([...project, "--json", ...db]);
    expect(run.code).toBe(0);
    const p = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(p.adopted).toBe(false);
    expect(p.vetoes).toContain("RUS");
    expect((p.votes as unknown[]).length).toBe(15);
    expect(Array.isArray(p.unknown)).toBe(true);
    const text = await runCli([
      "forum",
      "project",
      "unsc",
      "--issue",
      "independence of Kosovo",
      "--at",
      "2008-02-18",
      "--assume",
      "RUS=abstain",
      ...db,
    ]);
    expect(text.stdout).toMatch(/^UN Security Council, 2008-02-18: a draft endorsing Independence of Kosovo/);
    expect(text.stdout).toMatch(/RUS Russia\s+permanent\s+abstain\s+assumed/);
  });

  it("prints exact voting power as fractions and decimals", async () => {
    const rows = jsonLines((await runCli(["forum", "power", "unsc", "--at", "2008", "--json"])).stdout);
    expect(rows.find((r) => r.member === "CHN")?.shapley_shubik).toBe("421/2145");
    expect(rows.find((r) => r.member === "BEL")?.banzhaf).toBe("21/1270");
    const eu = await runCli([
      "forum",
      "power",
      "eu-council",
      "--at",
      "2024",
      "--rule",
      "qmv",
      "--index",
      "banzhaf",
    ]);
    expect(eu.stdout.split("\n")[1]).toMatch(/^MEMBER\s+SEAT\s+BANZHAF\s+\(EXACT\)$/);
  });

  it("names bad input in one line: forum, date, assumption, rule", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["forum", "power", "nato"], /unknown forum: nato \(unsc, unga, contact-group, eu-council\)/],
      [["forum", "members", "unsc", "--at", "1940"], /unsc did not exist on 1940/],
      [[...project, "--assume", "SRB=no"], /SRB is not a member of unsc/],
      [[...project, "--assume", "CHN=yes", "--assume", "CHN=no"], /contradictory assumptions for CHN/],
      [["forum", "power", "unsc", "--rule", "qmv"], /unsc decides by substantive or procedural, not qmv/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli([...args, ...(args[1] === "project" ? db : [])]);
      expect(run.code, args.join(" ")).not.toBe(0);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
  });
});
