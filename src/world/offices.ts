import { once, readDataJson } from "../paths.ts";
import { keyOf } from "./fold.ts";

interface TitlesFile {
  kin: Record<string, string[]>;
  no_longer: string[];
  honorific_offices: Record<string, string[]>;
  national: Record<string, string>;
  to_body: string[];
  official: string[];
  not_current: string[];
  heads: string[];
  modifiers: string[];
  honorifics: Array<{ form: string; gender: string }>;
  gendered: Record<"m" | "f", string[]>;
}

/** Offices, titles and role nouns (`data/lexicons/titles.json`), as keys. */
export interface Offices {
  /** Titles whose holders speak for their state or body: a minister's stance is also the government's. */
  official: string[];
  /** Titles that name their state by themselves: "Secretary of State" (USA), "Foreign Secretary" (GBR). */
  national: ReadonlyMap<string, string>;
  /** Words that make a role one the person does not hold now: "former", "candidate". */
  notCurrent: ReadonlySet<string>;
  /**
   * Last words of title heads: "minister", "president", "adviser". Not the object of a head such as
   * "secretary of state" or "chief of staff": "the state of Iowa" holds no title.
   */
  lastWords: ReadonlySet<string>;
  /** Words that may come before a head: "former deputy foreign minister". */
  modifiers: ReadonlySet<string>;
  /** Role nouns a description's head may stand for: "envoy" for an ambassador. */
  kin: ReadonlyMap<string, string[]>;
  /** The role heads an abbreviated honorific stands for: "Sen." for "the senator". */
  honorificOffices: ReadonlyMap<string, string[]>;
  /** Words of a role its holder has left: "former", "then". */
  noLonger: ReadonlySet<string>;
  /** Heads whose holder represents a state at a body: "Russian UN ambassador" is Russia's. */
  toBody: ReadonlySet<string>;
  /** Honorifics and forms of address, with the gender they give, if any. */
  honorifics: ReadonlyMap<string, "m" | "f" | "">;
  /** Title words that give their holder's gender: "congresswoman". */
  gendered: ReadonlyMap<string, "m" | "f">;
}

export const offices = once((): Offices => {
  const titles = readDataJson<TitlesFile>("lexicons", "titles.json");
  return {
    official: titles.official.map(keyOf),
    national: new Map(Object.entries(titles.national).map(([t, c]) => [keyOf(t), c])),
    notCurrent: new Set(titles.not_current.map(keyOf)),
    lastWords: new Set(
      titles.heads.filter((h) => !/ of /.test(h)).map((h) => keyOf(h).split(/[ ]/).pop() as string),
    ),
    modifiers: new Set(titles.modifiers.map(keyOf)),
    kin: new Map(Object.entries(titles.kin)),
    honorificOffices: new Map(Object.entries(titles.honorific_offices)),
    noLonger: new Set(titles.no_longer),
    toBody: new Set(titles.to_body.map(keyOf)),
    honorifics: new Map(titles.honorifics.map((h) => [keyOf(h.form), h.gender as "m" | "f" | ""])),
    gendered: new Map<string, "m" | "f">([
      ...titles.gendered.m.map((w) => [w, "m"] as [string, "m"]),
      ...titles.gendered.f.map((w) => [w, "f"] as [string, "f"]),
    ]),
  };
});

/** Whether a title's holder speaks for the state or body of the role now: "Foreign Minister", not "former envoy". */
export function isOfficialTitle(title: string): boolean {
  const { notCurrent, official } = offices();
  const key = keyOf(title);
  if (key.split(/[\s-]+/).some((w) => notCurrent.has(w))) return false;
  return official.some((o) => key === o || key.endsWith(` ${o}`));
}

/** The state a title names by itself ("secretary of state" → USA), if any. */
export function nationalTitleState(title: string): string | undefined {
  return offices().national.get(keyOf(title));
}

/** A word of a title before a name: "Gen.", "President", "former". */
export function isTitleWord(key: string): boolean {
  const { honorifics, lastWords, modifiers } = offices();
  return honorifics.has(key) || lastWords.has(key) || modifiers.has(key);
}
