import type { Codebook } from "../codebooks/codebook.ts";
import { StandpointError } from "../errors.ts";
import { keyOf } from "../world/fold.ts";
import { lookupName } from "../world/gazetteer.ts";
import { organizationInfo } from "../world/organizations.ts";
import { states } from "../world/states.ts";
import {
  type Element,
  expand,
  expansionSize,
  firstKeys,
  MAX_EXPANSION,
  type Pattern,
  parsePattern,
  phraseKeys,
  type SlotValues,
} from "./patterns.ts";

export type StanceValue = "support" | "oppose" | "neutral";

/** The other side: support for opposition and back; neutral stays neutral. */
export function opposite(stance: StanceValue): StanceValue {
  return stance === "support" ? "oppose" : stance === "oppose" ? "support" : "neutral";
}

export interface Cue extends Pattern {
  stance: StanceValue;
  /** For a cue opening with its proposition ("{P} was recognised by"), the words that may follow it: one must be near. */
  after?: Set<string>;
  /** A descriptor: the stance is that of the actor it describes ("Xanana Gusmao, the independence leader"). */
  describes?: true;
  /** Made from a cue on "{PARENT}'s" or "{BY}'s" with "its" instead: it holds only where "its" is that state's. */
  its?: "PARENT" | "BY";
}

/** How far after its first word a cue opening with a proposition may have the word that follows the proposition. */
export const AFTER_PROPOSITION = 12;

/** A codebook ready to match: its cues indexed by first word, slots filled, word lists as keys. */
export interface CompiledCodebook {
  codebook: Codebook;
  slots: SlotValues;
  byFirst: Map<string, Cue[]>;
  /** Every word some cue opening with a proposition needs after it: when none is near, no such cue can match. */
  afterAny: Set<string>;
  /** Keys of the target's names, to tell a text about the target. */
  targetKeys: string[][];
  negators: string[][];
  reversals: string[][];
  hedges: string[][];
  conditionals: Set<string>;
}

/** The target's names, with its adjective and the names the gazetteer knows it by. */
function targetNames(codebook: Codebook): string[] {
  const names = new Set(codebook.target);
  for (const state of states().values()) {
    if (codebook.target.some((t) => keyOf(t) === keyOf(state.name)))
      for (const a of [...state.aliases, ...state.adjectives]) names.add(a);
  }
  return [...names];
}

/**
 * The names of states the codebook names (its parent, its annexer), with those the gazetteer knows
 * them by, their capitals and adjectives: "Madrid", "Moroccan sovereignty", "Israeli sovereignty".
 */
function stateNames(names: string[]): string[] {
  const out = new Set(names);
  for (const state of states().values()) {
    if (names.some((t) => keyOf(t) === keyOf(state.name)))
      for (const a of [...state.aliases, ...state.capitals, ...state.adjectives]) out.add(a);
  }
  // "the territorial integrity of the Federal Republic of Somalia": a state by its formal style.
  for (const name of names) for (const style of STATE_STYLES) out.add(`${style} ${name}`);
  return [...out];
}

const STATE_STYLES = ["the Republic of", "Republic of", "the Federal Republic of", "Federal Republic of"];

/** The names of bodies the codebook names, with those the gazetteer knows them by: "UN", "U.N.". */
function bodyNames(names: string[]): string[] {
  const out = new Set(names);
  for (const name of names) {
    const entry = lookupName(name);
    if (entry?.kind === "organization")
      for (const a of organizationInfo(entry.code)?.aliases ?? []) out.add(a);
  }
  return [...out];
}

/** What finding a codebook's target needs, its names and its parent's, without its cues and propositions. */
export interface Targets {
  codebook: Codebook;
  targetKeys: string[][];
  slots: SlotValues;
}

export function compileTargets(codebook: Codebook): Targets {
  const T = targetNames(codebook).map(phraseKeys);
  const PARENT = stateNames(codebook.parent).map(phraseKeys);
  const BY = stateNames(codebook.by).map(phraseKeys);
  const ORG = bodyNames(codebook.body).map(phraseKeys);
  return { codebook, targetKeys: T, slots: { T, PARENT, BY, ORG, P: [] } };
}

/** Propositions that take another in their {P} ("the idea of {P}"), by first word; their {P} reads only propositions without one. */
function nestedPropositions(
  codebook: Codebook,
  sources: string[],
  inner: SlotValues,
): Pick<SlotValues, "nested"> {
  if (!sources.length) return {};
  const byFirst = new Map<string, Element[][]>();
  for (const source of sources) {
    const { elements } = parsePattern(source);
    const first = elements[0];
    if (first && "slot" in first && first.slot === "P")
      throw new StandpointError(
        "invalid",
        `proposition ${JSON.stringify(source)} may not open with {P}`,
        codebook.id,
      );
    for (const key of firstKeys(elements, inner)) byFirst.set(key, [...(byFirst.get(key) ?? []), elements]);
  }
  return { nested: { byFirst, inner } };
}

export function compile(codebook: Codebook): CompiledCodebook {
  const {
    slots: { T, PARENT, BY, ORG },
  } = compileTargets(codebook);
  const nestedSources = codebook.propositions.filter((source) => source.includes("{P}"));
  const P = codebook.propositions.flatMap((source) => {
    if (source.includes("{P}")) return [];
    const pattern = parsePattern(source);
    const size = expansionSize(pattern, { T, PARENT, BY, ORG });
    if (size > MAX_EXPANSION)
      throw new StandpointError(
        "invalid",
        `proposition ${JSON.stringify(source)} stands for ${size} phrases with the target's names (at most ${MAX_EXPANSION}): split it into patterns with fewer optional words`,
        codebook.id,
      );
    return expand(pattern, { T, PARENT, BY, ORG });
  });
  const slots: SlotValues = {
    T,
    PARENT,
    BY,
    ORG,
    P,
    ...nestedPropositions(codebook, nestedSources, { T, PARENT, BY, ORG, P }),
  };
  const byFirst = new Map<string, Cue[]>();
  const afterAny = new Set<string>();
  for (const stance of ["support", "oppose", "neutral"] as const) {
    for (const source of codebook[stance]) {
      const pattern = parsePattern(source);
      const first = pattern.elements[0];
      const after =
        first && "slot" in first && first.slot === "P"
          ? firstKeys(pattern.elements.slice(1), slots)
          : undefined;
      const cue: Cue = { ...pattern, stance, ...(after ? { after } : {}) };
      for (const word of after ?? []) afterAny.add(word);
      for (const key of firstKeys(cue.elements, slots)) byFirst.set(key, [...(byFirst.get(key) ?? []), cue]);
      // "Indonesia will defend its territorial integrity": the parent's or annexer's possessive as "its".
      for (const slot of ["PARENT", "BY"] as const) {
        if (!source.includes(`{${slot}}'s`)) continue;
        const its: Cue = { ...parsePattern(source.replaceAll(`{${slot}}'s`, "its")), stance, its: slot };
        for (const key of firstKeys(its.elements, slots))
          byFirst.set(key, [...(byFirst.get(key) ?? []), its]);
      }
    }
  }
  for (const stance of ["support", "oppose"] as const) {
    for (const source of codebook.descriptors[stance]) {
      const cue: Cue = { ...parsePattern(source), stance, describes: true };
      for (const key of firstKeys(cue.elements, slots)) byFirst.set(key, [...(byFirst.get(key) ?? []), cue]);
    }
  }
  return {
    codebook,
    slots,
    byFirst,
    afterAny,
    targetKeys: T,
    negators: codebook.negators.map(phraseKeys),
    reversals: codebook.reversals.map(phraseKeys),
    hedges: codebook.hedges.map(phraseKeys),
    conditionals: new Set(codebook.conditionals.map((c) => keyOf(c))),
  };
}
