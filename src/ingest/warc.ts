import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { StandpointError } from "../errors.ts";
import { ByteReader } from "./byte-reader.ts";
import { formatBytes } from "./jsonl.ts";

const CRLF2 = Buffer.from("\r\n\r\n");
const MAX_HEADER = 64 * 1024;

/** A page a WARC file holds: its URL, the WARC date, the payload's bytes and declared charset. */
export interface WarcPage {
  number: number;
  offset: number;
  url: string | undefined;
  recordId: string | undefined;
  crawled: string | undefined;
  contentType: string;
  body: Buffer;
}
export type WarcItem = WarcPage | { number: number; offset: number; error: StandpointError };

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** A record as read: its headers and payload (none when passed over), or what is wrong with it. */
type WarcRecord =
  | { headers: Map<string, string>; page?: { contentType: string; body: Buffer } }
  | { problem: string; fatal: boolean };

/**
 * The HTML and text pages of a WARC file (`response` records of HTTP 2xx, `resource` records).
 * Requests, metadata and non-text payloads are passed over. A malformed record ends the file with
 * an error naming the record and its byte offset; pages read before it stand.
 */
export async function* readWarc(
  chunks: AsyncIterable<Uint8Array>,
  where: string,
  maxBytes: number,
): AsyncGenerator<WarcItem> {
  const reader = new ByteReader(chunks);
  let number = 0;
  while (!(await reader.atEnd())) {
    number++;
    const offset = reader.offset;
    const record = await readRecord(reader, maxBytes);
    if ("problem" in record) {
      const error = new StandpointError(
        "input",
        `${record.problem} (record at byte ${offset})`,
        `${where}#${number}`,
      );
      yield { number, offset, error };
      if (record.fatal) return;
      continue;
    }
    const { headers, page } = record;
    if (!page || !/text\/html|application\/xhtml|text\/plain/i.test(page.contentType)) continue;
    yield {
      number,
      offset,
      url: headers.get("warc-target-uri"),
      recordId: headers.get("warc-record-id"),
      crawled: headers.get("warc-date"),
      contentType: page.contentType,
      body: page.body,
    };
  }
}

/** The next record: a response's HTTP payload, a resource's block; other types and pages too large skipped. */
async function readRecord(reader: ByteReader, maxBytes: number): Promise<WarcRecord> {
  const fatal = (problem: string): WarcRecord => ({ problem, fatal: true });
  const head = await reader.until(CRLF2, MAX_HEADER);
  if (!head) return fatal("malformed WARC: record header never ends");
  const headText = head.toString("latin1");
  if (!/^WARC\/\d\.\d/.test(headText)) return fatal("malformed WARC: record does not start with WARC/1.x");
  const headers = parseHeaders(headText);
  const length = Number(headers.get("content-length"));
  if (!Number.isInteger(length) || length < 0) return fatal("malformed WARC: missing or bad Content-Length");
  const type = headers.get("warc-type") ?? "";
  const wanted = type === "response" || type === "resource";
  if (!wanted || length > maxBytes) {
    const skipped = await reader.skip(length);
    if (skipped < length) return fatal(`truncated WARC: ${length} bytes announced, ${skipped} left`);
    if (wanted)
      return {
        problem: `too large: ${formatBytes(length)} over the limit of ${formatBytes(maxBytes)}`,
        fatal: false,
      };
    return { headers };
  }
  const block = await reader.read(length);
  if (block.length < length) return fatal(`truncated WARC: ${length} bytes announced, ${block.length} left`);
  const page =
    type === "response"
      ? httpPayload(block, maxBytes)
      : { contentType: headers.get("content-type") ?? "", body: block };
  if (typeof page === "string") return { problem: page, fatal: false };
  return page ? { headers, page } : { headers };
}

/** The body of an HTTP response: undefined when not a 2xx, a message when it cannot be decoded. */
function httpPayload(
  block: Buffer,
  maxBytes: number,
): { contentType: string; body: Buffer } | string | undefined {
  let end = block.indexOf(CRLF2);
  let sep = 4;
  if (end === -1) {
    end = block.indexOf("\n\n");
    sep = 2;
  }
  if (end === -1) return "malformed HTTP response in WARC record";
  const head = block.subarray(0, end).toString("latin1");
  const status = /^HTTP\/[\d.]+\s+(\d{3})/.exec(head);
  if (!status?.[1]?.startsWith("2")) return undefined;
  const headers = parseHeaders(head);
  let body = block.subarray(end + sep);
  try {
    if (/chunked/i.test(headers.get("transfer-encoding") ?? "")) body = dechunk(body, maxBytes);
    const encoding = (headers.get("content-encoding") ?? "").toLowerCase();
    // A small compressed body can stand for gigabytes: the limit applies to what comes out.
    const limit = { maxOutputLength: maxBytes };
    if (encoding === "gzip" || encoding === "x-gzip") body = gunzipSync(body, limit);
    else if (encoding === "deflate") body = inflateSync(body, limit);
    else if (encoding === "br") body = brotliDecompressSync(body, limit);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      return `too large: the HTTP body decompresses to over the limit of ${formatBytes(maxBytes)}`;
    return `cannot decode the HTTP body: ${(error as Error).message}`;
  }
  return { contentType: headers.get("content-type") ?? "text/html", body };
}

/** A chunked HTTP body joined; sizes are strict hex, each chunk must fit in what is left, and the
 * whole must stay within `max`, so a hostile size (negative, huge) is an error, never a loop. */
function dechunk(data: Buffer, max: number): Buffer {
  const parts: Buffer[] = [];
  let total = 0;
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", at);
    if (lineEnd === -1) throw new Error("chunked body ends early");
    const line = /^([0-9a-f]{1,8})[ \t]*(;.*)?$/i.exec(data.subarray(at, lineEnd).toString("latin1"));
    if (!line) throw new Error("bad chunk size");
    const size = Number.parseInt(line[1] as string, 16);
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (start + size > data.length) throw new Error("chunked body ends early");
    total += size;
    if (total > max) throw new Error(`over the limit of ${formatBytes(max)} once joined`);
    parts.push(data.subarray(start, start + size));
    at = start + size + 2;
  }
}
