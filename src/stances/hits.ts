/** What a cue shows (a hit): who holds the stance, which way, on what evidence, when, by which rule; and the rules that decide its polarity and date. */

import type { Doc } from "../extract/doc.ts";
import type { Span, Token } from "../extract/types.ts";
import { clauseStart, hasPhrase, insideRelative, negated } from "./clauses.ts";
import { type CompiledCodebook, type Cue, opposite, type StanceValue } from "./compile.ts";
import { describedActors } from "./holders.ts";
import { listAfterCopula } from "./lists.ts";
import type { MotionHolders } from "./motions.ts";
import { OBSTRUCTION_VERBS } from "./syntax.ts";

/** What a cue at token `k` shows: who holds the stance, which way, on what evidence, when, by which rule. */
export interface Hit {
  actors: number[];
  stance: StanceValue;
  evidence: Span;
  cue: Span;
  date?: string;
  rule: string;
  /** Who reported the subject's stance: its official, if he speaks for it. */
  reporter?: number;
  /** Who holds the other stance: those who vetoed a motion the cue describes. */
  countered?: number[];
}

/** The words of a cue from token `k` to `end` (exclusive). */
export function cueSpanOf(doc: Doc, k: number, end: number): Span {
  return { start: (doc.tokens[k] as Token).start, end: (doc.tokens[end - 1] as Token).end };
}

/** A hit whose evidence is its whole sentence, dated as the sentence dates it. */
function sentenceHit(
  doc: Doc,
  sentence: { first: number; start: number; end: number },
  cue: Span,
  hit: Pick<Hit, "actors" | "stance" | "rule" | "countered">,
): Hit {
  const date = dateIn(doc, sentence, cue.start);
  return { ...hit, evidence: { start: sentence.start, end: sentence.end }, cue, ...(date ? { date } : {}) };
}

/** "vetoed a resolution introduced by A and B condemning the annexation": the motion's sides. */
export function motionHit(
  doc: Doc,
  book: CompiledCodebook,
  cue: Cue,
  { k, end, floor }: { k: number; end: number; floor: number },
  sentence: { first: number; start: number; end: number },
  motion: MotionHolders,
): Hit | undefined {
  // A motion nobody is said to back or block still says where a later vote on it stands.
  const { stance, rule } = polarity(doc, book, cue, k, floor);
  return sentenceHit(doc, sentence, cueSpanOf(doc, k, end), {
    actors: motion.same,
    countered: motion.opposite,
    stance,
    rule: `${rule}/motion`,
  });
}

/** "Predrag Bulatovic, the leader of the pro-union bloc": the described actor's side. */
export function described(
  doc: Doc,
  cue: Cue,
  { k, end }: { k: number; end: number },
  sentence: { first: number; start: number; end: number },
  cueSpan: Span,
): Hit | undefined {
  const actors = describedActors(doc, k, end, sentence.first);
  if (!actors.length) return undefined;
  return sentenceHit(doc, sentence, cueSpan, {
    actors,
    stance: cue.stance,
    rule: `cue:${cue.source}/described`,
  });
}

/** The cue's stance, turned by a negation ("will not recognise") or made neutral by a hedge. */
export function polarity(
  doc: Doc,
  book: CompiledCodebook,
  cue: Cue,
  k: number,
  floor: number,
  proposition?: [number, number],
): { stance: StanceValue; rule: string } {
  let stance = cue.stance;
  let rule = `cue:${cue.source}`;
  // "pushed for the elimination of Tahiti from the list": an undoing inside what the cue governs.
  const undone = proposition !== undefined && hasPhrase(doc, proposition[0], proposition[1], book.reversals);
  if (stance !== "neutral" && negated(doc, k, floor, book, cue.verb)) {
    // "would not veto Scotland joining the EU": not standing in the way is no backing.
    const obstruction =
      stance === "oppose" && OBSTRUCTION_VERBS.has(cue.source.split(" ")[0]?.replace(/^~/, "") ?? "");
    stance = obstruction ? "neutral" : opposite(stance);
    rule += obstruction ? "+negated-obstruction" : "+negated";
  } else if (
    stance !== "neutral" &&
    (undone || hasPhrase(doc, Math.max(floor, k - REVERSAL_REACH), k, book.reversals))
  ) {
    stance = opposite(stance);
    rule += "+reversed";
  }
  // "would not implement recognition until Croatia gives guarantees": refused only on a condition.
  if (rule.endsWith("+negated") && conditionAfter(doc, k)) {
    stance = "neutral";
    rule += "+until";
  }
  if (hasPhrase(doc, Math.max(floor, k - 4), k, book.hedges)) {
    stance = "neutral";
    rule += "+hedged";
  }
  return { stance, rule };
}

/** How far after a cue a condition may come in its sentence. */
const CONDITION_REACH = 25;
const CONDITIONS_AFTER = new Set(["until", "unless"]);

/** Whether "until" or "unless" follows the cue at `k` in its sentence. */
function conditionAfter(doc: Doc, k: number): boolean {
  const sentence = (doc.tokens[k] as Token).sentence;
  for (let j = k + 1; j < k + CONDITION_REACH; j++) {
    const t = doc.tokens[j];
    if (!t || t.sentence !== sentence || t.text === ";") return false;
    if (CONDITIONS_AFTER.has(t.key)) return true;
  }
  return false;
}

/** "The states that recognised Kosovo were A, B and C": a restrictive relative clause's cue is the stance of the list its noun is equated with. */
export function listedHolders(
  doc: Doc,
  book: CompiledCodebook,
  cue: Cue,
  { k, end }: { k: number; end: number },
  sentence: { first: number; last: number; start: number; end: number },
): Hit | undefined {
  if (doc.insideQuote((doc.tokens[k] as Token).start)) return undefined;
  const actors = listAfterCopula(doc, end, sentence.last);
  if (!actors.length) return undefined;
  const { stance, rule } = polarity(doc, book, cue, k, clauseStart(doc, k, sentence.first));
  return sentenceHit(doc, sentence, cueSpanOf(doc, k, end), { actors, stance, rule: `${rule}/listed` });
}

/** The stance of an act for its owner: undone only by a reversal before it ("Ghana's withdrawal of its recognition"). */
export function ownerPolarity(
  doc: Doc,
  book: CompiledCodebook,
  cue: Cue,
  k: number,
): { stance: StanceValue; rule: string } {
  const reversed =
    cue.stance !== "neutral" && hasPhrase(doc, Math.max(0, k - REVERSAL_REACH), k, book.reversals);
  if (!reversed) return { stance: cue.stance, rule: `cue:${cue.source}` };
  return { stance: opposite(cue.stance), rule: `cue:${cue.source}+reversed` };
}

/** How many words before an act a reversal may stand: "withdraw Ghana's recognition". */
const REVERSAL_REACH = 4;

/**
 * The date of a stance: the day its sentence gives, nearest the cue and not in a relative clause
 * ("…, which came the day before"); else the day the passage is about (a day named in this or the
 * previous paragraph: "an emergency meeting on Feb. 18 … The U.S. spoke in favor"); else the
 * publication date. Only days date acts; a year in the sentence is background ("adopted in 1999").
 */
export function dateIn(
  doc: Doc,
  sentence: { start: number; end: number; first: number },
  cue: number,
): string | undefined {
  const day = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
  let best: { value: string; distance: number } | undefined;
  for (const d of doc.dates) {
    if (d.start < sentence.start || d.end > sentence.end || !day(d.value)) continue;
    if (insideRelative(doc, doc.tokenAt(d.start), sentence.first)) continue;
    const distance = Math.abs(d.start - cue);
    if (!best || distance < best.distance) best = { value: d.value, distance };
  }
  if (best) return best.value;
  const paragraph = doc.sentences[(doc.tokens[sentence.first] as Token).sentence]?.paragraph ?? 0;
  const passage = doc.paragraphs[Math.max(0, paragraph - 1)]?.start ?? 0;
  const earlier = doc.dates.filter(
    (d) =>
      d.start >= passage &&
      d.end <= sentence.start &&
      day(d.value) &&
      !insideRelative(
        doc,
        doc.tokenAt(d.start),
        doc.sentences[doc.tokens[doc.tokenAt(d.start)]?.sentence ?? 0]?.first ?? 0,
      ),
  );
  const last = earlier[earlier.length - 1]?.value;
  if (last && (!doc.published || last <= doc.published || !day(doc.published))) return last;
  return doc.published;
}

/** A cue in a claim's clause as the stance of the claimant named before it. */
export function claimHit(
  doc: Doc,
  book: CompiledCodebook,
  cue: Cue,
  { k, end, floor }: { k: number; end: number; floor: number },
  sentence: { first: number; start: number; end: number },
  actors: number[],
): Hit {
  const { stance, rule } = polarity(doc, book, cue, k, floor);
  const date = dateIn(doc, sentence, (doc.tokens[k] as Token).start);
  return {
    actors,
    stance,
    evidence: { start: sentence.start, end: sentence.end },
    cue: cueSpanOf(doc, k, end),
    ...(date ? { date } : {}),
    rule: `${rule}/claimant`,
  };
}
