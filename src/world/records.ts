import { once, readDataJson } from "../paths.ts";
import { fold } from "./fold.ts";

export type Act = "recognised" | "withdrew-recognition" | "yes" | "no" | "abstain" | "absent" | "veto";
export const ACTS: readonly Act[] = [
  "recognised",
  "withdrew-recognition",
  "yes",
  "no",
  "abstain",
  "absent",
  "veto",
];

interface ActDef {
  kind: "recognition" | "vote";
  stance?: "support" | "oppose";
  words: string[];
}

const actDefs = once(() => readDataJson<{ acts: Record<Act, ActDef> }>("records", "acts.json").acts);

const key = (text: string) =>
  fold(text)
    .toLowerCase()
    .replace(/[\s_]+/g, " ")
    .trim();

const actWords = once(() => {
  const out = new Map<string, Act>();
  for (const act of ACTS) {
    out.set(key(act), act);
    for (const word of actDefs()[act].words) out.set(key(word), act);
  }
  return out;
});

/** The act a user's table names ("voted yes", "recognized", "abstention"), if it is one. */
export function actOf(text: string): Act | undefined {
  return actWords().get(key(text));
}

export function actKind(act: Act): "recognition" | "vote" {
  return actDefs()[act].kind;
}

/** The stance an act on an entity's status shows about it (recognition supports it). */
export function actStance(act: Act): "support" | "oppose" | undefined {
  return actDefs()[act].stance;
}

interface CodeSpan {
  iso3: string;
  from?: string;
  until?: string;
}

const unCodes = once(() =>
  readDataJson<{
    votes: Record<string, CodeSpan[]>;
    names: Record<string, string>;
    vetoes: Record<string, string>;
  }>("records", "un-codes.json"),
);

/** The alpha-3 code the UN voting data's member code stands for on a date, where ISO alpha-2 no longer lists it. */
export function historicVoteCode(code: string, date: string): string | undefined {
  const spans = unCodes().votes[code];
  return spans?.find((s) => (!s.from || date >= s.from) && (!s.until || date < s.until))?.iso3;
}

/** The alpha-3 code of a member the voting data names without a code ("Yemen Arab Republic"). */
export function uncodedMember(name: string): string | undefined {
  return unCodes().names[name.trim()];
}

/** The alpha-3 code of a permanent member as the veto list names it ("USSR", "UK"). */
export function vetoMemberCode(name: string): string | undefined {
  return unCodes().vetoes[name.trim()];
}

export const VETO_MEMBER_NAMES = () => Object.keys(unCodes().vetoes);

/** How a recorded decision bears on the disputes whose targets it names. */
export interface ResolutionBearing {
  symbol: string;
  targets: string[];
  /** The kinds of dispute over those targets it bears on: independence, annexation, autonomy, membership. */
  kinds: string[];
  /** `stance`: a vote on it is a position; `own-issue`: a question of its own, compared as a lean only. */
  bears: "stance" | "own-issue";
  /** The stance on the dispute a yes shows (or leans to). */
  yes: "support" | "oppose";
  note: string;
}

export const resolutionBearings = once(
  () => readDataJson<{ votes: ResolutionBearing[] }>("records", "resolutions.json").votes,
);

/** A resolution symbol written the UN's way: the voting data's "R/63/3" is "A/RES/63/3". */
export function normalSymbol(symbol: string): string {
  const s = symbol.trim().replace(/\s+/g, "");
  const m = /^R\/(\d+)\/(.+)$/i.exec(s);
  return m ? `A/RES/${m[1]}/${m[2]}` : s.toUpperCase();
}

/** A name folded for matching a codebook's target against a bearing's. */
export const nameKey = key;
