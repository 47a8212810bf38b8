import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";

describe("standpoint demo", () => {
  it("ingests the sample articles and prints documents, positions and a Council projection", async () => {
    const dir = mkdtempSync(join(tmpdir(), "standpoint-demo-"));
    try {
      const run = await runCli(["demo", "--no-serve", "-q", "--db", join(dir, "demo.db")]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        /8 added, 0 unchanged, 0 replaced, 1 duplicate, 0 failed; 1 near-copy grouped/,
      );
      expect(run.stdout).toMatch(/2008-02-19-first-recognitions\s+Continental Post/);
      expect(run.stdout).toMatch(/Independence of Kosovo \(kosovo-independence\), as of 2008-02-18/);
      expect(run.stdout).toMatch(/SUPPORT \(\d+\)[\s\S]*United Kingdom[\s\S]*OPPOSE \(\d+\)[\s\S]*Russia/);
      expect(run.stdout).toMatch(/NOT ADOPTED: .*vetoed by CHN, RUS/);
      const again = await runCli(["demo", "--no-serve", "-q", "--db", join(dir, "demo.db")]);
      expect(again.stdout).toMatch(/0 added, 9 unchanged, 0 replaced, 0 duplicates, 0 failed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
