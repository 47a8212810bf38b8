import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExtractionOut } from "../../src/contract.ts";
import { collectInputs } from "../../src/ingest/inputs.ts";
import { DEFAULT_MAX_BYTES, readInput } from "../../src/ingest/read.ts";
import { extractDocument } from "../../src/pipeline/document.ts";
import { contractOf } from "../../src/pipeline/record.ts";
import { ROOT } from "../helpers/cli.ts";
import { expectGolden } from "../helpers/golden.ts";
import { HAVE_SEEDS, SEEDS, SHARED } from "../helpers/shared.ts";

async function extractAll(paths: string[]): Promise<ExtractionOut[]> {
  const out: ExtractionOut[] = [];
  const collected = await collectInputs(paths);
  for (const input of collected.inputs) {
    for await (const item of readInput(input, { maxBytes: DEFAULT_MAX_BYTES })) {
      if ("article" in item)
        out.push(
          contractOf(extractDocument({ ...item.article.meta, id: item.article.id, text: item.article.text })),
        );
    }
  }
  return out;
}

/** What a record says, without the article's own sentences: names, offsets, values, rules. */
function digest(record: ExtractionOut) {
  const names = new Map(record.actors.map((a) => [a.id, a.name]));
  return {
    id: record.id,
    published: record.published,
    actors: record.actors.map((a) => [
      a.kind,
      a.name,
      a.roles.map((r) => `${r.title}${r.of ? ` @ ${names.get(r.of)}` : ""}`),
    ]),
    quotes: record.quotes.map((q) => [
      q.start,
      q.end,
      q.kind,
      q.speaker ? names.get(q.speaker) : null,
      q.cue,
      q.rule,
    ]),
    dates: record.dates.map((d) => [d.start, d.end, d.value, d.rule]),
  };
}

describe("golden extraction of the sample articles", () => {
  it("matches test/golden/examples.json", async () => {
    const records = await extractAll([join(ROOT, "examples/articles")]);
    expectGolden(new URL("../golden/examples.json", import.meta.url), records);
  });
});

describe.skipIf(!HAVE_SEEDS)("the seed articles", () => {
  it("meet the targets of ../shared/bench/score-gold.mjs", async () => {
    const records = await extractAll([SEEDS]);
    const file = join(tmpdir(), `standpoint-seeds-${process.pid}.jsonl`);
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n"));
    const run = spawnSync(process.execPath, [join(SHARED, "bench/score-gold.mjs"), SEEDS, file, "--json"], {
      encoding: "utf8",
    });
    const { summary } = JSON.parse(run.stdout) as { summary: Record<string, number | string> };
    expect(summary.person_recall).toBeGreaterThanOrEqual(0.95);
    expect(summary.person_precision).toBeGreaterThanOrEqual(0.9);
    expect(summary.direct_quote_recall).toBeGreaterThanOrEqual(0.95);
    expect(summary.indirect_quote_recall).toBeGreaterThanOrEqual(0.8);
    expect(summary.speaker_accuracy).toBeGreaterThanOrEqual(0.95);
    expect(summary.scare_quotes_rejected).toBe("2/2");
    expect(summary.date_accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("match the digest in test/golden/seeds.json", async () => {
    const records = await extractAll([SEEDS]);
    expectGolden(new URL("../golden/seeds.json", import.meta.url), records.map(digest));
  });

  it("point every offset at its text", async () => {
    for (const record of await extractAll([SEEDS])) {
      const name = readdirSync(SEEDS).find((f) => f.startsWith(record.id) && f.endsWith(".txt")) as string;
      const text = readFileSync(join(SEEDS, name), "utf8");
      for (const q of record.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
      for (const d of record.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
    }
  });
});
