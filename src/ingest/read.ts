import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { asStandpointError, StandpointError } from "../errors.ts";
import { extraFields, type Format, idFromUrl, type MetaLayer, type ReadItem } from "./article.ts";
import { metaFromRecord } from "./fields.ts";
import type { Input } from "./inputs.ts";

export { DEFAULT_MAX_BYTES } from "./inputs.ts";

import { splitLines, tooLarge } from "./jsonl.ts";
import { readSidecar } from "./sidecar.ts";
import { peek, readUpTo } from "./streams.ts";
import { articleFromBytes, articleFromHtml, articleFromText } from "./to-article.ts";
import { readWarc } from "./warc.ts";
import type { Fetcher } from "./web/fetcher.ts";

export interface ReadOptions {
  /** The largest document (or JSON Lines line, or WARC record) read, in bytes. */
  maxBytes: number;
  /** Standard input, for `-`. */
  stdin?: AsyncIterable<Uint8Array>;
  /** Fetches web addresses given as inputs, politely; without one they are refused. */
  fetcher?: Fetcher;
  /** Feed entries dated before this (an ISO date) are passed over. */
  since?: string;
}

/** JSON Lines fields that are neither metadata nor text; they are not kept as extras. */
const NOT_EXTRA = new Set(
  "id url outlet publisher site_name title author authors published date dateline text html quotes meta".split(
    " ",
  ),
);

/** Reads every article of one input; errors come as items, so the rest of the input goes on. */
export async function* readInput(input: Input, options: ReadOptions): AsyncGenerator<ReadItem> {
  const where = input.path === "-" ? "<stdin>" : input.path;
  try {
    if (input.path === "-") {
      yield* readStdin(where, options);
    } else if (input.remote) {
      if (!options.fetcher) throw new StandpointError("input", "web addresses are not read here", where);
      // The feed parser loads only for runs that read the web.
      const { readWeb } = await import("./web/read-web.ts");
      yield* readWeb(input.path, options.fetcher, options);
    } else if (input.size === 0) {
      throw new StandpointError("input", "empty file", where);
    } else if (input.format === "jsonl") {
      yield* readJsonl(createReadStream(input.path, { highWaterMark: 1 << 20 }), where, options);
    } else if (input.format === "warc") {
      const raw = createReadStream(input.path, { highWaterMark: 1 << 20 });
      yield* readWarcPages(raw, /\.gz$/i.test(input.path), where, options);
    } else {
      if (input.size > options.maxBytes) throw tooLarge(input.size, options.maxBytes, where);
      const bytes = await readFile(input.path);
      const sidecar = await readSidecar(input.path);
      const format = input.format ?? "text";
      const kind = format === "html" ? "html" : "text";
      const article = articleFromBytes(
        bytes,
        kind,
        format,
        where,
        sidecar ? [sidecar] : [],
        stem(input.path),
      );
      yield { article, bytes: input.size };
    }
  } catch (error) {
    yield { error: asStandpointError(error, "input", where), bytes: input.size };
  }
}

function stem(path: string): string {
  return basename(path).replace(/\.[^.]+$/, "");
}

/** Standard input, its format told by its first bytes; streamed, so a large or endless pipe is
 * read record by record within `maxBytes`, never held whole. */
async function* readStdin(where: string, options: ReadOptions): AsyncGenerator<ReadItem> {
  if (!options.stdin) throw new StandpointError("input", "standard input is not available", where);
  const { head, rest } = await peek(options.stdin, 64);
  if (!head.length) throw new StandpointError("input", "empty input (nothing on standard input)", where);
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const start = head.toString("latin1").trimStart();
  if (gzipped || start.startsWith("WARC/")) {
    yield* readWarcPages(Readable.from(rest), gzipped, where, options);
  } else if (start.startsWith("{")) {
    yield* readJsonl(rest, where, options);
  } else {
    const bytes = await readUpTo(rest, options.maxBytes);
    if (!bytes) throw tooLarge(undefined, options.maxBytes, where);
    const format: Format = start.startsWith("<") ? "html" : "text";
    yield { article: articleFromBytes(bytes, format, format, where, [], undefined), bytes: bytes.length };
  }
}

async function* readJsonl(
  chunks: AsyncIterable<Uint8Array>,
  where: string,
  options: ReadOptions,
): AsyncGenerator<ReadItem> {
  const name = where === "<stdin>" ? "stdin" : stem(where);
  let lines = 0;
  for await (const line of splitLines(chunks, where, options.maxBytes)) {
    lines++;
    const here = `${where}:${line.number}`;
    if ("error" in line) {
      yield { error: line.error, bytes: line.bytes };
      continue;
    }
    try {
      let record: unknown;
      try {
        record = JSON.parse(line.text);
      } catch (error) {
        throw new StandpointError("input", `malformed JSON: ${(error as Error).message}`, here);
      }
      if (!record || typeof record !== "object" || Array.isArray(record)) {
        throw new StandpointError("input", "each line must be one JSON object", here);
      }
      const fields = record as Record<string, unknown>;
      const layers: MetaLayer[] = [{ source: "jsonl", meta: metaFromRecord(fields, here) }];
      // A nested "meta" object (PolNeAR's publisher and date, say) counts after the top-level fields.
      const nested = fields.meta;
      if (nested && typeof nested === "object" && !Array.isArray(nested)) {
        layers.push({
          source: "jsonl-meta",
          meta: metaFromRecord(nested as Record<string, unknown>, `${here} meta`),
        });
      }
      const html = typeof fields.html === "string" ? fields.html : undefined;
      const text = typeof fields.text === "string" ? fields.text : undefined;
      if (!html?.trim() && !text?.trim())
        throw new StandpointError("input", 'no "text" or "html" field with content', here);
      const article = html?.trim()
        ? articleFromHtml(html, "jsonl", here, layers, `${name}-${line.number}`)
        : articleFromText(text as string, "jsonl", here, layers, `${name}-${line.number}`);
      article.extra = { ...extraFields(fields, NOT_EXTRA), ...article.extra };
      yield { article, bytes: line.bytes };
    } catch (error) {
      yield { error: asStandpointError(error, "input", here), bytes: line.bytes };
    }
  }
  if (!lines) yield { error: new StandpointError("input", "no records (only blank lines)", where), bytes: 0 };
}

async function* readWarcPages(
  raw: AsyncIterable<Uint8Array> & Partial<NodeJS.ReadableStream>,
  gzipped: boolean,
  where: string,
  options: ReadOptions,
): AsyncGenerator<ReadItem> {
  // Progress counts the bytes read from disk, which for .warc.gz are fewer than those parsed.
  let consumed = 0;
  let reported = 0;
  raw.on?.("data", (chunk: Uint8Array) => {
    consumed += chunk.length;
  });
  const source =
    gzipped && raw.pipe ? (raw.pipe(createGunzip()) as unknown as AsyncIterable<Uint8Array>) : raw;
  const progress = () => {
    const bytes = consumed - reported;
    reported = consumed;
    return bytes;
  };
  try {
    for await (const page of readWarc(source, where, options.maxBytes)) {
      if ("error" in page) {
        yield { error: page.error, bytes: progress() };
        continue;
      }
      const here = `${where}#${page.number}`;
      try {
        const id = page.url ? idFromUrl(page.url) : page.recordId;
        const layer: MetaLayer = { source: "warc", meta: { id, url: page.url } };
        const charset = /charset=([\w-]+)/i.exec(page.contentType)?.[1];
        const kind = /text\/plain/i.test(page.contentType) ? "text" : "html";
        const article = articleFromBytes(page.body, kind, "warc", here, [layer], undefined, charset);
        if (page.crawled) article.extra.crawled = page.crawled;
        yield { article, bytes: progress() };
      } catch (error) {
        yield { error: asStandpointError(error, "input", here), bytes: progress() };
      }
    }
  } catch (error) {
    yield {
      error: new StandpointError("input", `cannot read: ${(error as Error).message}`, where),
      bytes: progress(),
    };
  }
}
