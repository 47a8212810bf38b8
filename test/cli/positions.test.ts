import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestStore, testStore } from "../helpers/backends.ts";
import { jsonLines, ROOT, runCli } from "../helpers/cli.ts";

const EXAMPLES = join(ROOT, "examples", "articles");
const CODEBOOK = join(ROOT, "examples", "codebooks", "kosovo-independence.json");

describe("standpoint positions, quotes, timeline, compare, review, export", () => {
  let place: TestStore;
  let db: string[];
  beforeAll(async () => {
    place = testStore("sqlite");
    db = ["--db", place.target];
    const ingested = await runCli(["ingest", EXAMPLES, "--codebook", CODEBOOK, "-q", ...db]);
    expect(ingested.code).toBe(0);
  });
  afterAll(() => place.dispose());

  it("prints positions as text, JSON Lines and CSV, by the issue's id or its text", async () => {
    const text = await runCli(["positions", "--issue", "kosovo-independence", "--at", "2008-02-19", ...db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Independence of Kosovo \(kosovo-independence\), as of 2008-02-19/);
    expect(text.stdout).toMatch(/SUPPORT \(\d+\)[\s\S]*United Kingdom[\s\S]*OPPOSE/);
    const json = jsonLines(
      (await runCli(["positions", "--issue", "independence of Kosovo", "--json", ...db])).stdout,
    );
    const russia = json.find((p) => (p.actor as { id: string }).id === "state:RUS");
    expect(russia?.stance).toBe("oppose");
    const csv = (await runCli(["positions", "--issue", "kosovo-independence", "--csv", ...db])).stdout.split(
      "\n",
    );
    expect(csv[0]).toBe("actor_id,actor,kind,stance,since,support,oppose,neutral,conflicts,evidence");
    expect(csv.some((line) => line.startsWith("state:RUS,Russia,state,oppose,"))).toBe(true);
  });

  it("answers quotes, actors, timeline and compare", async () => {
    const quotes = jsonLines((await runCli(["quotes", "--speaker", "Tadic", "--json", ...db])).stdout);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((q) => (q.speaker as { name: string }).name === "Boris Tadić")).toBe(true);
    const actors = await runCli(["actors", "--kind", "state", "--limit", "3", ...db]);
    expect(actors.stdout.split("\n")[0]).toMatch(/^ID\s+KIND\s+DOCS\s+QUOTES\s+STANCES\s+NAMES/);
    const timeline = await runCli(["timeline", "--issue", "kosovo-independence", "--from", "2008-02", ...db]);
    expect(timeline.stdout).toMatch(/2008-02-17 .*Kosovo/);
    const compare = jsonLines(
      (await runCli(["compare", "--issue", "kosovo-independence", "--json", ...db])).stdout,
    );
    expect(compare.map((c) => c.outlet)).toContain("Balkan Wire");
  });

  it("reviews: a rejected stance leaves positions, and the decision is logged with who and why", async () => {
    const before = jsonLines(
      (await runCli(["positions", "--issue", "kosovo-independence", "--actor", "Spain", "--json", ...db]))
        .stdout,
    );
    const id = ((before[0]?.evidence ?? []) as Array<{ id: string }>)[0]?.id as string;
    const rejected = await runCli(["review", "reject", id, "--by", "ana", "--reason", "misread", ...db]);
    expect(rejected.stdout).toBe("rejected 1 item (by ana)\n");
    const after = jsonLines(
      (await runCli(["positions", "--issue", "kosovo-independence", "--actor", "Spain", "--json", ...db]))
        .stdout,
    );
    expect(after.flatMap((p) => p.evidence as Array<{ id: string }>).map((e) => e.id)).not.toContain(id);
    const listed = jsonLines(
      (await runCli(["review", "list", "--status", "rejected", "--json", ...db])).stdout,
    );
    expect(listed.map((r) => [r.id, r.reviewed_by, r.reason])).toEqual([[id, "ana", "misread"]]);
    // An edit does not bring a rejected stance back, and says so; accepting it does, with the edit.
    const edited = await runCli(["review", "edit", id, "--stance", "neutral", "--by", "ana", ...db]);
    expect(edited.stdout).toBe(
      `edited 1 item (by ana)\nit stays rejected: \`standpoint review accept ${id}\` brings it back with the edit\n`,
    );
    const spain = async () =>
      jsonLines(
        (await runCli(["positions", "--issue", "kosovo-independence", "--actor", "Spain", "--json", ...db]))
          .stdout,
      ).flatMap((p) => (p.evidence as Array<{ id: string; review: string }>).filter((e) => e.id === id));
    expect(await spain()).toEqual([]);
    await runCli(["review", "accept", id, "--by", "ana", ...db]);
    expect((await spain()).map((e) => e.review)).toEqual(["edited"]);
  });

  it("exports every table as JSON Lines and CSV files, whole", async () => {
    const out = mkdtempSync(join(tmpdir(), "standpoint-export-"));
    const csv = await runCli(["export", "--format", "csv", "--out", out, ...db]);
    expect(csv.code).toBe(0);
    for (const table of ["documents", "actors", "quotes", "stances"]) {
      expect(existsSync(join(out, `${table}.csv`))).toBe(true);
      expect(existsSync(join(out, `${table}.csv.partial`))).toBe(false);
    }
    expect(readFileSync(join(out, "stances.csv"), "utf8").split("\n")[0]).toBe(
      "id,document,issue,actor_id,via_actor_id,stance,date,evidence,rule,review,evidence_text",
    );
    const jsonl = jsonLines((await runCli(["export", "--format", "jsonl", ...db])).stdout);
    expect(new Set(jsonl.map((r) => r.type))).toEqual(new Set(["document", "actor", "quote", "stance"]));
  });

  it("names the bad input in one line: dates, issues, actors, ids, options, codebooks", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["positions", "--issue", "kosovo-independence", "--at", "2008-13-01"], /--at: not a date: 2008-13-01/],
      [["positions", "--issue", "independence of Atlantis"], /unknown issue: independence of Atlantis/],
      [["quotes", "--actor", "Atlantis"], /unknown actor: Atlantis/],
      [["review", "accept", "s-000000000000"], /no quote or stance with id s-000000000000/],
      [["review", "edit", "s-000000000000", "--stance", "maybe"], /argument 'maybe' is invalid/],
      [["export", "--format", "xml"], /argument 'xml' is invalid/],
      [["quotes", "--frm", "2008"], /unknown option '--frm'/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli([...args, ...db]);
      expect(run.code, args.join(" ")).not.toBe(0);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    const bad = join(mkdtempSync(join(tmpdir(), "standpoint-codebook-")), "bad.json");
    writeFileSync(
      bad,
      JSON.stringify({ id: "Bad Id", label: "x", target: [], propositions: ["x"], support: [], oppose: [] }),
    );
    const run = await runCli(["ingest", EXAMPLES, "--codebook", bad, ...db]);
    expect(run.stderr).toMatch(/bad\.json: field id: lower-case letters, digits and hyphens/);
  });
});
