/**
 * A cue in a participle that describes a motion: "Russia vetoed a resolution introduced by the
 * United States and Albania condemning the annexation". The motion's authors hold the cue's
 * stance; whoever adopts or backs the motion holds it too, whoever vetoes or rejects it the other.
 */

import type { Doc } from "../extract/doc.ts";
import type { Token } from "../extract/types.ts";
import { subjects } from "./actors.ts";
import { agents } from "./lists.ts";
import { ADOPTING_VERBS, AUTHORING_VERBS, COUNTERING_VERBS, MOTION_NOUNS } from "./syntax.ts";

export interface MotionHolders {
  /** Authors and adopters: the cue's own stance. */
  same: number[];
  /** Those who veto, block or vote against the motion: the other stance. */
  opposite: number[];
}

/** How far before the participle the motion's noun may stand: "a resolution introduced by A and B condemning". */
const MOTION_REACH = 14;

/** The motion a participle cue at `k` describes, and who stands where on it; undefined when it describes none. */
export function motionHolders(doc: Doc, k: number, first: number): MotionHolders | undefined {
  if (!(doc.tokens[k] as Token).key.endsWith("ing")) return undefined;
  let noun = -1;
  let by = -1;
  for (let j = k - 1; j >= Math.max(first, k - MOTION_REACH); j--) {
    const t = doc.tokens[j] as Token;
    if (MOTION_NOUNS.has(t.key)) {
      noun = j;
      break;
    }
    if (t.key === "by" && AUTHORING_VERBS.has(doc.tokens[j - 1]?.key ?? "")) by = j;
    if (t.text === ";" || t.text === ":" || (t.kind === "word" && t.key.endsWith("ing") && j < k - 1))
      return undefined;
  }
  if (noun < 0) return undefined;
  const authors = by >= 0 ? agents(doc, by, k, "by") : [];
  const verb = governingVerb(doc, noun, first);
  const holders = verb === undefined ? [] : subjects(doc, verb.at, first);
  return {
    same: [...authors, ...(verb?.adopts ? holders : [])],
    opposite: verb && !verb.adopts ? holders : [],
  };
}

/** How many words may stand between a motion's noun and a cue it says: "The resolution also "affirms the right …"". */
const SAYING_REACH = 3;

/**
 * A cue a motion says, as its clause's subject: "The resolution "affirms the right of the people of
 * French Polynesia to self-determination"", "the draft condemns the annexation". It says where a
 * later vote on the motion stands; nobody is said to back or block it here.
 */
export function motionSaying(doc: Doc, k: number, first: number): MotionHolders | undefined {
  let j = k - 1;
  for (let n = 0; n < SAYING_REACH && j > first; n++) {
    const t = doc.tokens[j] as Token;
    const saying =
      t.text === '"' || t.key === "also" || (t.kind === "word" && !t.upper && t.key.endsWith("s"));
    if (!saying || MOTION_NOUNS.has(t.key)) break;
    j--;
  }
  if (doc.tokens[j]?.text === '"') j--;
  return MOTION_NOUNS.has(doc.tokens[j]?.key ?? "") &&
    ["the", "a", "draft"].includes(doc.tokens[j - 1]?.key ?? "")
    ? { same: [], opposite: [] }
    : undefined;
}

/** The verb a motion's noun phrase is the object of: "vetoed a UN Security Council resolution", "voted for the draft". */
function governingVerb(doc: Doc, noun: number, first: number): { at: number; adopts: boolean } | undefined {
  let j = noun - 1;
  while (
    j > first &&
    (doc.tokens[j]?.upper || ["a", "an", "the", "draft", "-"].includes(doc.tokens[j]?.key ?? ""))
  )
    j--;
  const key = doc.tokens[j]?.key ?? "";
  const voted = ["vote", "votes", "voted", "voting"].includes(doc.tokens[j - 1]?.key ?? "");
  if (voted && (key === "for" || key === "against")) return { at: j - 1, adopts: key === "for" };
  if (ADOPTING_VERBS.has(key)) return { at: j, adopts: true };
  if (COUNTERING_VERBS.has(key)) return { at: j, adopts: false };
  return undefined;
}
