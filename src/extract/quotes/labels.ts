/** Quotes whose speaker is set beside them without a verb: a transcript's label, a dash and a name. */

import { keyOf } from "../../world/fold.ts";
import { isTitleWord } from "../../world/offices.ts";
import type { Doc } from "../doc.ts";
import { named } from "../rule-ids.ts";
import { stamp } from "../speakers/rule.ts";
import { familyName } from "../surnames.ts";
import type { QuotedRegion, Token } from "../types.ts";
import { type Attribution, attributed, type CueRule } from "./attribution.ts";

/** `"PENCE: Well, look, …"`: a transcript's speaker label opening the quoted text. */
const LABEL: CueRule = named("label");
const TRANSCRIPT_LABEL = named("transcript-label");
/** `"…" ― Pamela Padilla` or `"…" —Trump`: a dash and a name after the quote. */
const DASH: CueRule = named("dash");
const NAME_AFTER_DASH = named("name-after-dash");

/**
 * A transcript's speaker label opening the quoted text: `"PENCE: Well, look, …"`. The label names
 * the speaker (a person of the document with that surname, else a person of that name) and the
 * quote starts after it (`resume` holds that offset).
 */
export function speakerLabel(doc: Doc, region: QuotedRegion): (Attribution & { resume: number }) | undefined {
  const inner = doc.text.slice(region.inner.start, region.inner.start + 40);
  const match = /^\s*((?:\p{Lu}[\p{Lu}'’.-]+)(?: \p{Lu}[\p{Lu}'’.-]+){0,2}):\s+/u.exec(inner);
  if (!match?.[1]) return undefined;
  const label = match[1];
  const key = keyOf(label);
  const known = doc.entities.list.findIndex(
    (e) => e.kind === "person" && familyName(e.name) === key.split(" ").pop(),
  );
  const name = label.toLowerCase().replace(/(^|[\s'’-])\p{Ll}/gu, (c) => c.toUpperCase());
  const entity = known >= 0 ? known : doc.entities.person(name);
  const start = region.inner.start + inner.indexOf(label);
  const speaker = stamp(TRANSCRIPT_LABEL, { entity, span: { start, end: start + label.length } });
  return { ...attributed(LABEL, speaker), resume: region.inner.start + match[0].length };
}

/** `"…" ― Pamela Padilla` or `"…" —Trump`: a dash and a name after the quote. */
export function dashAttribution(doc: Doc, region: QuotedRegion): Attribution | undefined {
  const after = doc.text.slice(region.end, region.end + 4);
  const match = /^\s*[―—–-]+\s*/.exec(after);
  if (!match) return undefined;
  let k = doc.tokenAt(region.end + match[0].length);
  // "—President Obama, tweeting after …": past the title to the name.
  for (let n = 0; n < 3 && (doc.tokenEntity[k] ?? -1) < 0 && titleOrStop(doc.tokens[k]); n++) k++;
  const entity = doc.tokenEntity[k];
  if (entity === undefined || entity < 0) return undefined;
  let last = k;
  while (doc.tokenEntity[last] === entity) last++;
  const span = { start: (doc.tokens[k] as Token).start, end: (doc.tokens[last - 1] as Token).end };
  return attributed(DASH, stamp(NAME_AFTER_DASH, { entity, span }));
}

const titleOrStop = (t: Token | undefined) => t !== undefined && (t.text === "." || isTitleWord(t.key));
