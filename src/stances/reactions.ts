/**
 * Reactions to an act another actor owns: "The Polisario Front condemned the US decision" takes the
 * side opposite the one the text gave the United States; "welcomed Spain's move" takes Spain's.
 */

import type { Doc } from "../extract/doc.ts";
import type { Span, Token } from "../extract/types.ts";
import { speaksFor, subjects } from "./actors.ts";
import { clauseStart, negated } from "./clauses.ts";
import { type CompiledCodebook, opposite, type StanceValue } from "./compile.ts";
import { cueSpanOf, dateIn, type Hit } from "./hits.ts";
import { quotesAt, stateVoiced } from "./holders.ts";
import { inflect } from "./inflect.ts";
import { ACT_NOUNS, CONDEMNING_REACTIONS, DECISION_NOUNS, WELCOMING_REACTIONS } from "./syntax.ts";

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

/** The act owned by someone that the object starting at `j` names, with its owner and end. */
function ownedAct(doc: Doc, j: number, last: number): { owner: number; end: number } | undefined {
  if (OPENERS.has(doc.tokens[j]?.key ?? "")) j++;
  const token = doc.tokens[j];
  if (!token || j >= last) return undefined;
  let owner: number | undefined;
  if (OWNING_PRONOUNS.has(token.key)) {
    owner = doc.pronouns.get(token.start);
    j++;
  } else {
    const e = doc.tokenEntity[j] as number;
    if (e < 0) return undefined;
    owner = e;
    while (doc.tokenEntity[j] === e) j++;
    if (doc.tokens[j]?.key === "'s") j++;
  }
  if (owner === undefined) return undefined;
  for (let n = 0; n <= MODIFIERS && j < last; n++, j++) {
    const t = doc.tokens[j] as Token;
    if (isAct(t.key)) {
      // "the decision to recognise", "Russia's recognition of Abkhazia": the codebook's cues read those.
      const next = doc.tokens[j + 1]?.key;
      return next === "to" || next === "of" ? undefined : { owner, end: j + 1 };
    }
    if (t.kind !== "word" || t.upper) return undefined;
  }
  return undefined;
}

const isAct = (key: string) =>
  DECISION_NOUNS.has(key) || ACT_NOUNS.has(key) || ["step", "steps", "announcement", "action"].includes(key);

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
      const way = REACTIONS.get((doc.tokens[k] as Token).key);
      const act = way ? ownedAct(doc, k + 1, sentence.last) : undefined;
      if (!way || !act) continue;
      const cue = cueSpanOf(doc, k, act.end);
      if (taken.some((t) => t.start < cue.end && cue.start < t.end)) continue;
      const side = sideOfOwner(doc, act.owner, sideOf);
      if (side === undefined) continue;
      const floor = clauseStart(doc, k, sentence.first);
      const quote = quotesAt(doc, k)[0];
      const owner = speaksFor(doc, stateVoiced(doc, act.owner) ?? act.owner).actor;
      const actors = (quote ? [quote.speaker] : subjects(doc, k, floor)).filter(
        (e): e is number => e !== undefined && speaksFor(doc, stateVoiced(doc, e) ?? e).actor !== owner,
      );
      if (!actors.length) continue;
      const against = negated(doc, k, floor, book, true);
      const stance = (way === "same") !== against ? side : opposite(side);
      const date = dateIn(doc, sentence, cue.start);
      out.push({
        actors,
        stance,
        evidence: { start: sentence.start, end: sentence.end },
        cue,
        ...(date ? { date } : {}),
        rule: `reaction:${way}${against ? "+negated" : ""}${quote ? "/quote" : "/act"}`,
      });
      k = act.end - 1;
    }
  }
  return out;
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
