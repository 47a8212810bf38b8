/** The bodies a text names beside a place, for the membership issues it may be about. */

import type { Doc } from "../extract/doc.ts";
import type { Token } from "../extract/types.ts";
import { organizationInfo } from "../world/organizations.ts";

/** How many words from a body's name a place's may stand in a phrase about joining it: "Kosovo's bid to join UNESCO". */
const BODY_REACH = 12;

/**
 * For each place, the bodies it may join that the text names within a few words of it, in one
 * sentence: a list of 200 states beside the names of 20 bodies makes no 4,000 candidates.
 */
export function bodiesNear(doc: Doc): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const places = doc.mentions.filter((m) => m.form === "name" && doc.entities.get(m.entity).kind === "state");
  for (const m of doc.mentions) {
    const e = doc.entities.get(m.entity);
    const org = e.kind === "organization" && e.ref ? organizationInfo(e.ref) : undefined;
    if (!org || !MEMBER_BODY_TYPES.has(org.type)) continue;
    const at = doc.tokenAt(m.start);
    const sentence = (doc.tokens[at] as Token).sentence;
    for (const p of places) {
      const k = doc.tokenAt(p.start);
      if (Math.abs(k - at) > BODY_REACH || (doc.tokens[k] as Token).sentence !== sentence) continue;
      const code = doc.entities.get(p.entity).country as string;
      const near = out.get(code) ?? new Set<string>();
      near.add(org.name);
      out.set(code, near);
    }
  }
  return out;
}

/** The kinds of bodies of the organisations gazetteer that states join. */
const MEMBER_BODY_TYPES = new Set(["intergovernmental", "sport"]);
