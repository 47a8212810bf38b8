import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestStore, testStore } from "../helpers/backends.ts";
import { jsonLines, runCli } from "../helpers/cli.ts";
import { articlesFile } from "../helpers/ingest.ts";

const ARTICLES = [
  {
    id: "one",
    published: "1999-06-10",
    text: 'WASHINGTON — "Kosovo will be free," President Bill Clinton said on Thursday.',
  },
  {
    id: "two",
    published: "1999-06-11",
    text: 'WASHINGTON — "We back the settlement for Kosovo," President William Jefferson Clinton said on Friday.',
  },
];

describe("standpoint actors merge, unmerge and merges", () => {
  let place: TestStore;
  let db: string[];
  beforeAll(async () => {
    place = testStore("sqlite");
    db = ["--db", place.target];
    expect((await runCli(["ingest", articlesFile(ARTICLES), "-q", ...db])).code).toBe(0);
  });
  afterAll(() => place.dispose());

  it("merges with who and why, shows the merge, and undoes it", async () => {
    const quotes = async () =>
      jsonLines((await runCli(["quotes", "--speaker", "Bill Clinton", "--json", ...db])).stdout).length;
    expect(await quotes()).toBe(1);
    const merged = await runCli([
      "actors",
      "merge",
      "William Jefferson Clinton",
      "Bill Clinton",
      "--reviewer",
      "ana",
      "--reason",
      "one man",
      ...db,
    ]);
    expect(merged.stdout).toMatch(
      /^merged person:william-jefferson-clinton into person:bill-clinton \(r-\d+-[0-9a-f]+; undo: standpoint actors unmerge person:william-jefferson-clinton\)$/m,
    );
    expect(await quotes()).toBe(2);
    const unmerged = await runCli([
      "actors",
      "unmerge",
      "person:william-jefferson-clinton",
      "--reviewer",
      "bo",
      ...db,
    ]);
    expect(unmerged.code).toBe(0);
    expect(await quotes()).toBe(1);
    const log = jsonLines((await runCli(["actors", "merges", "--json", ...db])).stdout);
    expect(log).toEqual([
      expect.objectContaining({
        reviewer: "ana",
        reason: "one man",
        undone: expect.objectContaining({ reviewer: "bo" }),
      }),
    ]);
    const bad = await runCli(["actors", "merge", "Bill Clinton", "Atlantis", "--reviewer", "ana", ...db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^standpoint: unknown actor: Atlantis/);
  });
});
