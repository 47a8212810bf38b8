/** Quotes a document speaks whose issuer the text gave only as the last speaker before it. */

import type { Doc } from "../doc.ts";
import { CONTINUING_DOCUMENTS } from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import { DESCRIPTION_UNNAMED } from "../speakers/described.ts";
import type { Quote, Token } from "../types.ts";

/** "the British government said that … “…,” the statement added": the speaker quoted last before. */
const LAST_SPEAKER = named("document-of-last-speaker");

/** How many sentences back the speaker of a document's words may have been quoted. */
const REACH = 3;

/**
 * A quote whose speaker is a document no rule tied to its issuer ("the statement added", "the
 * paper said") is the words of the actor quoted last before it, within a few sentences: a
 * statement's words go on after its issuer's.
 */
export function giveDocumentsToIssuers(doc: Doc, quotes: Quote[]): void {
  let last: { speaker: number; sentence: number } | undefined;
  for (const quote of quotes) {
    const sentence = (doc.tokens[doc.tokenAt(quote.start)] as Token | undefined)?.sentence ?? 0;
    if (quote.speaker === undefined) continue;
    const entity = doc.entities.get(quote.speaker);
    const words = entity.name.toLowerCase().split(/\s+/);
    const document =
      entity.unnamed &&
      words[0] === "the" &&
      CONTINUING_DOCUMENTS.has(words[words.length - 1] ?? "") &&
      quote.rule.endsWith(`/${DESCRIPTION_UNNAMED.id}`);
    if (document && last && sentence - last.sentence <= REACH) {
      quote.speaker = last.speaker;
      quote.rule = quote.rule.replace(`/${DESCRIPTION_UNNAMED.id}`, `/${LAST_SPEAKER.id}`);
      // "The British government said": an unnamed voice of a state issues as the state does.
    } else if (!entity.unnamed || entity.country) last = { speaker: quote.speaker, sentence };
  }
}
