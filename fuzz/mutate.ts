import { gzipSync } from "node:zlib";
import { random } from "../bench/generate.ts";
import { chunkedOf, httpOf, jsonlOf, jsonlRecords, PAGE, STORY, warcOf, warcRecords } from "./seeds.ts";

/**
 * Seeded mutations of an input: what a broken crawler, a truncated download or an attacker makes
 * of a good file. Byte mutations break anything; part mutations change one part of a format (the
 * page, a chunk size, a JSON field) and write the envelope again, so the part's own parser is hit.
 * The same number gives the same mutant, so a failing case is rebuilt from its number.
 */
type Rand = () => number;

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/** Pieces that parsers trip on, large ones included. */
const TOKENS: Array<(rand: Rand) => string> = [
  () => "\u0000",
  () => "\r\n\r\n",
  () => "\u202e\ud800\u001b[2J\u001b]8;;http://x\u0007",
  () => "<div>".repeat(100_000),
  () => "<p>".repeat(3000),
  () => "[".repeat(60_000),
  () => "{".repeat(60_000),
  () => '"'.repeat(5000),
  () => "</html><html>",
  () => "<script>",
  () => "<!--",
  () => `${"Kosovo, ".repeat(2000)}and Serbia`,
  () => "“".repeat(3000),
  () => "\n".repeat(5000),
  () => `${"word ".repeat(2000)}said the minister.`,
  (rand) => String.fromCharCode(...Array.from({ length: 64 }, () => Math.floor(rand() * 0xffff))),
];

const EXTREME_SIZES = ["ffffffff", "7fffffff", "zz", "", "0x10", "1;ext=1", "00000000000000000001"];

/** A chunk size: an odd one, or a small negative or positive number in hex. */
function chunkSize(rand: Rand): string {
  if (rand() < 0.4) return pick(rand, EXTREME_SIZES);
  const n = Math.floor(rand() * 64) - 48;
  return n < 0 ? `-${(-n).toString(16)}` : n.toString(16);
}

let bomb: Buffer | undefined;
/** Gzip members that inflate to 1.5 GiB, from 64 MiB compressed once. */
function gzipBomb(): Buffer {
  bomb ??= Buffer.concat(Array.from({ length: 24 }, () => gzipSync(Buffer.alloc(64 << 20, 0x20))));
  return bomb;
}

/** Inserts a token somewhere in a text, most often in a page's body. */
function withToken(text: string, rand: Rand): string {
  const body = text.indexOf("<body");
  const from = body >= 0 && rand() < 0.7 ? body : 0;
  const at = from + Math.floor(rand() * (text.length - from + 1));
  return text.slice(0, at) + pick(rand, TOKENS)(rand) + text.slice(at);
}

type Mutation = (data: Buffer, rand: Rand) => Buffer;

const at = (data: Buffer, rand: Rand) => Math.floor(rand() * (data.length + 1));

const BYTES: Mutation[] = [
  (data, rand) => {
    const out = Buffer.from(data);
    for (let i = 0; i < 1 + Math.floor(rand() * 8); i++)
      out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
    return out;
  },
  (data, rand) => data.subarray(0, at(data, rand)),
  (data, rand) => {
    const a = at(data, rand);
    return Buffer.concat([
      data.subarray(0, a),
      data.subarray(Math.min(data.length, a + Math.floor(rand() * 200))),
    ]);
  },
  (data, rand) => {
    const p = at(data, rand);
    return Buffer.concat([data.subarray(0, p), Buffer.from(pick(rand, TOKENS)(rand)), data.subarray(p)]);
  },
  (data, rand) => {
    const a = at(data, rand);
    const piece = data.subarray(a, Math.min(data.length, a + 1 + Math.floor(rand() * 64)));
    return Buffer.concat([data.subarray(0, a), Buffer.alloc(piece.length * 500, piece), data.subarray(a)]);
  },
  (_data, rand) =>
    Buffer.from(Array.from({ length: Math.floor(rand() * 4096) }, () => Math.floor(rand() * 256))),
];

/** A WARC with one part changed: the page, a chunk size, the compression, or a bomb of a body. */
function warcMutant(rand: Rand): Buffer {
  const records = warcRecords(rand() < 0.4 ? withToken(PAGE, rand) : PAGE);
  const html = Buffer.from(rand() < 0.3 ? withToken(PAGE, rand) : PAGE);
  const choice = rand();
  const response = records[1] as (typeof records)[number];
  if (choice < 0.3) {
    const sizes: [string, string] = [chunkSize(rand), chunkSize(rand)];
    response.block = httpOf(
      ["Content-Type: text/html", "Transfer-Encoding: chunked"],
      chunkedOf(html, sizes),
    );
  } else if (choice < 0.45) {
    // A small body that inflates to far more than any limit.
    response.block = httpOf(["Content-Type: text/html", "Content-Encoding: gzip"], gzipBomb());
  } else if (choice < 0.6) {
    response.block = httpOf([`Content-Encoding: ${pick(rand, ["gzip", "deflate", "br", "x-gzip"])}`], html);
  } else if (choice < 0.75) {
    const extra = pick(rand, [
      "Content-Length: -1\r\n",
      "WARC-Type: response\r\n",
      "Content-Type: text/html\r\n",
    ]);
    response.extra = extra;
  } else response.block = Buffer.from(withToken(response.block.toString("latin1"), rand), "latin1");
  const out = warcOf(records);
  return rand() < 0.2 ? (pick(rand, BYTES) as Mutation)(out, rand) : out;
}

/** JSON Lines with a field changed in a record that is still JSON. */
function jsonlMutant(rand: Rand): Buffer {
  const records = jsonlRecords(rand() < 0.4 ? withToken(PAGE, rand) : PAGE);
  const record = pick(rand, records);
  const field = pick(rand, ["id", "text", "html", "title", "outlet", "published", "author", "url", "meta"]);
  const value = rand();
  if (value < 0.5) record[field] = withToken(String(record[field] ?? STORY), rand);
  else if (value < 0.7) record[field] = pick(rand, [null, 42, [], {}, true, "", "   "]);
  else if (value < 0.85) record[field] = JSON.parse(`${"[".repeat(2000)}${"]".repeat(2000)}`);
  else record.text = `${STORY} ${"x".repeat(Math.floor(rand() * 200_000))}`;
  const out = jsonlOf(records);
  return rand() < 0.2 ? (pick(rand, BYTES) as Mutation)(out, rand) : out;
}

/** Mutant `n` of a format's seed. */
export function mutant(format: string, seed: Buffer, n: number): Buffer {
  const rand = random(n * 2654435761 + 17);
  if ((format === "warc" || format === "warc.gz") && rand() < 0.6) {
    const warc = warcMutant(rand);
    return format === "warc.gz" ? gzipSync(warc) : warc;
  }
  if (format === "jsonl" && rand() < 0.6) return jsonlMutant(rand);
  if ((format === "html" || format === "text" || format === "markdown") && rand() < 0.4)
    return Buffer.from(withToken(seed.toString("utf8"), rand));
  let data = seed;
  for (let i = 0; i < 1 + Math.floor(rand() * 3); i++) data = (pick(rand, BYTES) as Mutation)(data, rand);
  return data;
}
