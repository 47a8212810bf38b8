import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding standpoint's package.json, whether running from src/ or from the dist/ bundle. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("standpoint's package.json not found");
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = packageRoot();

/** A file of standpoint's reference data: `data/lexicons/words.json`. */
export function dataPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, "data", ...parts);
}

/** A JSON file of the reference data, parsed. */
export function readDataJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(dataPath(...parts), "utf8")) as T;
}

/** Makes a value the first time it is asked for: data files are read by the commands that need them. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
