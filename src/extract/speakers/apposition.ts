/** Speakers named in or before an apposition: ", Rich Beeson,", "Katie Packer, who is chairman …". */

import { offices } from "../../world/offices.ts";
import type { Doc } from "../doc.ts";
import { named } from "../rule-ids.ts";
import type { Token } from "../types.ts";
import { type SpeakerRef, spanOf, stamp } from "./rule.ts";
import { APPOSITION_OPENERS } from "./words.ts";

/** "said Rubio's deputy campaign manager, Rich Beeson": the person an apposition names. */
const NAME_IN_APPOSITION = named("name-in-apposition");
/** "Anthony Anton, president and CEO of …, said": a person before an apposition that opens with a title or article. */
const NAME_BEFORE_APPOSITION = named("name-before-apposition");

/** The person an apposition opening at the comma `comma` names: ", Rich Beeson," or ", actress Jamie Lee Curtis." */
export function appositionPerson(doc: Doc, comma: number, limit: number): SpeakerRef | undefined {
  const { tokens } = doc;
  if (tokens[comma]?.text !== ",") return undefined;
  let end = comma + 1;
  while (end < Math.min(limit, comma + 8) && (tokens[end] as Token).kind === "word") end++;
  const person = doc.tokenEntity[end - 1] as number;
  const close = tokens[end]?.text;
  if (end === comma + 1 || person < 0 || doc.entities.get(person).kind !== "person") return undefined;
  if (close !== undefined && close !== "," && close !== "." && end < limit) return undefined;
  let first = end - 1;
  while (first > comma + 1 && doc.tokenEntity[first - 1] === person) first--;
  return stamp(NAME_IN_APPOSITION, { entity: person, span: spanOf(doc, first, end) });
}

/** The person named right before the comma at `comma` when an apposition opens after it. */
export function personBeforeApposition(doc: Doc, comma: number, floor: number): SpeakerRef | undefined {
  // "Anthony Anton, president and CEO of …": a title opens the apposition too.
  const opener = doc.tokens[comma + 1]?.key ?? "";
  const titles = offices();
  if (!APPOSITION_OPENERS.has(opener) && !titles.lastWords.has(opener) && !titles.modifiers.has(opener))
    return undefined;
  const p = doc.tokenEntity[comma - 1] as number;
  if (p < 0 || doc.entities.get(p).kind !== "person") return undefined;
  let first = comma - 1;
  while (first > floor && doc.tokenEntity[first - 1] === p) first--;
  return stamp(NAME_BEFORE_APPOSITION, { entity: p, span: spanOf(doc, first, comma) });
}

/**
 * "Nate Silver, the polling guru who founded fivethirtyeight.com tweeted", "Katie Packer, who is
 * chairman of Our Principles PAC said": a person before an apposition that never closed with its
 * comma, found back from the verb at `end`.
 */
export function unclosedApposition(doc: Doc, end: number, floor: number): SpeakerRef | undefined {
  for (let k = end - 1; k > Math.max(floor, end - 16); k--) {
    const t = doc.tokens[k] as Token;
    if (t.text === ",") return personBeforeApposition(doc, k, floor);
    if (t.kind === "punct" && t.text !== "-" && t.text !== "." && t.text !== "'s") return undefined;
  }
  return undefined;
}
