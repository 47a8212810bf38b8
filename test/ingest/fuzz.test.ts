import { describe, expect, it } from "vitest";
import { fuzzFiles, fuzzStdin } from "../../fuzz/run.ts";
import { SEEDS } from "../../fuzz/seeds.ts";

// A bounded run of `npm run fuzz`: mutants of every format through `standpoint ingest`, each
// batch followed by a good file that must be stored. No crash, hang, runaway memory or unclear
// message is allowed.
const CASES = 50;

describe("mutated inputs to ingest", () => {
  for (const [format, ext, seed] of SEEDS) {
    it(`${format}: ${CASES} mutants, each named on one clear line or read`, async () => {
      const findings = await fuzzFiles(format, ext, seed, 0, CASES, { batch: CASES, timeoutMs: 60_000 });
      expect(findings.tried).toBe(CASES);
      expect({ ...findings, peakBytes: 0, tried: 0 }).toEqual({
        tried: 0,
        crashes: [],
        hangs: [],
        overMemory: [],
        unclear: [],
        goodLost: [],
        peakBytes: 0,
      });
    }, 120_000);
  }

  it("standard input: mutants of JSON Lines and gzipped WARC", async () => {
    for (const [format, , seed] of SEEDS.filter(([f]) => f === "jsonl" || f === "warc.gz")) {
      const findings = await fuzzStdin(format, seed, 0, 5, { timeoutMs: 60_000 });
      expect(
        [...findings.crashes, ...findings.hangs, ...findings.overMemory, ...findings.unclear],
        format,
      ).toEqual([]);
    }
  }, 120_000);
});
