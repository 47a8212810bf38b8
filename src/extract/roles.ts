import { offices } from "../world/offices.ts";
import type { Doc } from "./doc.ts";
import { type GazetteerMatch, matchAt } from "./gazetteer-match.ts";
import { RELATIVE_PRONOUNS } from "./lexicons.ts";
import { placeOfRole, TITLE_GLUE } from "./names/titles.ts";
import { named } from "./rule-ids.ts";
import type { Token } from "./types.ts";
import { words } from "./word-classes.ts";

/** Verbs of a relative clause that name a role: "who represents Russia" → representative of Russia. */
const ROLE_VERBS: Record<string, string> = {
  represents: "representative",
  represented: "representative",
  heads: "head",
  headed: "head",
  leads: "leader",
  led: "leader",
  chairs: "chair",
  chaired: "chair",
  commands: "commander",
  commanded: "commander",
  runs: "head",
  ran: "head",
};
const COPULAS = new Set(["is", "was", "serves as", "served as", "became", "has been"]);
const DETERMINERS = words("articles");

/**
 * Where the noun phrase after a copula ends: before a verb of its own ("who is running for
 * president", "who was trying to become chairman"), whose object is no role held.
 */
function predicateEnd(doc: Doc, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k] as Token;
    if (t.key === "to" || t.key === "that" || (!t.upper && t.key.length > 4 && t.key.endsWith("ing")))
      return k;
  }
  return to;
}
const MAX_APPOSITION = 16;

/** The end (exclusive) of an apposition starting at `from`: the next comma, or the sentence's end. */
function clauseEnd(doc: Doc, from: number, limit: number): number {
  let k = from;
  while (k < limit && k - from < MAX_APPOSITION) {
    const t = doc.tokens[k] as Token;
    if (
      t.text === "," ||
      t.text === "." ||
      t.text === ";" ||
      t.text === ":" ||
      t.text === '"' ||
      t.text === ")"
    )
      break;
    k++;
  }
  return k;
}

/**
 * A role read from a stretch of tokens that holds a title: the words from the first title word to
 * the last title head, and the state or body it is of (a possessive "China's" first, else the last
 * place named).
 */
function readRole(doc: Doc, from: number, to: number): { title: string; of?: number } | undefined {
  const { tokens } = doc;
  const places: Array<GazetteerMatch & { possessive: boolean }> = [];
  let firstTitle = -1;
  let lastHead = -1;
  for (let k = from; k < to; ) {
    const m = matchAt(tokens, k, doc.folded);
    if (m && m.last <= to) {
      places.push({ ...m, possessive: tokens[m.last]?.key === "'s" });
      k = m.last;
      continue;
    }
    const key = (tokens[k] as Token).key;
    if (offices().lastWords.has(key)) {
      if (firstTitle < 0) firstTitle = k;
      lastHead = k;
    } else if (offices().modifiers.has(key) && firstTitle < 0 && !DETERMINERS.has(key)) firstTitle = k;
    k++;
  }
  if (lastHead < 0) return undefined;
  // A body named just before the title belongs to it: "UN ambassador", "NATO Secretary General".
  for (const p of [...places].reverse()) {
    if (p.last === firstTitle && p.entry.kind === "organization" && !p.possessive) firstTitle = p.first;
  }
  const words: string[] = [];
  for (let k = firstTitle; k <= lastHead; k++) {
    const inPlace = places.some(
      (p) => k >= p.first && k < p.last && !(p.entry.kind === "organization" && !p.possessive),
    );
    const t = tokens[k] as Token;
    if (inPlace || t.key === "'s") continue;
    words.push(doc.text.slice(t.start, t.end));
  }
  const title = words
    .join(" ")
    .replace(/^(?:of|for|the|and)\s+|\s+(?:of|for|the|and)$/g, "")
    .trim();
  if (!title) return undefined;
  const place = places.find((p) => p.possessive) ?? placeOfRole(doc, places, from, to);
  if (!place) return { title };
  const of =
    place.entry.kind === "state"
      ? doc.entities.state(place.entry.code)
      : doc.entities.organization(place.entry.code);
  return { title, of };
}

/** "Vitaly Churkin, who represents Russia": a verb of a role in a relative clause. */
const ROLE_VERB = named("role-verb-in-relative-clause");
/** "X, who is Russia's ambassador": a role after a copula in a relative clause. */
const RELATIVE_CLAUSE = named("relative-clause");
/** "Wang Guangya, China's UN ambassador,". */
const APPOSITION = named("apposition");
/** "Former deputy foreign minister …, Masis Mailyan": a title and a comma before the name. */
const TITLE_AND_COMMA = named("title-and-comma");

/**
 * Roles stated beside a person's name: an apposition ("Wang Guangya, China's UN ambassador,"), a
 * relative clause ("Vitaly Churkin, who represents Russia"), or a title and comma before the name
 * ("Former deputy foreign minister and presidential candidate for Nagorno Karabakh, Masis Mailyan").
 */
export function findRoles(doc: Doc): void {
  const { tokens } = doc;
  for (const mention of [...doc.mentions]) {
    const entity = doc.entities.get(mention.entity);
    if (entity.kind !== "person" || mention.form !== "name") continue;
    const first = doc.tokenAt(mention.start);
    const last = doc.tokenAt(mention.end);
    const sentence = doc.sentences[(tokens[first] as Token).sentence];
    if (!sentence) continue;
    const add = (
      role: { title: string; of?: number } | undefined,
      from: number,
      to: number,
      rule: string,
    ) => {
      if (!role || entity.roles.some((r) => r.title === role.title && r.of === role.of)) return;
      const span = { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end };
      entity.roles.push({ ...role, span, rule });
    };
    if (tokens[last]?.text === ",") {
      const from = last + 1;
      const to = clauseEnd(doc, from, sentence.last);
      // Another person named in it means a new clause, not an apposition.
      const another = doc.tokenEntity
        .subarray(from, to)
        .some((e) => e >= 0 && doc.entities.get(e).kind === "person");
      const opener = tokens[from]?.key;
      const verb = tokens[from + 1]?.key;
      if ((opener === "who" || opener === "which") && verb && ROLE_VERBS[verb]) {
        const place = readPlace(doc, from + 2, to);
        if (place !== undefined)
          add({ title: ROLE_VERBS[verb] as string, of: place }, from, to, ROLE_VERB.id);
      } else if ((opener === "who" || opener === "which") && verb && COPULAS.has(verb)) {
        add(readRole(doc, from + 2, predicateEnd(doc, from + 2, to)), from, to, RELATIVE_CLAUSE.id);
      } else if (to > from && !another && !RELATIVE_PRONOUNS.has(opener ?? "")) {
        // "Cruz, who has been plotting to be president": a relative clause of another verb holds no role.
        add(readRole(doc, from, to), from, to, APPOSITION.id);
      }
    }
    // "TITLE …, NAME," at the start of a sentence or clause.
    if (tokens[first - 1]?.text === "," && tokens[last]?.text === ",") {
      let from = first - 2;
      while (from > sentence.first && ![",", ";", ":"].includes((tokens[from - 1] as Token).text)) from--;
      if (first - 1 - from <= MAX_APPOSITION && onlyTitleWords(doc, from, first - 1)) {
        const segments = splitAtAnd(doc, from, first - 1);
        for (const [s, e] of segments) add(readRole(doc, s, e), s, e, TITLE_AND_COMMA.id);
      }
    }
  }
}

/** A stretch made only of title words, places, determiners and glue: "Former deputy foreign minister and presidential candidate for Nagorno Karabakh". */
function onlyTitleWords(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; ) {
    const m = matchAt(doc.tokens, k, doc.folded);
    if (m && m.last <= to) {
      k = m.last;
      continue;
    }
    const key = (doc.tokens[k] as Token).key;
    if (
      !offices().lastWords.has(key) &&
      !offices().modifiers.has(key) &&
      !TITLE_GLUE.has(key) &&
      !DETERMINERS.has(key)
    )
      return false;
    k++;
  }
  return true;
}

function readPlace(doc: Doc, from: number, to: number): number | undefined {
  for (let k = from; k < to; k++) {
    const m = matchAt(doc.tokens, k, doc.folded);
    if (m)
      return m.entry.kind === "state"
        ? doc.entities.state(m.entry.code)
        : doc.entities.organization(m.entry.code);
    const entity = doc.tokenEntity[k];
    if (entity !== undefined && entity >= 0 && doc.entities.get(entity).kind !== "person") return entity;
  }
  return undefined;
}

function splitAtAnd(doc: Doc, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = from;
  for (let k = from; k <= to; k++) {
    if (k === to || (doc.tokens[k] as Token).key === "and") {
      if (k > s) out.push([s, k]);
      s = k + 1;
    }
  }
  return out;
}
