/** Who holds the stance a cue shows: in reported words, the report's subject or its speaker; in the narrative, the act's subjects, agents or owner. */

import type { Doc } from "../extract/doc.ts";
import { speaksForState } from "../extract/lexicons.ts";
import type { Quote, Span, Token } from "../extract/types.ts";
import { words } from "../extract/word-classes.ts";
import { offices } from "../world/offices.ts";
import { antecedent, subjects, thirdPartySubject } from "./actors.ts";
import { BE } from "./clauses.ts";
import type { CompiledCodebook, Cue } from "./compile.ts";
import { actOwners, agents, decisionBefore, decisionOwners, possessor } from "./lists.ts";
import { phraseKeys } from "./patterns.ts";
import {
  CLAIM_NOUNS,
  CONTROL_VERBS,
  DESCRIPTION_GLUE,
  DESIRE_CUES,
  ENDORSING_VERBS,
  REACTION_PREPOSITIONS,
  WRITER_DISTANCING,
} from "./syntax.ts";

/** The quotes whose words hold token `k`, innermost first: a report inside a report ("Russia said the text … which officials insisted was a breach"). */
export function quotesAt(doc: Doc, k: number, end = k + 1): Quote[] {
  const at = (doc.tokens[k] as Token).start;
  const until = (doc.tokens[end - 1] as Token).end;
  return doc.quotes
    .filter((q) => q.speaker !== undefined && q.spans.some((s) => until > s.start && at < s.end))
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** The actor a holder counts as: itself, or for an unnamed body speaking for a state ("the foreign ministry"), the state. */
export function stateVoiced(doc: Doc, held: number): number | undefined {
  const e = doc.entities.get(held);
  if (!e.unnamed) return held;
  return e.country && speaksForState(e.name.toLowerCase().split(/\s+/))
    ? doc.entities.state(e.country)
    : undefined;
}

/** Whether an entity is the target: "Taiwan" on Taiwan's independence. */
export function isTarget(doc: Doc, book: CompiledCodebook, entity: number): boolean {
  const name = phraseKeys(doc.entities.get(entity).name).join(" ");
  return book.targetKeys.some((seq) => seq.join(" ") === name);
}

/** Who holds a stance, on what evidence, by which rule; or `null` where nobody's stance is shown. */
export type Holders = { actors: number[]; evidence: Span; rule: string; reporter?: number } | null;

/** A cue in reported words: the stance of the report's own subject, else of those who reported it. */
export function holdersInQuotes(
  doc: Doc,
  book: CompiledCodebook,
  quotes: Quote[],
  cue: Cue,
  { k, end, floor }: { k: number; end: number; floor: number },
  sentence: { first: number; last: number },
): Holders {
  let evidence: Span = { start: 0, end: 0 };
  for (const quote of quotes) {
    evidence = { start: quote.start, end: quote.end };
    // "said the people had chosen to join Russia after so-called referendums": the reporter's distance, not the speaker's.
    const word = doc.tokens[k] as Token;
    if (quote.kind === "indirect" && WRITER_DISTANCING.has(word.key) && !doc.insideQuote(word.start))
      return null;
    // "his country would consider the two regions -- considered by most of the world as part of Georgia -- sovereign": the writer's aside.
    if (quote.kind === "indirect" && inDashAside(doc, k, quote)) return null;
    // "Kosovo was recognised by France and Britain, Kouchner said": an act the words name with its
    // owners, told by an actor (what unnamed analysts expect is no fact).
    const told = quote.speaker !== undefined && stateVoiced(doc, quote.speaker) !== undefined;
    // "Russia's attempts to annex the regions": a decision's owner acts, whoever reports it.
    const decision = cue.verb ? decisionBefore(doc, k) : undefined;
    const owners = !told
      ? []
      : decision !== undefined
        ? decisionOwners(doc, decision, k - 1)
        : cue.verb
          ? []
          : actOwners(doc, k, end, sentence.last);
    if (owners.length) return { actors: owners, evidence, rule: "/owner" };
    if (decision !== undefined && reactedTo(doc, decision)) return null;
    // Reported words with a subject of their own are that subject's stance: "Moldova will not
    // recognise Kosovo, Voronin said"; "we", "I" or no actor leave it to the speaker.
    const at = (doc.tokens[k] as Token).start;
    const piece = quote.spans.find((s) => at >= s.start && at < s.end);
    const innerFloor = Math.max(floor, doc.tokenAt((piece ?? quote).start));
    // "Beijing urged Belgrade and Pristina to return to talks": the names are the urged, the stance the speaker's.
    const opening = quote.cue?.split(" ")[0]?.toLowerCase() ?? "";
    // "urged Belgrade to return", "hoped other states would recognise it": the speaker's wish.
    const urged = CONTROL_VERBS.some((v) => v[0] === opening) || DESIRE_CUES.has(opening);
    // "Taiwan is an inalienable part of China": the target described is no holder of a stance on itself.
    // "said Putin was celebrating "this clear violation of international law"": words the speaker
    // quotes inside a report are the speaker's own charge.
    const ownWords = quote.kind === "indirect" && doc.insideQuote((doc.tokens[k] as Token).start);
    const inner = (urged || quote.fragment || ownWords ? [] : subjects(doc, k, innerFloor, true)).filter(
      (e) => cue.verb || !isTarget(doc, book, e),
    );
    if (inner.length)
      return {
        actors: inner,
        evidence,
        rule: "/reported-subject",
        ...(quote.speaker !== undefined ? { reporter: quote.speaker } : {}),
      };
    // "Several states withdrew recognition, Serbia said": an act by others the speaker reports is not his stance.
    if (cue.verb && !urged && thirdPartySubject(doc, book, innerFloor, k)) return null;
    const actors = reporters(doc, quote, sentence.first);
    if (actors.length) return { actors, evidence, rule: quote.kind === "direct" ? "/quote" : "/reported" };
  }
  return { actors: [], evidence, rule: "" };
}

/** How far back from a cue the "that" of a claim may stand. */
const CLAIM_REACH = 10;

/**
 * Who holds a claim whose "that" clause holds the cue at `k` ("Somalia's assertion that …"): its
 * named possessor, none when it is unnamed ("its assertion"); undefined when the cue is in no claim.
 */
export function claimantOf(doc: Doc, k: number, floor: number): number[] | undefined {
  for (let j = k - 1; j > Math.max(floor, k - CLAIM_REACH); j--) {
    const t = doc.tokens[j] as Token;
    if (t.kind === "punct" && t.key !== "'s") return undefined;
    if (t.key !== "that") continue;
    if (!CLAIM_NOUNS.has(doc.tokens[j - 1]?.key ?? "")) return undefined;
    return doc.tokens[j - 2]?.key === "'s" ? possessor(doc, j - 1) : [];
  }
  return undefined;
}

/** "Belarus, along with Russia, China and South Africa, have called for …": every subject of a report, else its speaker. */
function reporters(doc: Doc, quote: Quote, floor: number): number[] {
  const inverted = quote.cueSpan !== undefined && quote.cueSpan.start >= quote.end;
  const listed =
    quote.kind === "indirect" && quote.cueSpan && !inverted
      ? subjects(doc, doc.tokenAt(quote.cueSpan.start), floor)
      : [];
  const speaker =
    quote.speaker !== undefined && stateVoiced(doc, quote.speaker) !== undefined ? [quote.speaker] : [];
  return listed.length > 1 || !speaker.length ? listed : speaker;
}

/** An act named inside another cue's proposition ("condemned Russia's recognition of Abkhazia"): its owner's stance only. */
export function ownersOfAct(
  doc: Doc,
  quotes: Quote[],
  k: number,
  end: number,
  sentence: { last: number; start: number; end: number },
): Holders {
  const actors = actOwners(doc, k, end, sentence.last);
  const quote = quotes[0];
  const evidence = quote
    ? { start: quote.start, end: quote.end }
    : { start: sentence.start, end: sentence.end };
  return actors.length ? { actors, evidence, rule: "/owner" } : null;
}

/** How far before a noun cue the verb that endorses it may stand: "gave his full support to". */
const ENDORSING_REACH = 5;

/** The verb just before a noun cue that endorses what it names, if any. */
function endorsingVerb(doc: Doc, k: number, first: number): number | undefined {
  for (let j = k - 1; j >= Math.max(first, k - ENDORSING_REACH); j--) {
    const t = doc.tokens[j] as Token;
    if (ENDORSING_VERBS.has(t.key)) return j;
    if (t.kind === "punct") return undefined;
  }
  return undefined;
}

/** A dash that opens or closes an aside: "--", or a spaced en or em dash. */
const ASIDE_DASH = /--|\s[—–]\s/g;

/** Whether token `k` stands between two dashes inside the words of `quote`. */
function inDashAside(doc: Doc, k: number, quote: Quote): boolean {
  const t = doc.tokens[k] as Token;
  const before = doc.text.slice(quote.start, t.start).match(ASIDE_DASH)?.length ?? 0;
  return before % 2 === 1 && (doc.text.slice(t.end, quote.end).match(ASIDE_DASH)?.length ?? 0) > 0;
}

/** A cue of an act in the narrative: its subjects, or a passive's agents ("Kosovo was recognised by Japan"). */
export function holdersOfAct(
  doc: Doc,
  cue: Cue,
  k: number,
  end: number,
  sentence: { first: number; last: number; start: number; end: number },
  cueSpan: Span,
): Holders {
  if (doc.insideQuote(cueSpan.start)) return null;
  const evidence = { start: sentence.start, end: sentence.end };
  if (!cue.verb) {
    const actors = actOwners(doc, k, end, sentence.last);
    if (actors.length) return { actors, evidence, rule: "/owner" };
    // "France respects the territorial integrity of Spain": the subject of a verb that endorses
    // what the cue names holds it.
    const verb = endorsingVerb(doc, k, sentence.first);
    if (verb === undefined) return null;
    const subject = subjects(doc, verb, sentence.first);
    return subject.length ? { actors: subject, evidence, rule: "/subject" } : null;
  }
  // "Kosovo was recognised by Japan" is passive; "China is recognising Montenegro" is not.
  const progressive = (doc.tokens[k] as Token).key.endsWith("ing");
  if (!progressive && (BE.has(doc.tokens[k - 1]?.key ?? "") || BE.has(doc.tokens[k - 2]?.key ?? "")))
    return { actors: agents(doc, end, sentence.last), evidence, rule: "/passive" };
  // "Iraq's attempt to annex Kuwait": the decision's owner acts.
  const decision = decisionBefore(doc, k);
  const owner = decision === undefined ? [] : decisionOwners(doc, decision, k - 1);
  if (owner.length) return { actors: owner, evidence, rule: "/owner" };
  // "called out Trump over his threat to seize control of Greenland": a decision the subject reacts to is not his;
  // "attacked Kallsberg's attempt to cancel the referendum": nor one someone else owns.
  if (decision !== undefined && (reactedTo(doc, decision) || doc.tokens[decision - 1]?.key === "'s"))
    return null;
  const actors = subjects(doc, k, sentence.first);
  if (actors.length) return { actors, evidence, rule: "/act" };
  return { actors: antecedent(doc, k, sentence.first), evidence, rule: "/relative-antecedent" };
}

/** Determiners and possessives a decision noun may follow: "over his threat", "against the plan". */
const DECISION_DETERMINERS = words("articles", "demonstratives", "possessives_third");

/** Whether a preposition of reaction stands before the decision noun at `j`, past its determiner or possessive. */
function reactedTo(doc: Doc, j: number): boolean {
  let i = j - 1;
  while (i > j - 3 && DECISION_DETERMINERS.has(doc.tokens[i]?.key ?? "")) i--;
  return REACTION_PREPOSITIONS.has(doc.tokens[i]?.key ?? "");
}

/** How far before a descriptor the comma opening its description may stand: "X, East Timor's Nobel Peace Prize winner and independence leader". */
const DESCRIPTION_REACH = 12;

/** The person, group or body a descriptor at `k`…`end` describes: a name right after it, or one before a comma that opens the description. */
export function describedActors(doc: Doc, k: number, end: number, first: number): number[] {
  const actor = (j: number): number[] => {
    const e = doc.tokenEntity[j];
    if (e === undefined || e < 0) return [];
    const entity = doc.entities.get(e);
    return entity.unnamed || entity.kind === "state" ? [] : [e];
  };
  const after = doc.tokens[end]?.text === "," ? end + 1 : end;
  const named = actor(after);
  if (named.length) return named;
  // "Pro-independence leader and former president of French Polynesia Oscar Temaru": a name after more description.
  for (let j = after; j < after + DESCRIPTION_REACH; j++) {
    const t = doc.tokens[j];
    if (!t || t.kind === "punct" || t.sentence !== doc.tokens[k]?.sentence) break;
    const found = actor(j);
    if (found.length) return found;
    const e = doc.tokenEntity[j] ?? -1;
    const describing =
      DESCRIPTION_GLUE.has(t.key) || offices().lastWords.has(t.key) || offices().modifiers.has(t.key);
    if (!describing && !(e >= 0 && doc.entities.get(e).kind === "state")) break;
  }
  for (let j = k - 1; j > first && j >= k - DESCRIPTION_REACH; j--) {
    const t = doc.tokens[j] as Token;
    if (t.text === ",") return actor(j - 1);
    const describing = DESCRIPTION_GLUE.has(t.key) || t.upper || offices().lastWords.has(t.key);
    if (!describing) return [];
  }
  return [];
}
