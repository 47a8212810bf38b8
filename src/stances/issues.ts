import type { Codebook } from "../codebooks/codebook.ts";
import { defaultCodebook } from "../codebooks/default.ts";
import type { Doc } from "../extract/doc.ts";
import { stateInfo, stateName } from "../world/states.ts";
import { type CompiledCodebook, compile } from "./compile.ts";

/** A disputed entity named this often in a text makes its independence an issue of the text. */
const AUTO_MENTIONS = 3;

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
