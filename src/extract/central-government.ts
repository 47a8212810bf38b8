/**
 * "The central government had tried to stop the referendum": in a text about places within one
 * state (a region, a breakaway entity, a claimed territory), the central or federal government is
 * that state's. The phrase becomes a mention of the state, so that it is the subject of a stance
 * as the state's name would be.
 */

import { stateInfo } from "../world/states.ts";
import { contestedPlacesNamed } from "./contested-places.ts";
import type { Doc } from "./doc.ts";
import { named } from "./rule-ids.ts";
import type { Token } from "./types.ts";

const CENTRAL_GOVERNMENT = named("central-government");

const LEVELS = new Set(["central", "federal"]);
const HEADS = new Set(["government", "authorities"]);

/**
 * The one state every disputed place, region or territory the text names lies within, if it names
 * such places. A state that seceded long ago has a central government of its own: "the central
 * government in Juba".
 */
function stateOfPlaces(doc: Doc): string | undefined {
  const parents = new Set<string>();
  for (const code of contestedPlacesNamed(doc)) {
    const parent = stateInfo(code)?.parent;
    if (parent) parents.add(parent);
  }
  return parents.size === 1 ? [...parents][0] : undefined;
}

/** Mentions of the state for each "central government" or "federal authorities" not already named by another phrase. */
export function placeCentralGovernments(doc: Doc): void {
  let state: string | undefined | null = null;
  for (let k = 0; k + 1 < doc.tokens.length; k++) {
    const level = doc.tokens[k] as Token;
    const head = doc.tokens[k + 1] as Token;
    if (!LEVELS.has(level.key) || !HEADS.has(head.key)) continue;
    // "the central government of Iraq", "Spain's central government": the state is named already.
    if (doc.tokens[k + 2]?.key === "of" || doc.tokens[k - 1]?.key === "'s") continue;
    if ((doc.tokenEntity[k - 1] ?? -1) >= 0 || (doc.tokenEntity[k] ?? -1) >= 0) continue;
    if (state === null) state = stateOfPlaces(doc);
    if (state === undefined) return;
    doc.addMention(k, k + 2, doc.entities.state(state), "description", CENTRAL_GOVERNMENT.id);
  }
}
