import { contested } from "../world/states.ts";
import type { Doc } from "./doc.ts";

/** The codes of the disputed places, regions and territories a text names by name. */
export function contestedPlacesNamed(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const m of doc.mentions) {
    if (m.form !== "name") continue;
    const { kind, country } = doc.entities.get(m.entity);
    if (kind === "state" && country && contested(country)) out.add(country);
  }
  return out;
}
