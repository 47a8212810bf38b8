/**
 * Reactions to an act another actor owns: "The Polisario Front condemned the US decision" takes the
 * side opposite the one the text gave the United States; "welcomed Spain's move" takes Spain's.
 */

import { lastMention } from "../extract/descriptions.ts";
import type { Doc } from "../extract/doc.ts";
import { titleRegionBefore } from "../extract/names/titles.ts";
import type { Span, Token } from "../extract/types.ts";
import { words } from "../extract/word-classes.ts";
import { speaksFor, subjects } from "./actors.ts";
import { BE, clauseStart, negated } from "./clauses.ts";
import { type CompiledCodebook, opposite, type StanceValue } from "./compile.ts";
import { cueSpanOf, dateIn, type Hit } from "./hits.ts";
import { quotesAt, stateVoiced } from "./holders.ts";
import { inflect } from "./inflect.ts";
import { agents } from "./lists.ts";
import { sequenceAt } from "./patterns.ts";
import {
  ACT_NOUNS,
  CONDEMNING_JUDGEMENTS,
  CONDEMNING_REACTIONS,
  DECISION_NOUNS,
  LINKING_VERBS,
  PROTEST_LINKS,
  PROTEST_OBJECTS,
  PROTEST_VERBS,
  REACTED_ACTS,
  WELCOMING_JUDGEMENTS,
  WELCOMING_REACTIONS,
} from "./syntax.ts";

type Way = "same" | "opposite";

const REACTIONS = new Map<string, Way>([
  ...WELCOMING_REACTIONS.flatMap((v) => inflect(v).map((f): [string, Way] => [f, "same"])),
  ...CONDEMNING_REACTIONS.flatMap((v) => inflect(v).map((f): [string, Way] => [f, "opposite"])),
]);

/** The article that may open the object before its owner ("the US decision"); "that" there opens a clause ("shot back that Russia's move …"). */
const OPENERS = new Set(["the"]);
const OWNING_PRONOUNS = new Set(["its", "his", "her", "their"]);
/** How many plain words may stand between the owner and the act: "Spain's recent sudden decision". */
const MODIFIERS = 2;
const MODALS = words("modals");
/** What an owned act may be called, siding with its owner or against. */
const JUDGEMENTS: Array<[Way, string[][]]> = [
  ["same", WELCOMING_JUDGEMENTS],
  ["opposite", CONDEMNING_JUDGEMENTS],
];

const PROTESTS = new Set(PROTEST_VERBS.flatMap(inflect));

/**
 * The act owned by someone that the object starting at `j` names, with its owner and end; with
 * `ofToo`, also one the codebook's own cues read ("the U.S. recognition of Kosovo", "Spain's decision
 * to back …").
 */
function ownedAct(
  doc: Doc,
  j: number,
  last: number,
  ofToo = false,
): { owner: number; end: number } | undefined {
  if (OPENERS.has(doc.tokens[j]?.key ?? "")) j++;
  const token = doc.tokens[j];
  if (!token || j >= last) return undefined;
  let owner: number | undefined;
  if (OWNING_PRONOUNS.has(token.key)) {
    owner = doc.pronouns.get(token.start) ?? (token.key === "its" ? bodyBefore(doc, j) : undefined);
    j++;
  } else if (isAct(token.key) && ["from", "by"].includes(doc.tokens[j + 1]?.key ?? "")) {
    // "praised the announcements from Norway, Spain and Ireland": the owners follow the act.
    const [first] = agents(doc, j + 1, last, doc.tokens[j + 1]?.key);
    return first === undefined ? undefined : { owner: first, end: j + 1 };
  } else {
    const e = doc.tokenEntity[j] as number;
    if (e < 0) return undefined;
    owner = e;
    while (doc.tokenEntity[j] === e) j++;
    const titled = titledOwner(doc, j, last);
    if (titled) [owner, j] = titled;
    if (doc.tokens[j]?.key === "'s") j++;
  }
  if (owner === undefined) return undefined;
  for (let n = 0; n <= MODIFIERS && j < last; n++, j++) {
    const t = doc.tokens[j] as Token;
    if (isAct(t.key)) {
      // "the decision to recognise", "Russia's recognition of Abkhazia": the codebook's cues read those.
      const next = doc.tokens[j + 1]?.key;
      return (next === "to" || next === "of") && !ofToo ? undefined : { owner, end: j + 1 };
    }
    // "its "irresponsible decision"": quotation marks around the act's words are passed over.
    if (t.key === '"' || t.key === "'") {
      n--;
      continue;
    }
    if (t.kind !== "word" || t.upper) return undefined;
  }
  return undefined;
}

/** How many words a title may run between a state and its official: "US Secretary of State". */
const TITLE_REACH = 5;

/**
 * "US President Donald Trump's announcement": after a state, the person its title words lead to
 * owns the act; the person and the token after their name, when a possessive follows.
 */
function titledOwner(doc: Doc, j: number, last: number): [number, number] | undefined {
  for (let i = j + 1; i <= Math.min(last - 1, j + TITLE_REACH); i++) {
    const e = doc.tokenEntity[i] as number;
    if (e < 0 || doc.entities.get(e).kind !== "person") continue;
    if ((titleRegionBefore(doc, i, j)?.first ?? i) !== j) return undefined;
    let end = i;
    while (doc.tokenEntity[end] === e) end++;
    return doc.tokens[end]?.key === "'s" ? [e, end] : undefined;
  }
  return undefined;
}

/** "urged Russia to reconsider its decision": the state or body named last before "its" in its sentence. */
function bodyBefore(doc: Doc, j: number): number | undefined {
  const token = doc.tokens[j] as Token;
  const from = doc.sentences[token.sentence]?.start ?? 0;
  return lastMention(
    doc,
    token.start,
    (m, e) =>
      m.start >= from &&
      m.form === "name" &&
      m.gazetteer !== "adjective" &&
      (e.kind === "state" || e.kind === "organization"),
  )?.entity;
}

const isAct = (key: string) => DECISION_NOUNS.has(key) || ACT_NOUNS.has(key) || REACTED_ACTS.has(key);

/**
 * The hits of reactions on one issue, given the side the text's other stances gave each owner
 * (`sideOf`), outside the words other cues took (`taken`).
 */
export function reactionHits(
  doc: Doc,
  book: CompiledCodebook,
  sideOf: (actor: number) => StanceValue | undefined,
  taken: Span[],
): Hit[] {
  const out: Hit[] = [];
  for (const sentence of doc.sentences) {
    for (let k = sentence.first; k < sentence.last; k++) {
      const found = reactionAt(doc, k, sentence.last) ?? judgementAt(doc, k, sentence.last);
      if (!found) continue;
      const { way, act, end, judged } = found;
      const cue = cueSpanOf(doc, k, end);
      if (taken.some((t) => t.start < cue.end && cue.start < t.end)) continue;
      const side = sideOfOwner(doc, act.owner, sideOf);
      if (side === undefined) continue;
      const floor = clauseStart(doc, k, sentence.first);
      const quote = quotesAt(doc, k)[0];
      // A judgement in the narrative is the writer's: only one in reported words has a holder.
      if (judged && !quote) continue;
      const owner = speaksFor(doc, stateVoiced(doc, act.owner) ?? act.owner).actor;
      const actors = (quote ? [quote.speaker] : subjects(doc, k, floor)).filter(
        (e): e is number => e !== undefined && speaksFor(doc, stateVoiced(doc, e) ?? e).actor !== owner,
      );
      if (!actors.length) continue;
      const against = negated(doc, judged ? act.end : k, floor, book, true);
      const stance = (way === "same") !== against ? side : opposite(side);
      const date = dateIn(doc, sentence, cue.start);
      out.push({
        actors,
        stance,
        evidence: { start: sentence.start, end: sentence.end },
        cue,
        ...(date ? { date } : {}),
        rule: `${judged ? "judgement" : "reaction"}:${way}${against ? "+negated" : ""}${quote ? "/quote" : "/act"}`,
      });
      k = end - 1;
    }
  }
  return out;
}

interface Reaction {
  way: Way;
  act: { owner: number; end: number };
  end: number;
  judged: boolean;
}

/** "condemned the US decision": a verb of reaction at `k` and the owned act it takes. */
function reactionAt(doc: Doc, k: number, last: number): Reaction | undefined {
  const way = REACTIONS.get((doc.tokens[k] as Token).key);
  const act = way ? ownedAct(doc, k + 1, last) : undefined;
  return way && act ? { way, act, end: act.end, judged: false } : protestAt(doc, k, last);
}

/** How many words a protest may run from its verb to its envoy, and from there to what links the act: "recalled its ambassador from Washington over". */
const PROTEST_REACH = 4;

/** "recalled its ambassador from Washington over the U.S. recognition of Kosovo": a protest at an owned act. */
function protestAt(doc: Doc, k: number, last: number): Reaction | undefined {
  if (!PROTESTS.has((doc.tokens[k] as Token).key)) return undefined;
  let j = k + 1;
  while (j < Math.min(last, k + PROTEST_REACH) && !PROTEST_OBJECTS.has((doc.tokens[j] as Token).key)) j++;
  if (!PROTEST_OBJECTS.has(doc.tokens[j]?.key ?? "")) return undefined;
  for (let i = j + 1; i < Math.min(last, j + 1 + PROTEST_REACH); i++) {
    const link = PROTEST_LINKS.find((phrase) => sequenceAt(doc.tokens, i, phrase));
    if (!link) continue;
    // The protest's words are its cue: the act's own words are the codebook cue of its owner's stance.
    const act = ownedAct(doc, i + link.length, last, true);
    return act ? { way: "opposite", act, end: i + link.length, judged: false } : undefined;
  }
  return undefined;
}

/** How many words may stand between the verb "be" and a judgement: "was totally unacceptable", "would be "a grave error"". */
const BEFORE_JUDGEMENT = 3;

/** "Russia's decision was "totally unacceptable"": an owned act opening at `k`, then what it is called. */
function judgementAt(doc: Doc, k: number, last: number): Reaction | undefined {
  const t = doc.tokens[k] as Token;
  const opens =
    t.key === "the" ||
    OWNING_PRONOUNS.has(t.key) ||
    ((doc.tokenEntity[k] as number) >= 0 && doc.tokenEntity[k - 1] !== doc.tokenEntity[k]);
  const act = opens ? ownedAct(doc, k, last) : undefined;
  if (!act) return undefined;
  // "was", "is", "would be", "amounted to": the last word of the link.
  const at = act.end;
  const linking = LINKING_VERBS.find((phrase) => sequenceAt(doc.tokens, at, phrase));
  const be = BE.has(doc.tokens[at]?.key ?? "")
    ? at
    : MODALS.has(doc.tokens[at]?.key ?? "") && doc.tokens[at + 1]?.key === "be"
      ? at + 1
      : linking
        ? at + linking.length - 1
        : -1;
  if (be < 0) return undefined;
  for (let j = be + 1; j <= Math.min(last - 1, be + BEFORE_JUDGEMENT); j++) {
    for (const [way, phrases] of JUDGEMENTS)
      for (const phrase of phrases)
        if (sequenceAt(doc.tokens, j, phrase)) return { way, act, end: j + phrase.length, judged: true };
    const between = doc.tokens[j] as Token;
    if (between.kind === "punct" ? between.key !== '"' && between.key !== "'" : between.upper)
      return undefined;
  }
  return undefined;
}

/** The one side the text gave the owner of an act, or the state it speaks for. */
function sideOfOwner(
  doc: Doc,
  owner: number,
  sideOf: (actor: number) => StanceValue | undefined,
): StanceValue | undefined {
  const voiced = stateVoiced(doc, owner) ?? owner;
  const side = sideOf(speaksFor(doc, voiced).actor) ?? sideOf(voiced);
  return side === "neutral" ? undefined : side;
}
