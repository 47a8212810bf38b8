import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articles, errors, readAll } from "../helpers/read-all.ts";
import { HAVE_SEEDS, SEEDS } from "../helpers/shared.ts";
import { chunked, gzipRecords, httpResponse, warcRecord } from "../helpers/warc.ts";

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "standpoint-formats-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const STORY =
  "The Security Council met on Monday to discuss the declaration. Diplomats said the meeting ended without a decision, and the talks will resume next week after consultations in the capitals.";

describe.skipIf(!HAVE_SEEDS)("the seed articles", () => {
  it("give author, date and title from the text of 000, date and outlet from the sidecar of 003", async () => {
    const [a, b] = articles(await readAll([SEEDS]));
    expect(a?.id).toBe("000_ab43830253b2613d");
    expect(a?.meta).toMatchObject({
      author: "Paul Mitchell",
      published: "2007-07-23",
      title: "US and Russia at loggerheads over Kosovo independence",
    });
    expect(a?.provenance).toMatchObject({ author: "text", published: "text", id: "file-name" });
    expect(b?.id).toBe("003_d2821416fc5f562e");
    expect(b?.meta).toMatchObject({
      published: "2008-02",
      outlet: "People's World",
      dateline: "UNITED NATIONS",
    });
    expect(b?.provenance).toMatchObject({ published: "sidecar", outlet: "sidecar", dateline: "text" });
    expect(b?.text.length).toBe(4930);
  });
});

describe("plain text and Markdown", () => {
  it("reads a byline, a date line and a wire dateline", async () => {
    const dir = folder({
      "wire.txt": `Serbia recalls its envoy\n\nBy Jane Doe and John Smith, Reuters\nUpdated on Feb 18, 2008\n\nBELGRADE (Reuters) - ${STORY}\n`,
    });
    const [a] = articles(await readAll([dir]));
    expect(a?.meta).toMatchObject({
      id: "wire",
      title: "Serbia recalls its envoy",
      author: "Jane Doe and John Smith",
      published: "2008-02-18",
      dateline: "BELGRADE",
      outlet: "Reuters",
    });
  });

  it("reads a date line under the headline with a credit in brackets before it", async () => {
    const dir = folder({
      "a.txt": `Kosovo marks six months\n(Staff) Wednesday, August 27, 2008\n\n${STORY}\n`,
    });
    const [a] = articles(await readAll([dir]));
    expect(a?.meta).toMatchObject({ title: "Kosovo marks six months", published: "2008-08-27" });
  });

  it("takes a Markdown heading as title and an emphasised name as byline", async () => {
    const dir = folder({
      "a.md": `# Talks end without a deal\n\n*Tomas Lindqvist*\n10 December 2007\n\n${STORY}\n`,
    });
    const [a] = articles(await readAll([dir]));
    expect(a?.format).toBe("markdown");
    expect(a?.meta).toMatchObject({
      title: "Talks end without a deal",
      author: "Tomas Lindqvist",
      published: "2007-12-10",
    });
  });

  it("keeps a month-only date at month precision and never guesses a year", async () => {
    const dir = folder({
      "a.txt": `Title line here\n\nFebruary 2008\n\n${STORY}`,
      "b.txt": `Title line here\n\nFeb. 18\n\n${STORY}`,
    });
    const [a, b] = articles(await readAll([dir]));
    expect(a?.meta.published).toBe("2008-02");
    expect(b?.meta.published).toBeUndefined();
  });

  it("lets a sidecar win over the text, and names a broken sidecar", async () => {
    const dir = folder({
      "a.txt": `By Jane Doe\n23 July 2007\n\n${STORY}`,
      "a.meta.json": JSON.stringify({
        author: ["Ann Lee", "Bo Chan"],
        published: "2007-07-24",
        outlet: "Wire",
      }),
      "b.txt": STORY,
      "b.meta.json": "{ not json",
    });
    const items = await readAll([dir]);
    expect(articles(items)[0]?.meta).toMatchObject({
      author: "Ann Lee, Bo Chan",
      published: "2007-07-24",
      outlet: "Wire",
    });
    expect(errors(items)).toEqual([expect.stringMatching(/b\.meta\.json: malformed JSON/)]);
  });

  it("keeps the text as given, with CRLF line ends made LF and a BOM dropped", async () => {
    const dir = folder({
      "a.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Kos\u030Covo\r\nline two\r\n")]),
    });
    const [a] = articles(await readAll([dir]));
    expect(a?.text).toBe("Kos\u030Covo\nline two\n");
  });
});

describe("HTML", () => {
  const page = (body: string, head = "") =>
    `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><nav>Home | World | Sport | Weather</nav>${body}<footer>Copyright the outlet</footer><script>var x = 1;</script></body></html>`;

  it("pulls the article text and metadata from meta tags", async () => {
    const dir = folder({
      "p.html": page(
        `<article><h1>Headline</h1><p>${STORY}</p><p>${STORY}</p></article>`,
        `<meta property="og:title" content="Kosovo declares independence"><meta name="author" content="By Mira Kovač"><meta property="article:published_time" content="2008-02-17T19:05:00+01:00"><meta property="og:site_name" content="Meridian Daily"><link rel="canonical" href="https://example.org/a">`,
      ),
    });
    const [a] = articles(await readAll([dir]));
    expect(a?.meta).toMatchObject({
      title: "Kosovo declares independence",
      author: "Mira Kovač",
      published: "2008-02-17",
      outlet: "Meridian Daily",
      url: "https://example.org/a",
    });
    expect(a?.text).toContain(STORY);
    expect(a?.text).toMatch(/\.\n\nThe Security/);
    expect(a?.text).not.toMatch(/var x|Copyright|Sport/);
  });

  it("reads JSON-LD and <time>, passing over a broken JSON-LD block", async () => {
    const ld = JSON.stringify({
      "@context": "https://schema.org",
      "@graph": [
        {
          "@type": "NewsArticle",
          headline: "From JSON-LD",
          author: { name: "Ann Lee" },
          publisher: { name: "Wire" },
        },
      ],
    });
    const dir = folder({
      "p.html": page(
        `<article><p><time datetime="2008-02-18">18 Feb</time></p><p>${STORY}</p></article>`,
        `<script type="application/ld+json">{broken</script><script type="application/ld+json">${ld}</script>`,
      ),
    });
    const [a] = articles(await readAll([dir]));
    expect(a?.meta).toMatchObject({
      title: "From JSON-LD",
      author: "Ann Lee",
      outlet: "Wire",
      published: "2008-02-18",
    });
    expect(a?.provenance).toMatchObject({ title: "json-ld", published: "html-meta" });
  });

  it("decodes a page in the charset it declares", async () => {
    const html = page(`<p>${STORY} Ko\u0161tunica and caf\u00e9.</p>`).replace("utf-8", "windows-1250");
    const bytes = Buffer.from(html.replace("\u0161", "\u0000").replace("\u00e9", "\u0001"), "latin1");
    bytes[bytes.indexOf(0)] = 0x9a;
    bytes[bytes.indexOf(1)] = 0xe9;
    const [a] = articles(await readAll([folder({ "p.html": bytes })]));
    expect(a?.text).toContain("Koštunica and café");
  });

  it("stores a truncated page with a warning", async () => {
    const dir = folder({
      "t.html": `<html><head><title>T</title></head><body><article><p>${STORY}</p><p>The ministry said`,
    });
    const [a] = articles(await readAll([dir]));
    expect(a?.warnings).toEqual([expect.stringMatching(/truncated HTML/)]);
    expect(a?.text).toContain("The ministry said");
  });

  it("refuses a page without text", async () => {
    const items = await readAll([folder({ "e.html": "<html><body><script>x()</script></body></html>" })]);
    expect(errors(items)).toEqual([expect.stringMatching(/e\.html: no article text in the page/)]);
  });
});

describe("JSON Lines", () => {
  it("reads every field, html as well as text, and goes on past bad lines", async () => {
    const lines = [
      JSON.stringify({
        id: "a1",
        url: "https://www.example.com/x",
        title: "T",
        author: ["A B", "C D"],
        published: "2008-02-18",
        text: STORY,
        section: "world",
      }),
      "{not json",
      JSON.stringify({ id: "a3" }),
      "",
      JSON.stringify({ html: `<p>${STORY}</p>`, meta: { publisher: "nyt", date: "2016-09-08" } }),
      JSON.stringify({ id: 7, text: STORY, published: "someday" }),
      "[1,2]",
    ];
    const items = await readAll([folder({ "batch.jsonl": lines.join("\n") })]);
    const [a, b] = articles(items);
    expect(a?.meta).toMatchObject({
      id: "a1",
      author: "A B, C D",
      published: "2008-02-18",
      outlet: "example.com",
    });
    expect(a?.provenance.outlet).toBe("url");
    expect(a?.extra).toEqual({ section: "world" });
    expect(a?.source).toMatch(/batch\.jsonl:1$/);
    expect(b?.id).toBe("batch-5");
    expect(b?.meta).toMatchObject({ outlet: "nyt", published: "2016-09-08" });
    expect(errors(items)).toEqual([
      expect.stringMatching(/batch\.jsonl:2: malformed JSON/),
      expect.stringMatching(/batch\.jsonl:3: no "text" or "html" field/),
      expect.stringMatching(/batch\.jsonl:6: field "published" is not a date: "someday"/),
      expect.stringMatching(/batch\.jsonl:7: each line must be one JSON object/),
    ]);
  });

  it("reports a line of invalid UTF-8 or over the size limit by its number", async () => {
    const good = Buffer.from(`${JSON.stringify({ id: "g", text: STORY })}\n`);
    const bad = Buffer.concat([
      Buffer.from('{"id":"b","text":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n'),
    ]);
    const long = Buffer.from(`${JSON.stringify({ id: "l", text: "x".repeat(5000) })}\n`);
    const items = await readAll([folder({ "m.ndjson": Buffer.concat([good, bad, long, good]) })], 2000);
    expect(articles(items).map((a) => a.id)).toEqual(["g", "g"]);
    expect(errors(items)).toEqual([
      expect.stringMatching(/m\.ndjson:2: invalid UTF-8 at byte 21/),
      expect.stringMatching(/m\.ndjson:3: line over/),
    ]);
  });

  it("accepts PolNeAR's lines (id, text, quotes, meta)", async () => {
    const line = {
      id: "polnear/dev/x",
      text: STORY,
      quotes: [{ start: 0, end: 5 }],
      meta: { publisher: "politico", date: "2016-09-08", annotator: "x" },
    };
    const [a] = articles(await readAll([folder({ "dev.jsonl": JSON.stringify(line) })]));
    expect(a).toMatchObject({ id: "polnear/dev/x", text: STORY, extra: {} });
    expect(a?.meta).toMatchObject({ outlet: "politico", published: "2016-09-08" });
  });
});

describe("WARC", () => {
  const html = (title: string) =>
    `<html><head><title>${title}</title><meta property="article:published_time" content="2008-02-19"></head><body><article><p>${STORY}</p></article></body></html>`;

  it("reads HTML responses, decoding chunked and gzip bodies, passing over requests and images", async () => {
    const { gzipSync } = await import("node:zlib");
    const records = [
      warcRecord("warcinfo", "", "software: test"),
      warcRecord("request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n"),
      warcRecord("response", "https://news.example/a", httpResponse(html("First"))),
      warcRecord(
        "response",
        "https://news.example/img.png",
        httpResponse(Buffer.from([137, 80, 78, 71]), { "Content-Type": "image/png" }),
      ),
      warcRecord(
        "response",
        "https://news.example/b/",
        httpResponse(chunked(gzipSync(html("Second"))), {
          "Transfer-Encoding": "chunked",
          "Content-Encoding": "gzip",
        }),
      ),
      warcRecord("response", "https://news.example/gone", httpResponse("<p>gone</p>", {}, "404 Not Found")),
    ];
    const dir = folder({ "crawl.warc": Buffer.concat(records), "crawl2.warc.gz": gzipRecords(records) });
    const items = await readAll([dir]);
    expect(errors(items)).toEqual([]);
    const found = articles(items);
    expect(found.map((a) => [a.id, a.meta.title, a.meta.published])).toEqual([
      ["news.example/a", "First", "2008-02-19"],
      ["news.example/b", "Second", "2008-02-19"],
      ["news.example/a", "First", "2008-02-19"],
      ["news.example/b", "Second", "2008-02-19"],
    ]);
    expect(found[0]?.extra.crawled).toBe("2008-02-19T10:00:00Z");
    expect(found[0]?.source).toMatch(/crawl\.warc#3$/);
  });

  it("names a malformed or truncated record and keeps the pages before it", async () => {
    const good = warcRecord("response", "https://news.example/a", httpResponse(html("First")));
    const truncated = Buffer.concat([good, good.subarray(0, good.length - 40)]);
    const garbage = Buffer.concat([good, Buffer.from("HTTP/1.1 200 OK\r\n\r\nnot a warc record")]);
    const items = await readAll([folder({ "t.warc": truncated, "g.warc": garbage })]);
    expect(articles(items)).toHaveLength(2);
    expect(errors(items)).toEqual([
      expect.stringMatching(
        /g\.warc#2: malformed WARC: record does not start with WARC\/1\.x \(record at byte \d+\)/,
      ),
      expect.stringMatching(/t\.warc#2: truncated WARC/),
    ]);
  });
});

describe("standard input", () => {
  it("sniffs text, HTML and JSON Lines", async () => {
    const text = articles(await readAll(["-"], undefined, `By Jane Doe\n23 July 2007\n\n${STORY}`));
    expect(text[0]?.id).toMatch(/^stdin-[0-9a-f]{12}$/);
    expect(text[0]?.meta.author).toBe("Jane Doe");
    const html = articles(await readAll(["-"], undefined, `<html><body><p>${STORY}</p></body></html>`));
    expect(html[0]?.format).toBe("html");
    const lines = articles(await readAll(["-"], undefined, `${JSON.stringify({ id: "x", text: STORY })}\n`));
    expect(lines[0]?.id).toBe("x");
  });
});

describe("bad input, one error each", () => {
  it("names the file and the problem", async () => {
    const big = Buffer.alloc(3000, 0x61);
    const dir = folder({
      "empty.txt": "",
      "blank.txt": "  \n\n \n",
      "binary.txt": Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]),
      "latin1.txt": Buffer.from("caf\u00e9 au lait", "latin1"),
      "big.txt": big,
      "ok.txt": STORY,
      "notes.pdf": "%PDF",
    });
    const items = await readAll([dir, join(dir, "missing.txt"), join(dir, "notes.pdf")], 2048);
    expect(articles(items).map((a) => a.id)).toEqual(["ok"]);
    const lines = errors(items);
    expect(lines).toHaveLength(7);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/missing\.txt: no such file or folder$/),
        expect.stringMatching(/notes\.pdf: not a format standpoint reads/),
        expect.stringMatching(/big\.txt: too large: 2\.9 KiB over the limit of 2 KiB/),
        expect.stringMatching(/binary\.txt: binary data, not text/),
        expect.stringMatching(/blank\.txt: empty document/),
        expect.stringMatching(/empty\.txt: empty file$/),
        expect.stringMatching(/latin1\.txt: invalid UTF-8 at byte 3$/),
      ]),
    );
  });
});
