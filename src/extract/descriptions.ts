import { offices } from "../world/offices.ts";
import { type Doc, startingBefore } from "./doc.ts";
import type { Entity, Mention, Role, Token } from "./types.ts";

/** How many mentions back a description's holder is looked for: articles name their people early. */
const MENTIONS_BACK = 400;

/**
 * The person a definite description's head stands for ("senator", "envoy"): the last person named
 * before offset `before` who holds a role ending in the head or its kin ("the Russian envoy" →
 * Russia's ambassador), of the state `country` when one is given, of the body `body` when one is. With `honorific`, a name after
 * the honorific of that office counts too ("the senator" → "Sen. Bernie Sanders"), and only one
 * such person may be in view: with two senators named, "the senator" is neither. Each person is
 * judged once, at the mention of theirs nearest the description.
 */
export function roleHolder(
  doc: Doc,
  head: string,
  before: number,
  options: HolderOptions = {},
): Mention | undefined {
  const holds = holdsOffice(doc, head, options);
  const holder = lastMention(doc, before, holds);
  if (!holder || !options.honorific) return holder;
  return lastMention(doc, holder.start, holds) ? undefined : holder;
}

type HolderOptions = { country?: number; body?: number; former?: boolean; honorific?: boolean };

/**
 * The first person named from offset `from` to offset `to` who holds the office a description's
 * head names, as `roleHolder` judges it: "Puerto Rico's governor announced … Puerto Rico Governor
 * Ricardo Rossello".
 */
export function roleHolderAfter(
  doc: Doc,
  head: string,
  from: number,
  to: number,
  options: HolderOptions = {},
): Mention | undefined {
  const holds = holdsOffice(doc, head, options);
  for (const m of doc.mentions) {
    if (m.start < from || m.start >= to || m.form !== "name") continue;
    if (holds(m, doc.entities.get(m.entity))) return m;
  }
  return undefined;
}

/** Whether a mention's person holds the office `head` names, each person judged once, at the first mention asked about. */
function holdsOffice(doc: Doc, head: string, options: HolderOptions): (m: Mention, e: Entity) => boolean {
  const { country, body, former = false, honorific = false } = options;
  const kin = offices().kin.get(head) ?? [head];
  const stateOf = country === undefined ? undefined : doc.entities.get(country).country;
  const titled = honorific && country === undefined && !former;
  const judged = new Set<number>();
  return (m: Mention, e: Entity) => {
    if (e.kind !== "person" || judged.has(m.entity)) return false;
    judged.add(m.entity);
    // "the former president" is not the president.
    const byRole = e.roles.some(
      (r) =>
        kin.some((k) => r.title.toLowerCase().endsWith(k)) &&
        formerRole(doc, r) === former &&
        // "the PQ leader": the leader of that body, not a leader of its state.
        (body === undefined || r.of === body) &&
        (country === undefined ||
          r.of === country ||
          doc.entities.list[r.of ?? -1]?.country === stateOf ||
          // "Prime Minister Pedro Sanchez … the Spanish PM": an office named without its state.
          (r.of === undefined && (e.country === undefined || e.country === stateOf))),
    );
    return (
      byRole ||
      (titled &&
        (honorificOffices(doc)
          .get(m.entity)
          ?.some((o) => kin.includes(o)) ??
          false))
    );
  };
}

const officesByDoc = new WeakMap<Doc, Map<number, string[]>>();

/**
 * For each person, the offices the honorifics before their names stand for ("Sen." → senator):
 * read once a document, as its names are all found before coreference asks.
 */
function honorificOffices(doc: Doc): Map<number, string[]> {
  let held = officesByDoc.get(doc);
  if (held) return held;
  held = new Map();
  for (const m of doc.mentions) {
    if (m.form !== "name") continue;
    const found = offices().honorificOffices.get(doc.tokens[doc.tokenAt(m.start) - 1]?.key ?? "");
    if (found) held.set(m.entity, [...(held.get(m.entity) ?? []), ...found]);
  }
  officesByDoc.set(doc, held);
  return held;
}

/**
 * Whether a role is one its holder has left: "former" in its title, or just before a name the title
 * follows ("Former Bill Clinton pollster Douglas Schoen").
 */
function formerRole(doc: Doc, role: Role): boolean {
  if (isFormer(role.title)) return true;
  const at = doc.tokenAt(role.span.start);
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    const t = doc.tokens[k] as Token;
    if (offices().noLonger.has(t.key)) return true;
    if (!t.upper || t.kind !== "word") return false;
  }
  return false;
}

/** Whether a title or description names a role left: "former secretary", "then-governor". */
export function isFormer(words: string): boolean {
  return words
    .toLowerCase()
    .split(/\s+|(?<=-)/)
    .some((w) => offices().noLonger.has(w));
}

/** A body named inside a token range: "the PQ leader" is that body's leader. */
export function bodyIn(doc: Doc, first: number, last: number): number | undefined {
  for (let k = first; k < last; k++) {
    const e = doc.tokenEntity[k] ?? -1;
    if (e >= 0 && doc.entities.get(e).kind === "organization") return e;
  }
  return undefined;
}

/** The last of the mentions before offset `before` that fits, looking a bounded way back. */
export function lastMention(
  doc: Doc,
  before: number,
  fits: (m: Mention, e: Entity) => boolean,
): Mention | undefined {
  const { mentions } = doc;
  for (let i = startingBefore(mentions, before) - 1, n = 0; i >= 0 && n < MENTIONS_BACK; i--, n++) {
    const m = mentions[i] as Mention;
    if (fits(m, doc.entities.get(m.entity))) return m;
  }
  return undefined;
}

/**
 * A definite description of an office opening at token `k`: "the senator", "the Florida senator",
 * "the former secretary". Its head's token, or undefined. A head followed by a name is a title
 * before that name ("the senator Bernie Sanders"), not a description.
 */
export function officeDescription(doc: Doc, k: number): number | undefined {
  const { tokens } = doc;
  if (tokens[k]?.key !== "the") return undefined;
  for (let j = k + 1; j < Math.min(tokens.length, k + 5); j++) {
    const t = tokens[j] as Token;
    if (offices().lastWords.has(t.key) && (!t.upper || (doc.tokenEntity[j] ?? -1) < 0)) {
      // "The US ambassador, Zalmay Khalilzad, said": a description before its holder's name.
      const next = tokens[j + 1]?.text === "," ? tokens[j + 2] : tokens[j + 1];
      const named = next?.upper && next.kind === "word";
      return named || offices().lastWords.has(next?.key ?? "") ? undefined : j;
    }
    const place = doc.tokenEntity[j] ?? -1;
    const modifies =
      (offices().modifiers.has(t.key) && !t.upper) ||
      (place >= 0 && doc.entities.get(place).kind !== "person") ||
      t.text === "-";
    if (!modifies) return undefined;
  }
  return undefined;
}
