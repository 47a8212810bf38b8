import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

/**
 * Compares a value with the golden file, or, with UPDATE_GOLDEN=1, rewrites the file: review the
 * diff of the golden file before committing it.
 */
export function expectGolden(path: URL, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 1)}\n`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) {
    writeFileSync(path, text);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, "utf8")));
}
