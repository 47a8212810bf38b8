import { existsSync } from "node:fs";
import type { Doc } from "../extract/doc.ts";
import { stateInfo, stateName } from "../world/states.ts";
import { type Codebook, defaultCodebook, readCodebook } from "./codebook.ts";
import { type CompiledCodebook, compile } from "./compile.ts";

/** A disputed entity named this often in a text makes its independence an issue of the text. */
const AUTO_MENTIONS = 3;

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

const cache = new Map<string, CompiledCodebook>();

export function compiled(book: Codebook): CompiledCodebook {
  const key = JSON.stringify(book);
  let c = cache.get(key);
  if (!c) {
    c = compile(book);
    cache.set(key, c);
  }
  return c;
}

/**
 * With no codebook given, the issues a text is about: the independence of each disputed entity
 * (Kosovo, Abkhazia, Western Sahara, …) it names at least three times.
 */
export function detectIssues(doc: Doc): Codebook[] {
  const counts = new Map<string, number>();
  for (const m of doc.mentions) {
    const e = doc.entities.get(m.entity);
    if (e.kind !== "state" || !e.country || m.form !== "name") continue;
    if (stateInfo(e.country)?.type !== "disputed") continue;
    counts.set(e.country, (counts.get(e.country) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n >= AUTO_MENTIONS)
    .map(([code]) => defaultCodebook(`independence of ${stateName(code)}`));
}
