import { StandpointError } from "../errors.ts";
import { decodeText } from "./decode.ts";

export interface Line {
  number: number;
  text: string;
  bytes: number;
}
export type LineItem = Line | { number: number; error: StandpointError; bytes: number };

/**
 * Splits a byte stream into numbered UTF-8 lines. A line that is not UTF-8, or longer than
 * `maxBytes`, becomes an error for that line alone; the lines after it are read as usual.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
  where: string,
  maxBytes: number,
): AsyncGenerator<LineItem> {
  let parts: Buffer[] = [];
  let length = 0;
  let number = 0;
  let oversize = false;
  const finish = (): LineItem | undefined => {
    number++;
    const bytes = length + 1;
    const buffer = Buffer.concat(parts);
    parts = [];
    length = 0;
    if (oversize) {
      oversize = false;
      return {
        number,
        bytes,
        error: new StandpointError("too_large", `line over ${formatBytes(maxBytes)}`, `${where}:${number}`),
      };
    }
    if (buffer.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) return undefined;
    try {
      return { number, bytes, text: decodeText(buffer, `${where}:${number}`) };
    } catch (error) {
      return { number, bytes, error: error as StandpointError };
    }
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const piece = Buffer.from(chunk.subarray(start, nl === -1 ? chunk.length : nl));
      if (!oversize) {
        if (length + piece.length > maxBytes) {
          oversize = true;
          parts = [];
        } else parts.push(piece);
      }
      length += piece.length;
      if (nl === -1) break;
      const item = finish();
      if (item) yield item;
      start = nl + 1;
    }
  }
  if (length > 0) {
    const item = finish();
    if (item) yield item;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(n % (1 << 20) ? 1 : 0)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(n % (1 << 10) ? 1 : 0)} KiB`;
  return `${n} bytes`;
}

/** The error for a document over the size limit; `size` is left out where reading stopped at the
 * limit and the whole was never known. */
export function tooLarge(size: number | undefined, max: number, where: string): StandpointError {
  const amount = size === undefined ? "" : ` ${formatBytes(size)}`;
  return new StandpointError(
    "too_large",
    `too large:${amount} over the limit of ${formatBytes(max)} (see --max-size)`,
    where,
  );
}
