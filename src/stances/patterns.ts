import { StandpointError } from "../errors.ts";
import type { Token } from "../extract/types.ts";
import { words } from "../extract/word-classes.ts";
import { fold } from "../world/fold.ts";
import { inflect } from "./inflect.ts";
import { MODIFYING_PARTICIPLES, PATTERN_CLASSES } from "./syntax.ts";

/**
 * Cue patterns of a codebook, compiled to token sequences: words, alternatives `(a|b)`, optional
 * words `[a]`, verbs in every form `~recognise`, a word class of stance-syntax.json as one of the
 * alternatives `(@condemning_judgements|an annexation)`, and slots `{T}`, `{P}`, `{PARENT}`, `{BY}`, `{ORG}`
 * filled with the codebook's target, propositions, parent state, the state that annexes it and the
 * body it would join.
 */
export type Slot = "T" | "P" | "PARENT" | "BY" | "ORG";

export type Element = { alternatives: string[][]; optional: boolean; verb: boolean } | { slot: Slot };

export interface Pattern {
  source: string;
  elements: Element[];
  /** The pattern opens with a verb: a narrative sentence can report it as an act of its subject. */
  verb: boolean;
}

const WORD =
  /(?:[a-z]\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\d]*(?:-[\p{L}\p{M}\d]+)*(?:'(?!s\b)[\p{L}\p{M}]+)?|'s\b|\d+|\S/gu;

/** Words of a phrase as the tokenizer's keys: folded, lower case, "'s" apart. */
export function phraseKeys(text: string): string[] {
  return fold(text).toLowerCase().match(WORD) ?? [];
}

function alternativesOf(body: string): string[][] {
  return body.split("|").flatMap((alt) => {
    const name = alt.trim();
    if (!name.startsWith("@")) return [phraseKeys(name)];
    const members = PATTERN_CLASSES.get(name.slice(1));
    if (!members)
      throw new StandpointError(
        "invalid",
        `unknown word class ${name} in a cue pattern (known: ${[...PATTERN_CLASSES.keys()].map((k) => `@${k}`).join(", ")})`,
      );
    return members.map(phraseKeys);
  });
}

/** Parses one pattern into its elements. */
export function parsePattern(source: string): Pattern {
  const elements: Element[] = [];
  const re = /\{(T|P|PARENT|BY|ORG)\}|\(([^)]*)\)|\[([^\]]*)\]|~([\p{L}-]+)|'s\b|[^\s{([~]+/gu;
  let verb = false;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m[1]) elements.push({ slot: m[1] as Slot });
    else if (m[2] !== undefined)
      elements.push({ alternatives: alternativesOf(m[2]), optional: false, verb: false });
    else if (m[3] !== undefined)
      elements.push({ alternatives: alternativesOf(m[3]), optional: true, verb: false });
    else if (m[4]) {
      if (elements.length === 0) verb = true;
      const [base, ...rest] = m[4].toLowerCase().split("-");
      elements.push({
        alternatives: inflect(base as string).map((f) => [f, ...rest]),
        optional: false,
        verb: true,
      });
    } else
      for (const key of phraseKeys(m[0]))
        elements.push({ alternatives: [[key]], optional: false, verb: false });
  }
  return { source, elements, verb };
}

/**
 * Token sequences of a slot: the target's names, the propositions (themselves with {T}), the names
 * of the parent, the annexer and the body. `nested` holds the propositions that take another in
 * their own {P} ("the idea of {P}"), by first word, with the slots their {P} is read from.
 */
export type SlotValues = Record<Slot, string[][]> & {
  nested?: { byFirst: ReadonlyMap<string, Element[][]>; inner: SlotValues };
};

/** How many token sequences a proposition stands for at most; its optional words multiply. */
export const MAX_EXPANSION = 20_000;

/** How many token sequences `expand` would give, counted without making them. */
export function expansionSize(pattern: Pattern, slots: Omit<SlotValues, "P">): number {
  let n = 1;
  for (const el of pattern.elements)
    n *=
      "slot" in el
        ? el.slot === "P"
          ? 0
          : slots[el.slot].length
        : el.alternatives.length + (el.optional ? 1 : 0);
  return n;
}

/** Expands a pattern without {P} into all its token sequences (for propositions). */
export function expand(pattern: Pattern, slots: Omit<SlotValues, "P">): string[][] {
  let out: string[][] = [[]];
  for (const el of pattern.elements) {
    const choices =
      "slot" in el
        ? el.slot === "P"
          ? []
          : slots[el.slot]
        : [...el.alternatives, ...(el.optional ? [[]] : [])];
    out = out.flatMap((prefix) => choices.map((c) => [...prefix, ...c]));
  }
  return out.filter((seq) => seq.length > 0);
}

/**
 * The target's bare name before "to" is the object of what follows, not the proposition: in "wanted
 * Greenland to be part of the US" and "called for Kosovo to stay in Serbia" the act wanted is the
 * infinitive's.
 */
function objectOfInfinitive(tokens: Token[], i: number, seq: string[], slots: SlotValues): boolean {
  if (tokens[i + seq.length]?.key !== "to") return false;
  return slots.T.some((name) => name.length === seq.length && sequenceAt(tokens, i, name));
}

/** The end (exclusive) of a match of `pattern` at token `i`, or -1; the slots each match records where. */
export function matchPattern(
  tokens: Token[],
  i: number,
  elements: Element[],
  slots: SlotValues,
  filled: Partial<Record<Slot, [number, number]>> = {},
  loose?: Loose,
): number {
  if (elements.length === 0) return i;
  // Quotation marks inside a cue: the referendum is “illegal”, vowed to 'reclaim' the islands.
  if ((tokens[i]?.key === '"' && i > 0 && tokens[i - 1]?.kind === "word") || singleQuoteMark(tokens, i))
    return matchPattern(tokens, i + 1, elements, slots, filled, loose);
  const el = elements[0] as Element;
  const rest = tail(elements);
  const choices = "slot" in el ? slots[el.slot] : el.alternatives;
  for (const seq of startingWith(choices, tokens[i]?.key ?? "")) {
    if (!sequenceAt(tokens, i, seq)) continue;
    if ("slot" in el && el.slot === "P" && objectOfInfinitive(tokens, i, seq, slots)) continue;
    if ("slot" in el) filled[el.slot] = [i, i + seq.length];
    const end = matchPattern(tokens, i + seq.length, rest, slots, filled, loose);
    if (end >= 0) return end;
    if ("slot" in el && el.slot === "P" && rest.length) {
      const past = pastModifier(tokens, i + seq.length, rest, slots, filled, loose);
      if (past >= 0) return past;
    }
  }
  if ("slot" in el && el.slot === "P" && slots.nested) {
    const end = nestedProposition(tokens, i, rest, slots, filled, loose);
    if (end >= 0) return end;
  }
  if ("optional" in el && el.optional) return matchPattern(tokens, i, rest, slots, filled, loose);
  if (loose && "slot" in el && el.slot === "P")
    return looseProposition(tokens, i, rest, slots, filled, loose);
  return -1;
}

/** The rest of a pattern after a proposition holding another at `i` ("plans to hold a referendum"), or -1. */
function nestedProposition(
  tokens: Token[],
  i: number,
  rest: Element[],
  slots: SlotValues,
  filled: Partial<Record<Slot, [number, number]>>,
  loose: Loose | undefined,
): number {
  const nested = slots.nested;
  for (const elements of nested?.byFirst.get(tokens[i]?.key ?? "") ?? []) {
    const inner = matchPattern(tokens, i, elements, nested?.inner as SlotValues, {}, loose);
    if (inner < 0) continue;
    filled.P = [i, inner];
    const end = matchPattern(tokens, inner, rest, slots, filled, loose);
    if (end >= 0) return end;
  }
  return -1;
}

/** How many tokens an aside between commas may run. */
const ASIDE_REACH = 8;

/**
 * The rest of a pattern matched past what modifies a proposition ending at `i`: an aside between
 * commas ("Catalonia's referendum, held on October 1, was illegal"), a participle's phrase ("the
 * referendums held on February 2 are illegal") or a relative pronoun; -1 when there is none.
 */
function pastModifier(
  tokens: Token[],
  i: number,
  rest: Element[],
  slots: SlotValues,
  filled: Partial<Record<Slot, [number, number]>>,
  loose: Loose | undefined,
): number {
  // "the referendum, unrecognised by Chisinau,": the rest of the pattern set off after a comma.
  if (tokens[i]?.text === ",") {
    const after = matchPattern(tokens, i + 1, rest, slots, filled, loose);
    if (after >= 0) return after;
  }
  const aside = asideEnd(tokens, i);
  if (aside >= 0) return matchPattern(tokens, aside, rest, slots, filled, loose);
  // "the plan that is also opposed by the United States": a relative clause's verb goes on the cue.
  if (tokens[i]?.key === "that" || tokens[i]?.key === "which")
    return matchPattern(tokens, i + 1, rest, slots, filled, loose);
  if (!MODIFYING_PARTICIPLES.has(tokens[i]?.key ?? "")) return -1;
  for (let j = i + 2; j <= i + ASIDE_REACH; j++) {
    const t = tokens[j];
    if (!t || t.sentence !== tokens[i]?.sentence || t.kind === "punct") return -1;
    const end = matchPattern(tokens, j, rest, slots, filled, loose);
    if (end >= 0) return end;
  }
  return -1;
}

/** How many words a phrase in single quotation marks may hold inside a cue. */
const SINGLE_QUOTED_REACH = 4;

/**
 * Whether the token at `i` is a single quotation mark around words of a cue ("vowed to 'reclaim'
 * the territory"), not an apostrophe ("the islands' sovereignty"): an opening mark has a space
 * before it and a word glued after; a closing one is glued to its word and closes such an opening.
 */
function singleQuoteMark(tokens: Token[], i: number): boolean {
  return tokens[i]?.key === "'" && (opensSingleQuote(tokens, i) || closesSingleQuote(tokens, i));
}

function opensSingleQuote(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (
    t.key === "'" &&
    before?.kind === "word" &&
    before.end < t.start &&
    after?.kind === "word" &&
    after.start === t.end
  );
}

function closesSingleQuote(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (tokens[i - 1]?.kind !== "word" || tokens[i - 1]?.end !== t.start) return false;
  for (let j = i - 2; j >= Math.max(0, i - 1 - SINGLE_QUOTED_REACH); j--) {
    if (tokens[j]?.sentence !== t.sentence) return false;
    if (tokens[j]?.key === "'") return opensSingleQuote(tokens, j);
  }
  return false;
}

/** The token after an aside opening with a comma at `i` and closing with one in its sentence, or -1. */
function asideEnd(tokens: Token[], i: number): number {
  if (tokens[i]?.text !== ",") return -1;
  for (let j = i + 1; j <= i + ASIDE_REACH; j++) {
    const t = tokens[j];
    if (!t || t.sentence !== tokens[i]?.sentence || t.key === '"') return -1;
    if (t.text === ",") return j > i + 1 ? j + 1 : -1;
  }
  return -1;
}

/** Matching a proposition further inside the phrase a cue governs, up to a token `stops`. */
export interface Loose {
  /** A token the phrase may not run over: another actor's name ("recognise Israel"). */
  stops(j: number): boolean;
}

/** Whether the tokens from `i` on are the words of `seq`. */
export function sequenceAt(tokens: Token[], i: number, seq: string[]): boolean {
  for (let n = 0; n < seq.length; n++) if (tokens[i + n]?.key !== seq[n]) return false;
  return true;
}

const tails = new WeakMap<Element[], Element[]>();

/** A pattern's elements after the first, made once: matching runs through millions of them. */
function tail(elements: Element[]): Element[] {
  let rest = tails.get(elements);
  if (!rest) {
    rest = elements.slice(1);
    tails.set(elements, rest);
  }
  return rest;
}

const byFirstKey = new WeakMap<string[][], Map<string, string[][]>>();
const NONE: string[][] = [];

/**
 * The sequences of a choice that start with `key`, longest first ("Kosovo's independence" is
 * tried before "Kosovo"); indexed once for each list of choices.
 */
function startingWith(choices: string[][], key: string): string[][] {
  let index = byFirstKey.get(choices);
  if (!index) {
    index = new Map();
    for (const seq of [...choices].sort((a, b) => b.length - a.length)) {
      const first = seq[0] ?? "";
      index.set(first, [...(index.get(first) ?? []), seq]);
    }
    byFirstKey.set(choices, index);
  }
  return index.get(key) ?? NONE;
}

/** How far a proposition may sit inside the phrase a cue governs. */
const LOOSE_REACH = 8;
/** Words that end the phrase a cue governs: another clause or verb group begins. */
const PHRASE_ENDS = words("relative_pronouns", "subordinators", "modals", "be_finite", "have", "do", [
  "to",
  "not",
  "said",
  "says",
  "and",
  "or",
  "but",
  // a preposition other than "of" starts a phrase of its own: "a resolution on Kosovo's independence"
  ...["on", "in", "at", "with", "by", "from", "into", "about", "against", "over", "for", "under"],
  ...["between", "through", "without", "within", "as", "than"],
]);

/**
 * A proposition further inside the phrase the cue governs: "recognise the independence of the
 * breakaway Georgian regions of South Ossetia", "reject any unilateral declaration of independence".
 */
function looseProposition(
  tokens: Token[],
  i: number,
  rest: Element[],
  slots: SlotValues,
  filled: Partial<Record<Slot, [number, number]>>,
  loose: Loose,
): number {
  for (let j = i; j < i + LOOSE_REACH; j++) {
    const t = tokens[j];
    if (!t || t.sentence !== tokens[i]?.sentence || loose.stops(j)) return -1;
    // "Abkhazia and South Ossetia": "and" may join the proposition to a name before it.
    const joins = t.key === "and" && j > i;
    if (!joins && ((t.kind === "punct" && t.key !== "'s") || PHRASE_ENDS.has(t.key))) return -1;
    // A verb's -ing form heads a phrase of its own: "stopped short of recognising Kosovo".
    if (t.key.length > 5 && t.key.endsWith("ing")) return -1;
    for (const seq of startingWith(slots.P, tokens[j + 1]?.key ?? "")) {
      if (!sequenceAt(tokens, j + 1, seq)) continue;
      // "to win away Taiwan's allies": a proposition found further on that owns what follows is not the object.
      if (tokens[j + 1 + seq.length]?.key === "'s") continue;
      const end = matchPattern(tokens, j + 1 + seq.length, rest, slots, filled);
      if (end >= 0) {
        filled.P = [i, j + 1 + seq.length];
        return end;
      }
    }
  }
  return -1;
}

/** The keys a match of the elements can start with, for indexing patterns by first word. */
export function firstKeys(elements: Element[], slots: SlotValues): Set<string> {
  const keys = new Set<string>();
  for (const el of elements) {
    const choices = "slot" in el ? slots[el.slot] : el.alternatives;
    for (const seq of choices) if (seq[0]) keys.add(seq[0]);
    if ("slot" in el && el.slot === "P") for (const key of slots.nested?.byFirst.keys() ?? []) keys.add(key);
    if (!("optional" in el && el.optional)) break;
  }
  return keys;
}
