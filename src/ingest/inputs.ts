import type { Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { asStandpointError, StandpointError } from "../errors.ts";
import type { Format } from "./article.ts";

/** File endings standpoint reads, and the format each means. */
export const EXTENSIONS: ReadonlyArray<[RegExp, Format]> = [
  [/\.(txt|text)$/i, "text"],
  [/\.(md|markdown)$/i, "markdown"],
  [/\.(html?|xhtml)$/i, "html"],
  [/\.(jsonl|ndjson)$/i, "jsonl"],
  [/\.warc(\.gz)?$/i, "warc"],
];

/** The largest document read by default (10 MiB; news articles are a few KiB). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface Input {
  /** A path, or `-` for standard input. */
  path: string;
  /** Known from the ending; standard input is sniffed when read. */
  format: Format | undefined;
  size: number;
  /** A web address (an article page or an RSS or Atom feed), fetched when read. */
  remote?: boolean;
}

export function formatOf(path: string): Format | undefined {
  if (/\.meta\.json$/i.test(path)) return undefined;
  return EXTENSIONS.find(([pattern]) => pattern.test(path))?.[1];
}

export interface Collected {
  inputs: Input[];
  errors: StandpointError[];
  /** Files in folders that are of no format standpoint reads (sidecars, images, ...). */
  skipped: number;
}

/** Expands the paths given: folders recursively (hidden entries passed over), in name order; web
 * addresses are kept as they are. */
export async function collectInputs(paths: string[]): Promise<Collected> {
  const found: Collected = { inputs: [], errors: [], skipped: 0 };
  for (const path of paths) {
    if (path === "-") {
      found.inputs.push({ path, format: undefined, size: 0 });
      continue;
    }
    if (/^https?:\/\//i.test(path)) {
      found.inputs.push({ path, format: undefined, size: 0, remote: true });
      continue;
    }
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, found);
      else {
        const format = formatOf(path);
        if (!format) {
          throw new StandpointError(
            "input",
            "not a format standpoint reads (.txt, .md, .html, .jsonl, .ndjson, .warc, .warc.gz)",
          );
        }
        found.inputs.push({ path, format, size: regularSize(info) });
      }
    } catch (error) {
      found.errors.push(asStandpointError(error, "input", path));
    }
  }
  return found;
}

/** A file's size; devices, FIFOs and sockets (a link to /dev/zero named .txt, say) have no size to
 * limit and may never end, so they are refused before anything is read. */
function regularSize(info: Stats): number {
  if (!info.isFile()) throw new StandpointError("input", "not a regular file (a device, pipe or socket)");
  return info.size;
}

async function walk(folder: string, found: Collected): Promise<void> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    found.errors.push(asStandpointError(error, "input", folder));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      const format = formatOf(entry.name);
      if (!format) {
        if (!/\.meta\.json$/i.test(entry.name)) found.skipped++;
        continue;
      }
      try {
        found.inputs.push({ path, format, size: regularSize(await stat(path)) });
      } catch (error) {
        found.errors.push(asStandpointError(error, "input", path));
      }
    }
  }
}
