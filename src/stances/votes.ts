/**
 * Votes on a motion the text described before: after "a resolution condemning the annexation",
 * "Only North Korea, Syria, Nicaragua, Belarus and Russia opposed it" and "Saudi Arabia voted in
 * favour" are stances on what the motion said, turned by the vote.
 */

import type { Doc } from "../extract/doc.ts";
import type { Sentence, Span, Token } from "../extract/types.ts";
import { subjects } from "./actors.ts";
import { opposite, type StanceValue } from "./compile.ts";
import { agents, listAfterCopula, sameActAfter } from "./lists.ts";
import { sequenceAt } from "./patterns.ts";
import { MOTION_NOUNS, VOTE_ABSTAIN, VOTE_AGAINST, VOTE_FOR } from "./syntax.ts";

/** A motion described in sentence `sentence`, with the stance on the issue of voting for it. */
export interface Motion {
  sentence: number;
  stance: StanceValue;
}

export interface Vote {
  actors: number[];
  side: "for" | "against" | "abstain";
  stance: StanceValue;
  sentence: Sentence;
  cue: Span;
  phrase: string;
}

/** How many sentences after the motion "it" may still stand for it; a vote without an object, "abstained". */
const IT_REACH = 3;
const BARE_REACH = 5;

const SIDES: ReadonlyArray<{ phrases: string[][]; side: "for" | "against" | "abstain" }> = [
  { phrases: VOTE_FOR, side: "for" },
  { phrases: VOTE_AGAINST, side: "against" },
  { phrases: VOTE_ABSTAIN, side: "abstain" },
];

const COPULAS_AFTER_VOTE = new Set(["were", "included", "include", "are"]);

/** What a vote phrase may name its motion by: the motion's nouns, or the vote on it. */
const MOTION_REFERENCES = new Set([...MOTION_NOUNS, "vote"]);

/**
 * Where a reference to the motion after a vote phrase ends, if one follows ("it", "the resolution",
 * "the consensus vote"); `at` when none does.
 */
function motionReference(doc: Doc, at: number): { end: number; kind: "it" | "noun" | "none" } {
  const t = doc.tokens[at];
  if (t?.key === "it") return { end: at + 1, kind: "it" };
  if (t?.key !== "the") return { end: at, kind: "none" };
  const next = doc.tokens[at + 1];
  const noun = next?.kind === "word" && !next.upper && !MOTION_REFERENCES.has(next.key) ? at + 2 : at + 1;
  return MOTION_REFERENCES.has(doc.tokens[noun]?.key ?? "")
    ? { end: noun + 1, kind: "noun" }
    : { end: at, kind: "none" };
}

/** The votes in the sentences after a motion, each with its holders and the stance the vote gives them. */
export function votesOn(doc: Doc, motion: Motion): Vote[] {
  const out: Vote[] = [];
  // A vote told without its object follows the motion or another vote on it closely.
  let told = motion.sentence;
  for (let s = motion.sentence + 1; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s] as Sentence;
    for (let k = sentence.first; k < sentence.last; k++) {
      for (const { phrases, side } of SIDES) {
        const phrase = phrases.find((p) => sequenceAt(doc.tokens, k, p));
        if (!phrase) continue;
        const ref = motionReference(doc, k + phrase.length);
        const near = s - told;
        // Alone, only a vote says what it is about ("Saudi Arabia voted in favour", "China abstained");
        // "Germany supported." may be about anything.
        const voting = side === "abstain" || (phrase[0] ?? "").startsWith("vot");
        // "The 11 that voted against were Russia, China and Serbia": a list after the vote says who.
        const bare =
          ref.kind === "none" &&
          voting &&
          (side === "abstain" ||
            /^[,.;]$/.test(doc.tokens[ref.end]?.text ?? "") ||
            COPULAS_AFTER_VOTE.has(doc.tokens[ref.end]?.key ?? ""));
        if (!(ref.kind === "noun" || (ref.kind === "it" && near <= IT_REACH) || (bare && near <= BARE_REACH)))
          continue;
        // "and 56 countries abstained, including France": those the vote names after it, else its subjects.
        const after = listAfterVote(doc, ref.end, sentence.last);
        const listed = after.length ? after : subjects(doc, k, sentence.first);
        // "Saudi Arabia voted in favour, as did the UAE."
        const actors = [...new Set([...listed, ...sameActAfter(doc, ref.end, sentence.last)])];
        if (!actors.length) continue;
        const cue = { start: (doc.tokens[k] as Token).start, end: (doc.tokens[ref.end - 1] as Token).end };
        told = s;
        out.push({
          actors,
          side,
          stance: voteStance(motion.stance, side),
          sentence,
          cue,
          phrase: phrase.join(" "),
        });
      }
    }
  }
  return out;
}

/** Who a vote without a subject names after it: "the 11 that voted against were A, B", "56 abstained, including A, B". */
function listAfterVote(doc: Doc, from: number, last: number): number[] {
  if (doc.tokens[from]?.text === "," && doc.tokens[from + 1]?.key === "including")
    return agents(doc, from + 1, last, "including");
  return listAfterCopula(doc, from, last);
}

/** The forms of "vote": "voted to recognise", "voted against Kosovo's membership". */
export const VOTE_VERBS = new Set(["vote", "votes", "voted", "voting"]);
/** Words that tell of a vote: a text with one, about a single issue, has its abstentions on it. */
const VOTE_WORDS = new Set([...VOTE_VERBS, "ballot", ...MOTION_NOUNS]);

/**
 * "Britain and Switzerland abstained": in a text about the issue that tells of a vote but names no
 * motion the rules read, an abstention is neutral whatever was voted on.
 */
export function abstentions(doc: Doc): Vote[] {
  const first = doc.tokens.findIndex((t) => VOTE_WORDS.has(t.key) && !doc.insideQuote(t.start));
  if (first < 0) return [];
  const sentence = (doc.tokens[first] as Token).sentence;
  return votesOn(doc, { sentence: sentence - 1, stance: "neutral" }).filter((v) => v.side === "abstain");
}

function voteStance(motion: StanceValue, side: "for" | "against" | "abstain"): StanceValue {
  if (side === "abstain" || motion === "neutral") return "neutral";
  return side === "for" ? motion : opposite(motion);
}
