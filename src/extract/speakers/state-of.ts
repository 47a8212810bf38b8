/** The state an unnamed speaker's description places it in: named inside it, owned, or owned earlier. */

import { organizationInfo } from "../../world/organizations.ts";
import { states } from "../../world/states.ts";
import { lastMention } from "../descriptions.ts";
import type { Doc } from "../doc.ts";
import { STATE_POSSESSORS, speaksForState } from "../lexicons.ts";
import type { Token } from "../types.ts";

/**
 * A state named inside a token range, as an entity: by its name or adjective, else as the state of
 * a body named there ("a Foreign Office spokesman").
 */
export function stateIn(doc: Doc, first: number, last: number): number | undefined {
  let body: string | undefined;
  for (let k = first; k < last; k++) {
    const e = doc.tokenEntity[k] as number;
    if (e < 0) continue;
    const { kind, country } = doc.entities.get(e);
    if (!country || !states().has(country)) continue;
    if (kind === "state") return e;
    if (kind === "organization") body ??= country;
  }
  return body === undefined ? undefined : doc.entities.state(body);
}

/** "its foreign ministry", "the country's government": the state or place named last before, as the owner. */
export function possessorState(doc: Doc, first: number, end: number): number | undefined {
  // "Scholz's spokesman", "his office": the state of the official whose they are.
  for (let k = first; k < end; k++) {
    const t = doc.tokens[k] as Token;
    const named = doc.tokenEntity[k] ?? -1;
    const person =
      named >= 0 && doc.tokens[k + 1]?.key === "'s"
        ? named
        : t.key === "his" || t.key === "her"
          ? doc.pronouns.get(t.start)
          : undefined;
    if (person === undefined || doc.entities.get(person).kind !== "person") continue;
    const state = officialsState(doc, person);
    if (state !== undefined) return state;
  }
  let owned = false;
  for (let k = first; k < end && !owned; k++) {
    const key = (doc.tokens[k] as Token).key;
    owned = key === "its" || (STATE_POSSESSORS.has(key) && doc.tokens[k + 1]?.key === "'s");
  }
  if (!owned) return undefined;
  const before = (doc.tokens[first] as Token).start;
  return lastMention(doc, before, (_m, e) => e.kind === "state" && states().has(e.country ?? ""))?.entity;
}

/** How far back "the ministry" may find the state that owned a ministry: "Taiwan's Foreign Ministry also announced …". */
const OWNED_REACH = 120;

/**
 * The state whose possessive, adjective or body came just before the last earlier use of the head
 * noun `head`: "Taiwan's Foreign Ministry … the ministry", "The Serbian government said … the
 * government said", "A Spanish Foreign Ministry official said … the official said".
 */
export function possessedEarlier(doc: Doc, head: string, first: number): number | undefined {
  for (let k = first - 1; k >= Math.max(0, first - OWNED_REACH); k--) {
    if ((doc.tokens[k] as Token).key !== head) continue;
    for (let j = k - 1; j >= k - 3; j--) {
      const key = doc.tokens[j]?.key;
      const e = (key === "'s" ? doc.tokenEntity[j - 1] : doc.tokenEntity[j]) ?? -1;
      if (key === "'s" || doc.adjectives.has(j))
        return e >= 0 && doc.entities.get(e).kind === "state" ? e : undefined;
      const body = e >= 0 ? doc.entities.get(e) : undefined;
      if (body?.kind === "organization" && body.country && states().has(body.country))
        return doc.entities.state(body.country);
    }
  }
  return undefined;
}

/** The state a person holds an office of, or is placed in: the state their spokesman or office speaks for. */
function officialsState(doc: Doc, person: number): number | undefined {
  const e = doc.entities.get(person);
  for (const role of e.roles) {
    const code = role.of === undefined ? undefined : doc.entities.get(role.of).country;
    if (code && states().has(code)) return doc.entities.state(code);
  }
  return e.country && states().has(e.country) ? doc.entities.state(e.country) : undefined;
}

/**
 * "a statement from his office", "a letter from the country's foreign ministry": the state of the
 * voice a document comes from, named in the phrase after its noun (`end` … `phraseEnd`).
 */
export function issuingVoiceState(doc: Doc, end: number, phraseEnd: number): number | undefined {
  if (doc.tokens[end]?.key !== "from" || phraseEnd <= end + 1) return undefined;
  const words = doc.tokens.slice(end + 1, phraseEnd).map((t) => t.key);
  if (!speaksForState(words)) return undefined;
  return stateIn(doc, end + 1, phraseEnd) ?? possessorState(doc, end + 1, phraseEnd);
}

/** "a U.N. official", "an EU spokesman": an international body named inside a description, which its voice speaks for. */
export function internationalBodyIn(doc: Doc, first: number, last: number): number | undefined {
  for (let k = first; k < last; k++) {
    const e = doc.tokenEntity[k] as number;
    if (e < 0) continue;
    const entity = doc.entities.get(e);
    if (
      entity.kind === "organization" &&
      entity.ref &&
      organizationInfo(entity.ref)?.type === "intergovernmental"
    )
      return e;
  }
  return undefined;
}
