import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonLines, runCli } from "../helpers/cli.ts";

describe("standpoint extract", () => {
  it("prints the contract of DESIGN.md, one document a line, offsets into the text", async () => {
    const run = await runCli(["extract", "examples/articles", "--json", "--with-text"]);
    expect(run.code).toBe(0);
    const records = jsonLines(run.stdout);
    expect(records).toHaveLength(9);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(
        expect.arrayContaining([
          "id",
          "title",
          "outlet",
          "author",
          "published",
          "url",
          "actors",
          "quotes",
          "stances",
          "dates",
          "text",
        ]),
      );
      const text = record.text as string;
      for (const q of record.quotes as Array<{
        start: number;
        end: number;
        text: string;
        speaker: string | null;
      }>) {
        expect(text.slice(q.start, q.end)).toBe(q.text);
      }
      const ids = new Set((record.actors as Array<{ id: string }>).map((a) => a.id));
      for (const q of record.quotes as Array<{ speaker: string | null }>)
        if (q.speaker) expect(ids.has(q.speaker)).toBe(true);
    }
    const council = records.find((r) => r.id === "2008-02-18-security-council-meeting");
    const author = ((council?.actors ?? []) as Array<{ name: string; roles: Array<{ title: string }> }>).find(
      (a) => a.name === "Daniel Reyes",
    );
    expect(author?.roles).toContainEqual({ title: "author" });
  });

  it("explains each quote's rule and cue", async () => {
    const run = await runCli([
      "extract",
      "examples/articles/2008-02-18-security-council-meeting.txt",
      "--explain",
    ]);
    expect(run.stdout).toMatch(/Vitaly Churkin reportedly: the declaration was "a blatant break/);
    expect(run.stdout).toMatch(/rule reported-say\/name-before-cue, cue "said"/);
  });

  it("prints with --jobs 2 or 3 exactly what one thread prints, in input order", async () => {
    const args = ["extract", "examples/articles", "--json", "--with-text", "--learned", "-q"];
    const one = await runCli([...args, "--jobs", "1"]);
    const two = await runCli([...args, "--jobs", "2"]);
    expect(two.code).toBe(0);
    expect(two.stderr).toBe(one.stderr);
    expect(jsonLines(two.stdout).length).toBeGreaterThan(5);
    expect(two.stdout).toBe(one.stdout);
    // This thread and two workers sharing the documents, printed as text.
    const text = ["extract", "examples/articles", "--explain", "-q"];
    const alone = await runCli([...text, "--jobs", "1"]);
    const three = await runCli([...text, "--jobs", "3"]);
    expect(three.stdout).toBe(alone.stdout);
  });

  it("refuses a number of jobs it cannot run, on one line", async () => {
    for (const jobs of ["0", "999", "two"]) {
      const run = await runCli(["extract", "examples/articles", "--jobs", jobs]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^[^\n]*not a number of jobs from 1 to 64: ${jobs}\n$`));
    }
  });

  it("reads stances with the learned model too only when asked with --learned", async () => {
    const input =
      "Kosovo declared independence on Sunday. Serbia recalled its ambassador from Washington in protest.";
    const rules = (run: { stdout: string }) =>
      jsonLines(run.stdout).flatMap((r) => (r.stances as Array<{ rule: string }>).map((s) => s.rule));
    const plain = await runCli(["extract", "-", "--json", "--issue", "independence of Kosovo"], { input });
    const learned = await runCli(
      ["extract", "-", "--json", "--issue", "independence of Kosovo", "--learned"],
      {
        input,
      },
    );
    expect(rules(plain)).not.toContain("learned:stance-pairs");
    expect(rules(learned)).toContain("learned:stance-pairs");
  });

  it("takes --issue as the id of a codebook the store holds, and says where ids come from when none has it", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "standpoint-extract-")), "store.db");
    await runCli(["ingest", "examples/articles", "-q", "--db", db]);
    const file = "examples/articles/2008-02-19-first-recognitions.html";
    const held = await runCli(["extract", file, "--json", "--issue", "kosovo-independence", "--db", db]);
    expect(held.code).toBe(0);
    const issues = jsonLines(held.stdout).flatMap((r) =>
      (r.stances as Array<{ issue: string }>).map((x) => x.issue),
    );
    expect(issues.length).toBeGreaterThan(0);
    expect(new Set(issues)).toEqual(new Set(["kosovo-independence"]));
    const none = await runCli(["extract", file, "--issue", "kosovo-independence", "--db", `${db}.absent`]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(
      /^standpoint: --issue: no codebook with the id kosovo-independence .*--codebook FILE.*"independence of kosovo"\n$/,
    );
  });

  it("reads standard input and reports bad files on one line each", async () => {
    const run = await runCli(["extract", "-", "nope.txt", "--json"], {
      input: "Russia said the declaration was illegal and void.",
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("standpoint: nope.txt: no such file or folder");
    expect(jsonLines(run.stdout)[0]).toMatchObject({
      quotes: [{ kind: "indirect", text: "the declaration was illegal and void" }],
    });
  });
});
