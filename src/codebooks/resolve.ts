import { existsSync } from "node:fs";
import { StandpointError } from "../errors.ts";
import { type Codebook, readCodebook } from "./codebook.ts";
import { DISPUTE_KINDS, defaultCodebook } from "./default.ts";

/** The shape of a codebook's id ("kosovo-independence"), which free text about an issue never has. */
const CODEBOOK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

/** An id no codebook at hand has: say where ids come from, and the issue in words its id suggests. */
function unknownId(id: string, stored: Codebook[]): StandpointError {
  const kind = DISPUTE_KINDS.find((k) => id.endsWith(`-${k}`));
  const words = kind
    ? `"${kind} of ${id.slice(0, -kind.length - 1).replace(/-/g, " ")}"`
    : '"independence of Kosovo"';
  const held = stored.length
    ? `the store holds ${stored.map((b) => b.id).join(", ")}`
    : "no store's codebooks to look in";
  return new StandpointError(
    "invalid",
    `no codebook with the id ${id} (${held}): give its file with --codebook FILE, or the issue in words, such as ${words}`,
    "--issue",
  );
}

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
    if (!book && CODEBOOK_ID.test(wanted)) throw unknownId(wanted, stored);
    if (!book) {
      const made = defaultCodebook(issue);
      // "independence of Kosovo" with a Kosovo codebook of that id at hand means that codebook.
      book = known.find((b) => b.id === made.id) ?? made;
    }
    out.set(book.id, book);
  }
  return [...out.values()];
}
