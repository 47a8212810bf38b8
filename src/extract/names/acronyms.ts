/** A body's acronym given in parentheses after its name: "the Southern Transitional Council (STC)". */

import type { Doc } from "../doc.ts";
import type { Token } from "../types.ts";

/** An acronym's length in letters: "UN" to "MASSOB". */
const ACRONYM = /^[A-Z]{2,7}$/;

/**
 * Where a body's name is followed by an acronym in parentheses that no stage knew as a body of its
 * own, the acronym and every later use of it name that body: "the Ministry of External Affairs
 * (MEA) said … the MEA said" is one ministry, placed where the first was.
 */
export function linkAcronyms(doc: Doc): void {
  const { tokens } = doc;
  for (let k = 1; k + 2 < tokens.length; k++) {
    if ((tokens[k] as Token).text !== "(" || (tokens[k + 2] as Token).text !== ")") continue;
    const acronym = tokens[k + 1] as Token;
    const body = doc.tokenEntity[k - 1] as number;
    if (!ACRONYM.test(acronym.text) || body < 0 || doc.entities.get(body).kind !== "organization") continue;
    const own = doc.tokenEntity[k + 1] as number;
    // "(UN)", "(AFP)": a body the gazetteer knows stands for itself.
    if (own >= 0 && (own === body || doc.entities.get(own).ref !== undefined)) continue;
    merge(doc, acronym.key, body);
  }
}

/** Every mention of the acronym `key` as a body becomes one of `body`. */
function merge(doc: Doc, key: string, body: number): void {
  const entity = doc.entities.get(body);
  entity.aliases.add(key.toUpperCase());
  for (const m of doc.mentions) {
    const k = doc.tokenAt(m.start);
    if (m.end !== (doc.tokens[k] as Token).end || (doc.tokens[k] as Token).key !== key) continue;
    const other = doc.entities.get(m.entity);
    if (m.entity === body || other.kind !== "organization" || other.ref !== undefined) continue;
    m.entity = body;
    doc.tokenEntity[k] = body;
  }
}
