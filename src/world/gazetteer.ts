import { createRequire } from "node:module";
import { once } from "../paths.ts";
import { fold } from "./fold.ts";
import { organizations } from "./organizations.ts";
import { states } from "./states.ts";

export type GazetteerForm = "name" | "adjective" | "people" | "capital" | "alias";

export interface GazetteerEntry {
  kind: "state" | "organization";
  /** ISO 3166 alpha-3 code of a state, gazetteer id of an organisation. */
  code: string;
  name: string;
  form: GazetteerForm;
  /** For a national body: the state it belongs to. */
  country?: string;
  /** state, disputed, historic, region; or an organisation's type. */
  type: string;
}

/** A name of the gazetteer as the words of a text must spell it. */
export interface Phrase {
  keys: string[];
  /** For each key, whether the text must have it capitalised (as the phrase is written). */
  capital: boolean[];
  /** The phrase as written, for short all-capital aliases ("US", "UN") that must match in capitals. */
  exact?: string;
  entry: GazetteerEntry;
}

interface Gazetteer {
  /** Phrases by the key of their first word, longest first. */
  phrases: Map<string, Phrase[]>;
  /** Every name by its words' keys, the first entry of a name winning: to look up a name a user types. */
  byName: Map<string, GazetteerEntry>;
}

const PHRASE_TOKEN =
  /(?:[A-Za-z]\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\d]*(?:-[\p{L}\p{M}\d]+)*(?:'(?!s\b)[\p{L}\p{M}]+)?|'s\b|\d+|\S/gu;

const phraseKeysOf = (text: string) => (fold(text).match(PHRASE_TOKEN) ?? []).map((w) => w.toLowerCase());

function addPhrase(g: Gazetteer, text: string, entry: GazetteerEntry): void {
  const written = fold(text).match(PHRASE_TOKEN) ?? [];
  const keys = written.map((w) => w.toLowerCase());
  if (!keys.length) return;
  if (!g.byName.has(keys.join(" "))) g.byName.set(keys.join(" "), entry);
  const capital = written.map((w) => /^\p{Lu}/u.test(w));
  const exact = text.length <= 4 && text === text.toUpperCase() ? text.replace(/\s+/g, " ") : undefined;
  const phrase: Phrase = { keys, capital, entry, ...(exact ? { exact } : {}) };
  const list = g.phrases.get(keys[0] as string) ?? [];
  if (list.some((p) => p.keys.join(" ") === keys.join(" ") && p.exact === phrase.exact)) return;
  list.push(phrase);
  list.sort((a, b) => b.keys.length - a.keys.length);
  g.phrases.set(keys[0] as string, list);
}

/** English official names by ISO alpha-2 code, from i18n-iso-countries ("Russian Federation"). */
function officialNames(): {
  alpha3ToAlpha2(code: string): string | undefined;
  names: Record<string, string | string[]>;
} {
  // Packages' JSON is read through require: a JSON import's attribute does not survive every bundler.
  const require = createRequire(import.meta.url);
  const countries = require("i18n-iso-countries") as { alpha3ToAlpha2(code: string): string | undefined };
  const english = require("i18n-iso-countries/langs/en.json") as {
    countries: Record<string, string | string[]>;
  };
  return { alpha3ToAlpha2: (code) => countries.alpha3ToAlpha2(code), names: english.countries };
}

function addStates(g: Gazetteer): void {
  const official = officialNames();
  for (const state of states().values()) {
    const base = { kind: "state" as const, code: state.code, name: state.name, type: state.type };
    addPhrase(g, state.name, { ...base, form: "name" });
    // Codes are for names users type, not for the text: "CAN" and "ARE" are words in a headline.
    const code = state.code.toLowerCase();
    if (!g.byName.has(code)) g.byName.set(code, { ...base, form: "alias" });
    for (const a of state.aliases) addPhrase(g, a, { ...base, form: "alias" });
    for (const a of state.adjectives) addPhrase(g, a, { ...base, form: "adjective" });
    for (const p of state.people) addPhrase(g, p, { ...base, form: "people" });
    for (const c of state.capitals) addPhrase(g, c, { ...base, form: "capital" });
    const alpha2 = official.alpha3ToAlpha2(state.code);
    const names = alpha2 ? official.names[alpha2] : undefined;
    for (const o of [names ?? []].flat()) addPhrase(g, o, { ...base, form: "alias" });
  }
}

function addOrganizations(g: Gazetteer): void {
  for (const org of organizations().values()) {
    const base = {
      kind: "organization" as const,
      code: org.id,
      name: org.name,
      type: org.type,
      ...(org.country ? { country: org.country } : {}),
    };
    addPhrase(g, org.name, { ...base, form: "name" });
    if (!g.byName.has(org.id.toLowerCase())) g.byName.set(org.id.toLowerCase(), { ...base, form: "alias" });
    for (const a of org.aliases) addPhrase(g, a.replace(/^the /, ""), { ...base, form: "alias" });
  }
}

const gazetteer = once((): Gazetteer => {
  const g: Gazetteer = { phrases: new Map(), byName: new Map() };
  addStates(g);
  addOrganizations(g);
  return g;
});

/** The gazetteer's phrases whose first word has this key, longest first. */
export function phrasesStartingWith(key: string): readonly Phrase[] | undefined {
  return gazetteer().phrases.get(key);
}

/** The store's id of the actor a gazetteer entry is: `state:SRB`, `org:UNSC`. */
export function actorIdOf(entry: Pick<GazetteerEntry, "kind" | "code">): string {
  return entry.kind === "state" ? `state:${entry.code}` : `org:${entry.code}`;
}

/** The state or organisation a name, alias, adjective or code stands for ("Britain", "russian", "RUS", "UNSC"). */
export function lookupName(text: string): GazetteerEntry | undefined {
  const { byName } = gazetteer();
  const key = phraseKeysOf(text).join(" ");
  return byName.get(key) ?? byName.get(key.replace(/^the /, ""));
}
