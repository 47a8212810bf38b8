import { existsSync } from "node:fs";
import { type Codebook, readCodebook } from "./codebook.ts";
import { defaultCodebook } from "./default.ts";

/**
 * The codebooks a command works with: `--codebook FILE`s, then `--issue` values, each a stored
 * codebook's id or the free text it came from, or free text for the default codebook.
 */
export function resolveCodebooks(
  options: { issue?: string[]; codebook?: string[] },
  stored: Codebook[] = [],
): Codebook[] {
  const out = new Map<string, Codebook>();
  for (const path of options.codebook ?? []) {
    const book = readCodebook(path);
    out.set(book.id, book);
  }
  for (const issue of options.issue ?? []) {
    const known = [...out.values(), ...stored];
    const wanted = issue.trim().toLowerCase();
    let book = known.find((b) => b.id === wanted || b.source?.toLowerCase() === wanted);
    if (!book && existsSync(issue)) book = readCodebook(issue);
    if (!book) {
      const made = defaultCodebook(issue);
      // "independence of Kosovo" with a Kosovo codebook of that id at hand means that codebook.
      book = known.find((b) => b.id === made.id) ?? made;
    }
    out.set(book.id, book);
  }
  return [...out.values()];
}
