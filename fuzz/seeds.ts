import { gzipSync } from "node:zlib";

/**
 * One valid input of each format ingest reads, the starting points of the mutations, built from
 * parts so that a mutation can change a part (a page, a chunk size, a JSON field) and the envelope
 * around it is written again with the right lengths: a parser then meets the bad part itself, not
 * only a broken envelope. Each carries a story with a quote, a date and a stance, so that a mutant
 * reaches extraction too.
 */
export const STORY =
  'BELGRADE, Feb. 18 (Wire) — Serbia said on Monday it would never recognise Kosovo\'s independence. "We will not accept this," Foreign Minister Vuk Jeremic told reporters.';

export const PAGE = `<!doctype html><html><head><title>Serbia rejects</title><meta property="article:published_time" content="2008-02-18"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Serbia rejects","author":{"name":"Ann Lee"}}</script></head><body><article><h1>Serbia rejects</h1><p>${STORY}</p><p>Britain recognised Kosovo's independence.</p></article></body></html>`;

/** A WARC record: its type, target and block (for a response, the HTTP message). */
export interface WarcPart {
  type: string;
  uri: string;
  block: Buffer;
  extra?: string;
}

export function warcOf(records: WarcPart[]): Buffer {
  return Buffer.concat(
    records.map(({ type, uri, block, extra }) => {
      const head = `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2008-02-18T10:00:00Z\r\n${extra ?? ""}Content-Length: ${block.length}\r\n\r\n`;
      return Buffer.concat([Buffer.from(head), block, Buffer.from("\r\n\r\n")]);
    }),
  );
}

export function httpOf(headers: string[], body: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`HTTP/1.1 200 OK\r\n${headers.map((h) => `${h}\r\n`).join("")}\r\n`),
    body,
  ]);
}

/** A body in two chunks, with the sizes given (the true ones by default). */
export function chunkedOf(body: Buffer, sizes?: [string, string]): Buffer {
  const half = Math.floor(body.length / 2);
  const parts = [body.subarray(0, half), body.subarray(half)];
  return Buffer.concat([
    ...parts.flatMap((p, i) => [
      Buffer.from(`${sizes?.[i] ?? p.length.toString(16)}\r\n`),
      p,
      Buffer.from("\r\n"),
    ]),
    Buffer.from("0\r\n\r\n"),
  ]);
}

export function warcRecords(page = PAGE): WarcPart[] {
  const html = Buffer.from(page);
  return [
    {
      type: "request",
      uri: "http://example.org/a",
      block: Buffer.from("GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n"),
    },
    {
      type: "response",
      uri: "http://example.org/a",
      block: httpOf(
        ["Content-Type: text/html; charset=utf-8", "Transfer-Encoding: chunked"],
        chunkedOf(html),
      ),
    },
    {
      type: "response",
      uri: "http://example.org/b",
      block: httpOf(["Content-Type: text/html", "Content-Encoding: gzip"], gzipSync(html)),
    },
    {
      type: "resource",
      uri: "http://example.org/c.txt",
      block: Buffer.from(STORY),
      extra: "Content-Type: text/plain\r\n",
    },
  ];
}

export function jsonlRecords(page = PAGE): Array<Record<string, unknown>> {
  return [
    { id: "a", outlet: "Wire", published: "2008-02-18", text: STORY },
    { id: "b", html: page, meta: { publisher: "Wire", date: "2008-02-19" } },
  ];
}

export const jsonlOf = (records: Array<Record<string, unknown>>) =>
  Buffer.from(`${records.map((r) => JSON.stringify(r)).join("\n")}\n`);

/** Format name, file ending and bytes. */
export const SEEDS: ReadonlyArray<[string, string, Buffer]> = [
  ["text", ".txt", Buffer.from(`Serbia rejects\n\nBy Ann Lee\n18 February 2008\n\n${STORY}\n`)],
  ["markdown", ".md", Buffer.from(`# Serbia rejects\n\n*Ann Lee*\n\n${STORY}\n`)],
  ["html", ".html", Buffer.from(PAGE)],
  ["jsonl", ".jsonl", jsonlOf(jsonlRecords())],
  ["warc", ".warc", warcOf(warcRecords())],
  ["warc.gz", ".warc.gz", gzipSync(warcOf(warcRecords()))],
];
