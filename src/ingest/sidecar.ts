import { readFile } from "node:fs/promises";
import { StandpointError } from "../errors.ts";
import type { MetaLayer } from "./article.ts";
import { metaFromRecord } from "./fields.ts";

/** `NAME.meta.json` beside `NAME.txt`: the path where a file's sidecar would be. */
export function sidecarPath(path: string): string {
  return `${path.replace(/\.[^./]+$/, "")}.meta.json`;
}

/** The sidecar's metadata, or nothing if the file has none. A broken sidecar fails its document. */
export async function readSidecar(path: string): Promise<MetaLayer | undefined> {
  const where = sidecarPath(path);
  let raw: string;
  try {
    raw = await readFile(where, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StandpointError("input", `cannot read sidecar: ${(error as Error).message}`, where);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new StandpointError("input", `malformed JSON: ${(error as Error).message}`, where);
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new StandpointError("input", "a sidecar must hold one JSON object", where);
  }
  return { source: "sidecar", meta: metaFromRecord(data as Record<string, unknown>, where) };
}
