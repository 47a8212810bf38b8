/** The body that adopted a text the narrative names only as "the resolution". */

import { organizationInfo } from "../../world/organizations.ts";
import type { Doc } from "../doc.ts";
import { ADOPTED_DOCUMENTS, ADOPTING_BODIES } from "../lexicons.ts";
import type { Token } from "../types.ts";

/** The kinds of body that adopt such texts. */
const ADOPTING_TYPES = new Set(["intergovernmental", "legislature", "government", "court"]);

/**
 * "The U.N. General Assembly on Friday put French Polynesia on the list … The resolution "affirms
 * …"": for a document noun `head` that bodies adopt, the adopting body named last before `first`
 * whose name ends in an assembly's or council's noun, however far back (a report of a vote names the
 * council once, then tells the vote), else any other adopting body within `reach` sentences ("the
 * U.N. decolonization list" names the UN, which adopts nothing there).
 */
export function adoptingBodyBefore(doc: Doc, head: string, first: number, reach: number): number | undefined {
  if (!ADOPTED_DOCUMENTS.has(head)) return undefined;
  const here = (doc.tokens[first] as Token).sentence;
  const floor = doc.sentences[Math.max(0, here - reach)]?.first ?? 0;
  let other: number | undefined;
  for (let k = first - 1; k >= 0; k--) {
    const e = doc.tokenEntity[k] as number;
    if (e < 0) continue;
    const entity = doc.entities.get(e);
    const type =
      entity.kind === "organization" && entity.ref ? organizationInfo(entity.ref)?.type : undefined;
    if (!type || !ADOPTING_TYPES.has(type)) continue;
    if (ADOPTING_BODIES.has(entity.name.toLowerCase().split(/\s+/).pop() ?? "")) return e;
    if (k >= floor) other ??= e;
  }
  return other;
}
