import { readFileSync } from "node:fs";
import { dataPath, once } from "../paths.ts";

/** A state or state-like entity of `data/gazetteer/states.tsv`. */
export interface StateInfo {
  /** ISO 3166-1 alpha-3, or a user-assigned X… code for an entity without one. */
  code: string;
  name: string;
  /** state, disputed, historic or region. */
  type: string;
  /** The first of its adjectives: "Serbian". */
  adjective?: string;
  adjectives: string[];
  /** Names of its people: "Serbs". */
  people: string[];
  capitals: string[];
  aliases: string[];
  /** The state a disputed entity is claimed by or would leave; the state a seceded state left. */
  parent?: string;
  /** For a state independent since 1990, the year it became so. */
  since?: number;
  /** For a territory, the other state in its dispute: the one holding it or the one claiming it. */
  rival?: string;
}

const cells = (cell: string | undefined) =>
  cell
    ? cell
        .split("|")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** Every state by code, in the file's order. */
export const states = once((): ReadonlyMap<string, StateInfo> => {
  const out = new Map<string, StateInfo>();
  for (const line of readFileSync(dataPath("gazetteer", "states.tsv"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [code, name, adjectives, people, capitals, aliases, type, parent, since, rival] = line.split("\t");
    if (!code || !name) continue;
    const adjective = cells(adjectives)[0];
    out.set(code, {
      code,
      name,
      type: type?.trim() || "state",
      ...(adjective ? { adjective } : {}),
      adjectives: cells(adjectives),
      people: cells(people),
      capitals: cells(capitals),
      aliases: cells(aliases),
      ...(parent?.trim() ? { parent: parent.trim() } : {}),
      ...(since?.trim() ? { since: Number(since) } : {}),
      ...(rival?.trim() ? { rival: rival.trim() } : {}),
    });
  }
  return out;
});

export function stateInfo(code: string): StateInfo | undefined {
  return states().get(code);
}

/** A state's name, or its code where the gazetteer has none. */
/** Whether a gazetteer entry's status is argued over: a disputed entity, a region or a claimed territory. */
export function contested(code: string): boolean {
  const type = stateInfo(code)?.type;
  return type === "disputed" || type === "region" || type === "territory";
}

export function stateName(code: string): string {
  return states().get(code)?.name ?? code;
}
