/** Who annexes, read around a phrase about an annexation: "Russia's annexation of Crimea", "Russia annexed …", "… by Iraq". */

import type { Doc } from "../extract/doc.ts";
import type { Token } from "../extract/types.ts";
import { subjects } from "./actors.ts";

/** The state a token's name mention stands for, if any and not `not`. */
function stateAt(doc: Doc, j: number, not: string): string | undefined {
  const e = doc.tokenEntity[j];
  if (e === undefined || e < 0) return undefined;
  const entity = doc.entities.get(e);
  return entity.kind === "state" && entity.country && entity.country !== not ? entity.country : undefined;
}

/**
 * The code of the state that annexes in the phrase at `k`…`end` about `target`'s annexation: its
 * possessor or adjective before ("Russia's annexation", "Moscow's", "Russian annexation"), the
 * name after "by", else (unless `bySubject` is false) the subject of the clause ("Russia annexed Crimea").
 */
export function annexerAt(
  doc: Doc,
  k: number,
  end: number,
  target: string,
  bySubject = true,
): string | undefined {
  // Past words that qualify the act: "Russia's self-declared annexations".
  let j = k - 1;
  while (j > k - 4 && doc.tokens[j]?.kind === "word" && !doc.tokens[j]?.upper) j--;
  const owner = doc.tokens[j]?.key === "'s" ? stateAt(doc, j - 1, target) : stateAt(doc, j, target);
  if (owner) return owner;
  if (doc.tokens[end]?.key === "by") {
    const agent = stateAt(doc, end + 1, target);
    if (agent) return agent;
  }
  if (!bySubject) return undefined;
  const first = doc.sentences[(doc.tokens[k] as Token).sentence]?.first ?? 0;
  // "He signed treaties to annex …": a person acts for the state he holds office in.
  for (const e of subjects(doc, k, first)) {
    const entity = doc.entities.get(e);
    const country =
      entity.kind === "state"
        ? entity.country
        : entity.kind === "person"
          ? (entity.country ??
            entity.roles
              .map((r) => (r.of === undefined ? undefined : doc.entities.get(r.of).country))
              .find(Boolean))
          : undefined;
    if (country && country !== target) return country;
  }
  return undefined;
}
