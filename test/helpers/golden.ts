import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

/**
 * Compares a value with the golden file, or, with UPDATE_GOLDEN=1, writes the file: review the
 * diff of the golden file before committing it. A missing golden file fails.
 */
export function expectGolden(path: URL, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 1)}\n`;
  if (process.env.UPDATE_GOLDEN === "1") {
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path))
    throw new Error(`no golden file at ${path.pathname}: write it with UPDATE_GOLDEN=1 and review it`);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, "utf8")));
}
