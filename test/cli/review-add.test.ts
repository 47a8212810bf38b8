import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestStore, testStore } from "../helpers/backends.ts";
import { jsonLines, ROOT, runCli } from "../helpers/cli.ts";

describe("standpoint review add", () => {
  let place: TestStore;
  let db: string[];
  beforeAll(async () => {
    place = testStore("sqlite");
    db = ["--db", place.target];
    expect((await runCli(["ingest", join(ROOT, "examples", "articles"), "-q", ...db])).code).toBe(0);
  });
  afterAll(() => place.dispose());

  it("adds a stance the machine missed, counted in the positions, and refuses a passage outside the text", async () => {
    const add = [
      "review",
      "add",
      "--document",
      "2008-02-19-first-recognitions",
      "--issue",
      "kosovo-independence",
    ];
    const run = await runCli([
      ...add,
      "--from",
      "389",
      "--to",
      "397",
      "--actor",
      "Tanzania",
      "--stance",
      "neutral",
      "--by",
      "ana",
      ...db,
    ]);
    expect(run.stdout).toMatch(/^added a stance \(r-\d+-[0-9a-f]+, by ana\)$/m);
    const positions = jsonLines(
      (await runCli(["positions", "--issue", "kosovo-independence", "--json", ...db])).stdout,
    );
    expect(positions.find((p) => (p.actor as { id: string }).id === "state:TZA")).toMatchObject({
      stance: "neutral",
    });
    const bad = await runCli([
      ...add,
      "--from",
      "10",
      "--to",
      "99999",
      "--actor",
      "Tanzania",
      "--stance",
      "oppose",
      ...db,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^standpoint: not a passage of 2008-02-19-first-recognitions: 10-99999 \(the text has \d+ characters\)$/m,
    );
  });
});
