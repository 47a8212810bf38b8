import { existsSync } from "node:fs";
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
