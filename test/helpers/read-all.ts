import type { ReadItem } from "../../src/ingest/article.ts";
import { type Collected, collectInputs } from "../../src/ingest/inputs.ts";
import { DEFAULT_MAX_BYTES, readInput } from "../../src/ingest/read.ts";

/** Every item read from the given paths, collection errors first. */
export async function readAll(
  paths: string[],
  maxBytes = DEFAULT_MAX_BYTES,
  stdin?: string | Buffer,
): Promise<ReadItem[]> {
  const collected: Collected = await collectInputs(paths);
  const items: ReadItem[] = collected.errors.map((error) => ({ error, bytes: 0 }));
  const input =
    stdin === undefined
      ? undefined
      : (async function* () {
          yield Buffer.from(stdin);
        })();
  for (const entry of collected.inputs) {
    for await (const item of readInput(entry, { maxBytes, ...(input ? { stdin: input } : {}) }))
      items.push(item);
  }
  return items;
}

export function articles(items: ReadItem[]) {
  return items.flatMap((item) => ("article" in item ? [item.article] : []));
}

export function errors(items: ReadItem[]): string[] {
  return items.flatMap((item) => ("error" in item ? [item.error.line()] : []));
}
