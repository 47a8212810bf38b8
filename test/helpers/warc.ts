import { gzipSync } from "node:zlib";

/** One WARC record with the given type, target and block, as crawlers write them. */
export function warcRecord(
  type: string,
  uri: string,
  block: Buffer | string,
  extra: Record<string, string> = {},
): Buffer {
  const body = Buffer.isBuffer(block) ? block : Buffer.from(block);
  const headers = {
    "WARC-Type": type,
    "WARC-Record-ID": `<urn:uuid:${Math.random().toString(16).slice(2)}>`,
    "WARC-Date": "2008-02-19T10:00:00Z",
    "WARC-Target-URI": uri,
    ...extra,
    "Content-Length": String(body.length),
  };
  const head = `WARC/1.0\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n")}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), body, Buffer.from("\r\n\r\n")]);
}

export function httpResponse(
  html: string | Buffer,
  headers: Record<string, string> = {},
  status = "200 OK",
): Buffer {
  const body = Buffer.isBuffer(html) ? html : Buffer.from(html);
  const head = `HTTP/1.1 ${status}\r\n${Object.entries({
    "Content-Type": "text/html; charset=utf-8",
    ...headers,
  })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n")}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), body]);
}

export function chunked(body: Buffer): Buffer {
  const half = Math.floor(body.length / 2);
  const parts = [body.subarray(0, half), body.subarray(half)];
  return Buffer.concat([
    ...parts.flatMap((p) => [Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from("\r\n")]),
    Buffer.from("0\r\n\r\n"),
  ]);
}

/** Gzip members one per record, as .warc.gz files are written. */
export function gzipRecords(records: Buffer[]): Buffer {
  return Buffer.concat(records.map((r) => gzipSync(r)));
}
