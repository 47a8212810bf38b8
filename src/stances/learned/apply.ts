/**
 * Stances the rules did not find, read by the learned pair model: for each actor of a text's main
 * issue with no stance from the rules, the sentence where the model is surest, when it is sure
 * enough. Each keeps its sentence as evidence and, as its cue, the word that weighed most.
 */
import type { Doc } from "../../extract/doc.ts";
import type { Span, Token } from "../../extract/types.ts";
import { words } from "../../extract/word-classes.ts";
import type { CompiledCodebook } from "../compile.ts";
import type { CueSeen, StanceFound } from "../find.ts";
import { dateIn } from "../hits.ts";
import { targetMentions } from "../target.ts";
import { type Candidate, candidates } from "./features.ts";
import { CLASSES, type PairModel, probabilities } from "./model.ts";

export const LEARNED_RULE = "learned:stance-pairs";

/** The learned stances to add to those of the rules, on the issue the text names most. */
export function learnedStances(
  doc: Doc,
  books: CompiledCodebook[],
  ruled: StanceFound[],
  unheld: CueSeen[],
  model: PairModel,
): StanceFound[] {
  const book = mainBook(doc, books);
  if (!book) return [];
  const issue = book.codebook.id;
  const mine = ruled.filter((r) => r.issue === issue);
  const held = new Set(mine.flatMap((r) => (r.via === undefined ? [r.actor] : [r.actor, r.via])));
  const best = new Map<number, { candidate: Candidate; stance: number; p: number }>();
  for (const candidate of candidates(
    doc,
    book,
    mine,
    unheld.filter((c) => c.issue === issue),
  )) {
    if (held.has(candidate.actor) || held.has(candidate.entity)) continue;
    const p = probabilities(model, candidate.features);
    const stance = p[0] >= p[1] ? 0 : 1;
    const sure = p[stance] as number;
    const prior = best.get(candidate.actor);
    // Where the state's name and its official's read alike, the official is its voice.
    const better = !prior || sure > prior.p || (sure === prior.p && prior.candidate.via === undefined);
    if (sure >= model.threshold && better) best.set(candidate.actor, { candidate, stance, p: sure });
  }
  const out: StanceFound[] = [];
  for (const { candidate, stance } of best.values()) {
    const sentence = doc.sentences[candidate.sentence] as NonNullable<(typeof doc.sentences)[number]>;
    const cue = weightiest(doc, model, sentence, stance);
    const date = dateIn(doc, sentence, cue.start);
    out.push({
      issue,
      actor: candidate.actor,
      ...(candidate.via !== undefined ? { via: candidate.via } : {}),
      stance: CLASSES[stance] as StanceFound["stance"],
      evidence: [{ start: sentence.start, end: sentence.end }],
      cues: [cue],
      ...(date ? { date } : {}),
      rule: LEARNED_RULE,
    });
  }
  return out;
}

/** The issue whose target the text names most: one stance an actor, on what the text is about. */
function mainBook(doc: Doc, books: CompiledCodebook[]): CompiledCodebook | undefined {
  let best: CompiledCodebook | undefined;
  let most = 0;
  for (const book of books) {
    const n = targetMentions(doc, book);
    if (n > most) {
      most = n;
      best = book;
    }
  }
  return best;
}

/** Words no reviewer would take for the reason of a stance, though the model may weigh them; short words (in, of, to) too. */
const FUNCTION_WORDS = words(
  "articles",
  "demonstratives",
  "possessives_third",
  "be_finite",
  "be_nonfinite",
  "have",
  "do",
  "relative_pronouns",
);

/** The word of the sentence whose weight pulls most toward the stance: what a reviewer looks at first. */
function weightiest(
  doc: Doc,
  model: PairModel,
  sentence: { first: number; last: number },
  stance: number,
): Span {
  let best = doc.tokens[sentence.first] as Token;
  let most = Number.NEGATIVE_INFINITY;
  for (let k = sentence.first; k < sentence.last; k++) {
    const t = doc.tokens[k] as Token;
    if (t.kind !== "word" || t.key.length < 4 || FUNCTION_WORDS.has(t.key) || (doc.tokenEntity[k] ?? -1) >= 0)
      continue;
    const w = model.weights.get(`w:${t.key}`)?.[stance];
    if (w !== undefined && w > most) {
      most = w;
      best = t;
    }
  }
  return { start: best.start, end: best.end };
}
