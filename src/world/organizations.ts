import { once, readDataJson } from "../paths.ts";
import { keyOf } from "./fold.ts";

/** An organisation of `data/gazetteer/organizations.json`. */
export interface OrganizationInfo {
  /** The gazetteer id: UN, UNSC, EU, … */
  id: string;
  name: string;
  aliases: string[];
  /** intergovernmental, mission, court, ministry, party, …: the file says. */
  type: string;
  /** For a national body: the state it belongs to. */
  country?: string;
}

interface OrganizationsFile {
  organizations: OrganizationInfo[];
  suffixes: { words: string[]; lead: string[] };
}

const file = once(() => readDataJson<OrganizationsFile>("gazetteer", "organizations.json"));

/** Every organisation by id, in the file's order. */
export const organizations = once(
  (): ReadonlyMap<string, OrganizationInfo> => new Map(file().organizations.map((o) => [o.id, o])),
);

export function organizationInfo(id: string): OrganizationInfo | undefined {
  return organizations().get(id);
}

/** Head nouns that end a body's name: "Socialist Equality Party", "Center for … Studies" (keys). */
export const bodySuffixes = once((): ReadonlySet<string> => new Set(file().suffixes.words.map(keyOf)));

/** Head nouns that open a body's name: "Ministry of Foreign Affairs" (keys). */
export const bodyLeads = once((): ReadonlySet<string> => new Set(file().suffixes.lead.map(keyOf)));
