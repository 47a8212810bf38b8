/** Quotes a document speaks, given to whoever issued or adopted it. */

import type { Doc } from "../doc.ts";
import { ADOPTION_WORDS, CONTINUING_DOCUMENTS, UNADOPTED_WORDS } from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import { adoptingBodyBefore } from "../speakers/adopting-body.ts";
import { DESCRIPTION_UNNAMED } from "../speakers/described.ts";
import type { Quote, Token } from "../types.ts";

/** "the British government said that … “…,” the statement added": the speaker quoted last before. */
const LAST_SPEAKER = named("document-of-last-speaker");
/** "The General Assembly voted … The resolution states that …": the body that adopted it. */
const ADOPTING_BODY = named("document-of-adopting-body");

/** How many sentences back the speaker of a document's words may have been quoted. */
const REACH = 3;
/**
 * How many sentences back the body that adopted a document speaking as a subject may be named: a
 * report of a vote tells who voted and how before it quotes the text.
 */
const ADOPTED_REACH = 6;

/**
 * A quote whose speaker is a document no rule tied to its issuer is the words of the body that
 * adopted it, for a resolution or a motion ("The resolution states that …"), else of the actor
 * quoted last before it, within a few sentences, for a statement ("the statement added", "the
 * paper said"): a statement's words go on after its issuer's.
 */
export function giveDocumentsToIssuers(doc: Doc, quotes: Quote[]): void {
  let last: { speaker: number; sentence: number } | undefined;
  for (const quote of quotes) {
    const sentence = (doc.tokens[doc.tokenAt(quote.start)] as Token | undefined)?.sentence ?? 0;
    if (quote.speaker === undefined) continue;
    const entity = doc.entities.get(quote.speaker);
    const words = entity.name.toLowerCase().split(/\s+/);
    const head = words[words.length - 1] ?? "";
    const described =
      entity.unnamed && words[0] === "the" && quote.rule.endsWith(`/${DESCRIPTION_UNNAMED.id}`);
    const adopter =
      described && quote.speakerSpan ? adopterOf(doc, head, quote.speakerSpan.start) : undefined;
    if (adopter !== undefined) {
      quote.speaker = adopter;
      quote.rule = quote.rule.replace(`/${DESCRIPTION_UNNAMED.id}`, `/${ADOPTING_BODY.id}`);
    } else if (described && CONTINUING_DOCUMENTS.has(head) && last && sentence - last.sentence <= REACH) {
      quote.speaker = last.speaker;
      quote.rule = quote.rule.replace(`/${DESCRIPTION_UNNAMED.id}`, `/${LAST_SPEAKER.id}`);
      // "The British government said": an unnamed voice of a state issues as the state does.
    } else if (!entity.unnamed || entity.country) last = { speaker: quote.speaker, sentence };
  }
}

/** The body that adopted the document named at `start`, if the text before tells it was adopted and no draft left unadopted. */
function adopterOf(doc: Doc, head: string, start: number): number | undefined {
  const first = doc.tokenAt(start);
  let adopted = false;
  for (let k = 0; k < first; k++) {
    const key = (doc.tokens[k] as Token).key;
    if (UNADOPTED_WORDS.has(key)) return undefined;
    adopted ||= ADOPTION_WORDS.has(key);
  }
  return adopted ? adoptingBodyBefore(doc, head, first, ADOPTED_REACH) : undefined;
}
