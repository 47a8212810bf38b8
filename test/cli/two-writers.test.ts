import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { jsonLines, runCli } from "../helpers/cli.ts";
import { reportFiles } from "../helpers/ingest.ts";

const COUNT = 80;

describe.each(BACKENDS)("two ingests of the same files at once on %s", (backend) => {
  let place: TestStore;
  let dir: string;
  beforeAll(() => {
    place = testStore(backend);
    dir = reportFiles(COUNT, 12);
  });
  afterAll(() => place.dispose());

  it("both finish without a failed document, and each document is stored once", async () => {
    const runs = await Promise.all([0, 1].map(() => runCli(["ingest", dir, "--db", place.target, "--json"])));
    for (const run of runs) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(jsonLines(run.stdout).at(-1)?.summary).toMatchObject({ failed: 0 });
    }
    const added = runs.map((r) => Number((jsonLines(r.stdout).at(-1)?.summary as { added?: number })?.added));
    expect((added[0] ?? 0) + (added[1] ?? 0)).toBe(COUNT);
    const docs = await runCli(["docs", "--db", place.target, "--json", "--limit", "1000"]);
    expect(jsonLines(docs.stdout)).toHaveLength(COUNT);
  }, 240_000);
});
