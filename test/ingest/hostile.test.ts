import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { articles, errors, readAll } from "../helpers/read-all.ts";
import { httpResponse, warcRecord } from "../helpers/warc.ts";

// Inputs an attacker (or a broken crawler) hands to ingest: each is one clear error or a correct
// reading, in bounded time and memory, and the good files beside it are still read.

const STORY =
  "The envoy said on Monday that talks would resume. Officials in the capital said the meeting ended without a decision.";

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "standpoint-hostile-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const MiB = 1024 * 1024;

describe("WARC payloads", () => {
  it("refuses a chunk size that is negative or runs past the body, without looping", async () => {
    const bodies = ["-5\r\nabc\r\n0\r\n\r\n", "-11\r\nabcdefgh\r\n0\r\n\r\n", "ffffff\r\nabc\r\n0\r\n\r\n"];
    const dir = folder({
      "a.warc": Buffer.concat([
        ...bodies.map((b, i) =>
          warcRecord("response", `http://x/${i}`, httpResponse(b, { "Transfer-Encoding": "chunked" })),
        ),
        warcRecord("response", "http://x/ok", httpResponse(`<p>${STORY}</p>`)),
      ]),
    });
    const items = await readAll([dir]);
    expect(errors(items)).toEqual([
      expect.stringMatching(/a\.warc#1: cannot decode the HTTP body: bad chunk size/),
      expect.stringMatching(/a\.warc#2: cannot decode the HTTP body: bad chunk size/),
      expect.stringMatching(/a\.warc#3: cannot decode the HTTP body: chunked body ends early/),
    ]);
    expect(articles(items).map((a) => a.meta.url)).toEqual(["http://x/ok"]);
  });

  it("stops decompressing a body at the size limit", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MiB, 0x20));
    const dir = folder({
      "b.warc": Buffer.concat([
        warcRecord("response", "http://x/bomb", httpResponse(bomb, { "Content-Encoding": "gzip" })),
        warcRecord("response", "http://x/ok", httpResponse(`<p>${STORY}</p>`)),
      ]),
    });
    const items = await readAll([dir], MiB);
    expect(errors(items)).toEqual([
      expect.stringMatching(/b\.warc#1: too large: the HTTP body decompresses to over the limit of 1 MiB/),
    ]);
    expect(articles(items)).toHaveLength(1);
  });

  it("reads a gzipped WARC piped to standard input record by record, within the limit", async () => {
    const head = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\n";
    const huge = Buffer.concat([
      Buffer.from(`${head}Content-Length: ${8 * MiB}\r\n\r\n`),
      Buffer.alloc(8 * MiB, 0x61),
    ]);
    const ok = warcRecord("resource", "http://x/ok", STORY, { "Content-Type": "text/plain" });
    const items = await readAll(["-"], MiB, gzipSync(Buffer.concat([huge, Buffer.from("\r\n\r\n"), ok])));
    expect(errors(items)).toEqual([
      expect.stringMatching(/<stdin>#1: too large: 8 MiB over the limit of 1 MiB/),
    ]);
    expect(articles(items)).toHaveLength(1);
  });
});

describe("special and empty files", () => {
  it("refuses devices and pipes by name, whatever their ending", async () => {
    const dir = folder({ "ok.txt": STORY });
    symlinkSync("/dev/zero", join(dir, "zero.txt"));
    symlinkSync("/dev/zero", join(dir, "zero.jsonl"));
    execFileSync("mkfifo", [join(dir, "pipe.jsonl")]);
    const items = await readAll([
      join(dir, "zero.txt"),
      join(dir, "zero.jsonl"),
      join(dir, "pipe.jsonl"),
      dir,
    ]);
    expect(errors(items).filter((e) => /not a regular file/.test(e))).toHaveLength(5);
    expect(articles(items).map((a) => a.id)).toEqual(["ok"]);
  });

  it("names an empty JSON Lines or WARC file, and one of blank lines", async () => {
    const dir = folder({ "a.jsonl": "", "b.warc": "", "c.warc.gz": "", "d.jsonl": "\n \n\n" });
    expect(errors(await readAll([dir]))).toEqual([
      expect.stringMatching(/a\.jsonl: empty file$/),
      expect.stringMatching(/b\.warc: empty file$/),
      expect.stringMatching(/c\.warc\.gz: empty file$/),
      expect.stringMatching(/d\.jsonl: no records \(only blank lines\)$/),
    ]);
  });

  it("refuses NUL in a text or a field alike on every store", async () => {
    const dir = folder({
      "a.jsonl": `${JSON.stringify({ text: `A\u0000 ${STORY}` })}\n${JSON.stringify({ title: "x\u0000", text: STORY })}\n${JSON.stringify({ text: STORY })}\n`,
    });
    const items = await readAll([dir]);
    expect(errors(items)).toEqual([
      expect.stringMatching(/a\.jsonl:1: the text has a NUL character at 1$/),
      expect.stringMatching(/a\.jsonl:2: the title has a NUL character at 1$/),
    ]);
    expect(articles(items)).toHaveLength(1);
  });

  it("says standard input was empty", async () => {
    expect(errors(await readAll(["-"], undefined, ""))).toEqual([
      expect.stringMatching(/<stdin>: empty input/),
    ]);
  });
});

describe("deeply nested pages", () => {
  it("reads the text of HTML nested 100,000 levels deep", async () => {
    const depth = 100_000;
    const dir = folder({
      "deep.html": `<html><body>${"<div>".repeat(depth)}<p>${STORY}</p>${"</div>".repeat(depth)}</body></html>`,
    });
    const [page] = articles(await readAll([dir]));
    expect(page?.text).toBe(STORY);
    expect(page?.warnings).toEqual([expect.stringMatching(/nested over 4096 levels deep/)]);
  });

  it("reads a page nested past Readability's depth by its body", async () => {
    const depth = 1000;
    const dir = folder({
      "d.html": `<html><body>${"<div>".repeat(depth)}<p>${STORY}</p>${"</div>".repeat(depth)}</body></html>`,
    });
    const [page] = articles(await readAll([dir]));
    expect(page?.text).toBe(STORY);
    expect(page?.extra.truncated).toBeUndefined();
  });

  it("passes over JSON-LD nested 50,000 deep and keeps the page", async () => {
    const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
    const dir = folder({
      "ld.html": `<html><head><script type="application/ld+json">${deep}</script><title>T</title></head><body><p>${STORY}</p></body></html>`,
    });
    const items = await readAll([dir]);
    expect(errors(items)).toEqual([]);
    expect(articles(items)[0]?.text).toBe(STORY);
  });
});
