import { keyOf } from "../world/fold.ts";
import { offices } from "../world/offices.ts";
import { bodyLeads, bodySuffixes } from "../world/organizations.ts";
import { subjectStart } from "./clauses.ts";
import type { Doc } from "./doc.ts";
import { type GazetteerMatch, matchAt } from "./gazetteer.ts";
import {
  BETWEEN_SUBJECT_AND_VERB,
  CAPITAL_INSIDE_NAME,
  COMMON_GIVEN_NAMES,
  COMMON_WORDS,
  CONTRACTION,
  cueAt,
  DETERMINERS,
  ENGLISH_FUNCTION_WORDS,
  FAMILY_FIRST,
  FAMILY_NAMES,
  FAMILY_NAMES_ALSO_WORDS,
  GENERATIONAL_SUFFIXES,
  GIVEN_NAMES,
  NOT_NAMES,
  PLACE_PREFIXES,
} from "./lexicons.ts";
import { familyNamesSoFar, fullNameStarts, nameParts, surnameOwner } from "./surnames.ts";
import type { Token } from "./types.ts";

/** Lower-case words that may sit inside a name ("Ludwig van Beethoven", "Bashar al-Assad"). */
export const PARTICLES = new Set([
  "de",
  "da",
  "del",
  "della",
  "der",
  "den",
  "van",
  "von",
  "bin",
  "ibn",
  "al",
  "el",
  "le",
  "la",
  "du",
  "dos",
  "das",
  "di",
  "ter",
  "ten",
  "y",
]);
/** Lower-case words that may join the words of a body's name ("Ministry of Foreign Affairs"). */
const JOINERS = new Set(["of", "for", "and", "on", "in", "the", "&"]);

/** Words that open an apposition after a name: "Wang Guangya, China's UN ambassador", "X, who ...". */
const APPOSITION_OPENERS = new Set(["who", "the", "a", "an", "whose", "former", "now", "then"]);

const isWordUpper = (t: Token | undefined) =>
  t !== undefined && t.kind === "word" && t.upper && t.key !== "'s";
const isInitial = (t: Token | undefined) => t !== undefined && /^(?:[A-Z]\.)+$/.test(t.text);

/** A nickname in quotation marks inside a name: Juan "Chico" Manriquez, Marcia ‘Cia’ Price. */
function isNickname(tokens: Token[], at: number): boolean {
  const mark = (tokens[at] as Token).text;
  return (
    (mark === '"' || mark === "'") &&
    isWordUpper(tokens[at + 1]) &&
    tokens[at + 2]?.text === mark &&
    isWordUpper(tokens[at + 3]) &&
    (tokens[at + 3] as Token).start - (tokens[at + 2] as Token).end <= 1
  );
}

/** A run of capitalised tokens: the raw material of names. */
interface Run {
  first: number;
  last: number;
}

/**
 * Capitalised runs in one sentence: capitalised words and initials, with particles and joiners
 * inside when a capitalised word follows. Runs never cross a sentence.
 */
const PARTY_STATE = /^[RDI]-[A-Z]/;

function runs(doc: Doc, first: number, last: number): Run[] {
  const out: Run[] = [];
  const { tokens } = doc;
  let i = first;
  while (i < last) {
    const t = tokens[i] as Token;
    if (!(isWordUpper(t) || isInitial(t))) {
      i++;
      continue;
    }
    // "(R-S.C.)", ", D-Calif.,": a party and state after a lawmaker's name is no name.
    if (PARTY_STATE.test(t.text)) {
      i++;
      continue;
    }
    // A capitalised function word opening a sentence ("From Bush's post", "As Politico
    // reported") is no part of a name, unless a gazetteer phrase starts there ("The Hague").
    if (NOT_NAMES.has(t.key) && !offices().honorifics.has(t.key) && !matchAt(tokens, i, doc.folded)) {
      // "of New York, a …": the word after "New" names the place too, not a person called York.
      i += PLACE_PREFIXES.has(t.key) && i + 1 < last && isWordUpper(tokens[i + 1]) ? 2 : 1;
      continue;
    }
    let j = i + 1;
    while (j < last) {
      const u = tokens[j] as Token;
      if (u.start - (tokens[j - 1] as Token).end > 2) break;
      if (isWordUpper(u) || isInitial(u)) j++;
      else if (PARTICLES.has(u.key) && isWordUpper(tokens[j + 1]) && j + 1 < last) j += 2;
      else if (j + 3 < last && isNickname(tokens, j)) j += 3;
      else break;
    }
    out.push({ first: i, last: extendBody(doc, i, j, last) });
    i = out[out.length - 1]?.last ?? j;
  }
  return out;
}

/**
 * A run extended over joiners ("of", "for", "in", "and") when the longer phrase is a body's name:
 * a gazetteer phrase ("UN Mission in Kosovo") or a phrase ending in a head noun ("Center for
 * Nonproliferation Studies", "Ministry of Foreign Affairs").
 */
function extendBody(doc: Doc, first: number, end: number, limit: number): number {
  const { tokens } = doc;
  let best = end;
  let j = end;
  // "Chris Wallace of Fox News": a person's name before the joiner, not a body's first words.
  if (GIVEN_NAMES.has((tokens[first] as Token).key) && !bodySuffixes().has((tokens[end - 1] as Token).key))
    return end;
  while (j < limit && JOINERS.has((tokens[j] as Token).key) && isWordUpper(tokens[j + 1])) {
    j += 1;
    while (j < limit && (isWordUpper(tokens[j]) || isInitial(tokens[j]))) j++;
    // A gazetteer phrase may start at any word of the run: "Kosovar Provisional Institution of Self-Government".
    let known = false;
    for (let s = first; s < end && !known; s++) known = matchAt(tokens, s, doc.folded)?.last === j;
    const lead = bodyLeads().has((tokens[first] as Token).key);
    if (known || bodySuffixes().has((tokens[j - 1] as Token).key) || lead) best = j;
  }
  return best;
}

interface Evidence {
  score: number;
  reasons: string[];
}

/** Why a run of capitalised words is (or is not) a person's name: each signal adds or takes away. */
function personEvidence(doc: Doc, first: number, last: number, titled: boolean): Evidence {
  const { tokens } = doc;
  const e: Evidence = { score: 0, reasons: [] };
  const add = (n: number, why: string) => {
    e.score += n;
    e.reasons.push(why);
  };
  const words = tokens.slice(first, last).filter((t) => t.kind === "word" && !PARTICLES.has(t.key));
  const head = words[0] as Token;
  const tail = words[words.length - 1] as Token;
  if (words.length >= 2 && GIVEN_NAMES.has(head.key)) add(3, "given-name");
  else if (words.length >= 2 && FAMILY_FIRST.has(head.key) && words.length <= 3) add(3, "family-name-first");
  // "Frank Wisner", "Rush Limbaugh": a given name that is also a word, before a word that is none,
  // where its capital means a name: not at the head of a sentence ("Will Sanders come down?")
  // unless an apposition or a speech verb follows ("Will Estrada, the chairman, said").
  else if (
    words.length >= 2 &&
    words.length <= 4 &&
    COMMON_GIVEN_NAMES.has(head.key) &&
    !offices().lastWords.has(head.key) &&
    ((!ENGLISH_FUNCTION_WORDS.has(head.key) && first > (doc.sentences[head.sentence]?.first ?? first)) ||
      (tokens[last]?.text === "," && APPOSITION_OPENERS.has(tokens[last + 1]?.key ?? "")) ||
      cueAt(tokens, last) !== undefined) &&
    !COMMON_WORDS.has(tail.key) &&
    !NOT_NAMES.has(tail.key)
  )
    add(3, "common-given-name");
  if (titled) add(3, "title");
  if (words.length >= 2 && FAMILY_NAMES.has(tail.key)) {
    add(1, "family-name");
    // A given name no lexicon knows before a known family name: "Rakeyia Scott", "Khizr Khan".
    const unknown = (w: Token) =>
      !COMMON_WORDS.has(w.key) &&
      !GIVEN_NAMES.has(w.key) &&
      !FAMILY_NAMES.has(w.key) &&
      !FAMILY_FIRST.has(w.key);
    if (
      words.length === 2 &&
      head.text !== head.text.toUpperCase() &&
      unknown(head) &&
      !matchAt(tokens, first, doc.folded)
    )
      add(1, "unknown-given-name");
  }
  // The family name of someone already named here, after an unknown capitalised word: a relative
  // ("Rakeyia Scott" after "Keith Lamont Scott").
  if (
    words.length === 2 &&
    !COMMON_WORDS.has(head.key) &&
    !e.reasons.includes("given-name") &&
    familyNamesSoFar(doc).has(tail.key)
  )
    add(2, "family-of-someone-named");
  const next = tokens[last];
  const after = tokens[last + 1];
  // "Wallace said", "Wallace then asked", "Sotomayor has said".
  let verb = last;
  while (verb < last + 2 && tokens[verb] && BETWEEN_SUBJECT_AND_VERB.has((tokens[verb] as Token).key)) verb++;
  if (next && cueAt(tokens, verb)) add(2, "speaker-context");
  // "Yin Myint May, 60, a doctor": an age set off after the name.
  else if (next?.text === "," && /^[1-9]\d$/.test(after?.text ?? "") && tokens[last + 2]?.text === ",")
    add(4, "age");
  else if (
    next?.text === "," &&
    after &&
    (APPOSITION_OPENERS.has(after.key) ||
      (after.upper && tokens[last + 2]?.key === "'s") ||
      (after.kind === "number" && tokens[last + 2]?.text === ",") ||
      titleSoon(doc, last + 1))
  ) {
    add(2, "apposition");
  }
  const before = tokens[first - 1];
  // "Kazakhstan's foreign minister, Erlan Idrissov, plays down …": a name set off after a title.
  if (before?.text === "," && offices().lastWords.has(tokens[first - 2]?.key ?? "") && next?.text === ",")
    add(3, "after-title");
  if (
    before &&
    cueAt(tokens, first - 1) &&
    (tokens[first - 2]?.text === "," || tokens[first - 2]?.text === '"')
  )
    add(2, "said-name");
  // After a given name, a common word is a surname all the same ("Michael Brown", "Condoleezza Rice").
  // After a title too: "Rep. Earl Blumenauer", "Gov. Pat McCrory".
  const givenFirst =
    e.reasons.includes("given-name") ||
    e.reasons.includes("common-given-name") ||
    e.reasons.includes("family-name-first") ||
    e.reasons.includes("title");
  // "Theresa May said", "Yin Myint May, 60,": a family name that is also a word may end a name
  // after a given name or before an age.
  const closes = (w: Token) =>
    w === tail &&
    w !== head &&
    FAMILY_NAMES_ALSO_WORDS.has(w.key) &&
    (givenFirst || e.reasons.includes("age"));
  for (const w of words) {
    if (NOT_NAMES.has(w.key) && !closes(w)) add(-4, `not-a-name:${w.key}`);
    else if (givenFirst && (w !== head || titled || e.reasons.includes("common-given-name"))) continue;
    else if (
      (COMMON_WORDS.has(w.key) || (words.length === 1 && commonPlural(w.key))) &&
      !GIVEN_NAMES.has(w.key) &&
      !FAMILY_FIRST.has(w.key) &&
      !FAMILY_NAMES.has(w.key)
    ) {
      add(-2, `common-word:${w.key}`);
    }
    // "I'll", "They're": a capitalised contraction is no name.
    if (CONTRACTION.test(w.key)) add(-4, `not-a-name:${w.key}`);
  }
  const capitals = (w: Token) =>
    w.text.length > 2 &&
    !isInitial(w) &&
    w.text === w.text.toUpperCase() &&
    /[A-Z]/.test(w.text) &&
    !GENERATIONAL_SUFFIXES.has(w.key);
  if (words.some(capitals)) add(-2, "all-capitals");
  if (before?.key === "the") add(-2, "after-the");
  // "In San Francisco, a group marched": after "in", a place, unless a given name or title says otherwise.
  if (LOCATIVE.has(before?.key ?? "") && e.score < 3) add(-3, "after-in");
  if (words.length === 1) add(-1, "single-word");
  if (words.length > 4) add(-3, "too-long");
  return e;
}

/** "Aides", "Voters", "Opponents": the plural of a common word, alone, names no one. */
function commonPlural(key: string): boolean {
  return (
    (key.endsWith("s") && COMMON_WORDS.has(key.slice(0, -1))) ||
    (key.endsWith("es") && COMMON_WORDS.has(key.slice(0, -2)))
  );
}

/** A title word within the next few tokens, before any comma: ", political science professor at …". */
function titleSoon(doc: Doc, from: number): boolean {
  for (let k = from; k < Math.min(doc.tokens.length, from + 6); k++) {
    const t = doc.tokens[k] as Token;
    if (t.text === "," || t.text === ".") return false;
    // "…, Serbian President Boris Tadic told": a title before a name opens a new clause.
    if (offices().lastWords.has(t.key)) return !isWordUpper(doc.tokens[k + 1]);
  }
  return false;
}

/** A region of title words, honorifics and the states or bodies they are of, before a name. */
export interface TitleRegion {
  first: number;
  last: number;
  /** Gazetteer matches inside the region. */
  places: GazetteerMatch[];
  gender?: "m" | "f";
  honorificOnly: boolean;
}

export const TITLE_GLUE = new Set(["of", "for", "and", "the", "'s", "-", "at", "to", "in"]);

/** Walks back from token `end` (exclusive) over title words; undefined when no title head is there. */
export function titleRegionBefore(doc: Doc, end: number, floor: number): TitleRegion | undefined {
  const { tokens } = doc;
  let i = end - 1;
  let head = false;
  let honorific = false;
  let gender: "m" | "f" | undefined;
  const places: GazetteerMatch[] = [];
  while (i >= floor) {
    const t = tokens[i] as Token;
    // A gazetteer phrase ending here: "Serbian", "EU", "State Duma", "Novosti news agency".
    let matched: GazetteerMatch | undefined;
    for (let s = Math.max(floor, i - 4); s <= i && !matched; s++) {
      const m = matchAt(tokens, s, doc.folded);
      if (m && m.last === i + 1) matched = m;
    }
    if (matched) {
      places.unshift(matched);
      i = matched.first - 1;
      continue;
    }
    if (offices().honorifics.has(t.key) || offices().honorifics.has(`${t.key}.`)) {
      honorific = true;
      const g = offices().honorifics.get(t.key) ?? offices().honorifics.get(`${t.key}.`);
      if (g) gender ??= g;
      i--;
      continue;
    }
    if (offices().lastWords.has(t.key)) {
      head = true;
      gender ??= offices().gendered.get(t.key);
      i--;
      continue;
    }
    if (offices().modifiers.has(t.key) || TITLE_GLUE.has(t.key)) {
      i--;
      continue;
    }
    break;
  }
  let first = i + 1;
  while (
    first < end &&
    (TITLE_GLUE.has((tokens[first] as Token).key) || (tokens[first] as Token).text === ",")
  )
    first++;
  if (!head && !honorific) return undefined;
  return { first, last: end, places, ...(gender ? { gender } : {}), honorificOnly: honorific && !head };
}

function genderOf(first: Token): "m" | "f" | undefined {
  const g = GIVEN_NAMES.get(first.key) ?? COMMON_GIVEN_NAMES.get(first.key);
  return g === "m" || g === "f" ? g : undefined;
}

/** Text of a title region without its places: "Prime Minister", "Under Secretary of State". */
function titleText(doc: Doc, region: TitleRegion): string {
  const words: string[] = [];
  for (let k = region.first; k < region.last; k++) {
    const t = doc.tokens[k] as Token;
    if (region.places.some((p) => k >= p.first && k < p.last)) continue;
    if (offices().honorifics.has(t.key) && !offices().lastWords.has(t.key.replace(/\.$/, ""))) continue;
    words.push(doc.text.slice(t.start, t.end));
  }
  return words
    .join(" ")
    .replace(/^(?:(?:of|for|and|the|'s|,)\s+)+/i, "")
    .replace(/\s+(?:of|for|and|the|'s|,)$/i, "")
    .replace(/ 's/g, "'s")
    .trim();
}

/**
 * Names in the document: gazetteer states and bodies, people (with the titles before their names),
 * bodies named by their head noun ("… Party", "Ministry of …"), and single surnames of people
 * named in full elsewhere in the document.
 */
export function findNames(doc: Doc): void {
  const { tokens } = doc;
  const pendingSingles: Array<{ first: number; titled: TitleRegion | undefined }> = [];
  for (const sentence of doc.sentences) {
    const headline = titleCased(doc, sentence);
    for (const run of runs(doc, sentence.first, sentence.last)) {
      let i = run.first;
      // Leading gazetteer phrases and title words: "US Under Secretary of State", "Russian State Duma Chairman".
      const leading: GazetteerMatch[] = [];
      while (i < run.last) {
        const m = matchAt(tokens, i, doc.folded);
        if (m && m.last <= run.last) {
          leading.push(m);
          i = m.last;
          continue;
        }
        const t = tokens[i] as Token;
        if (
          offices().lastWords.has(t.key) ||
          offices().modifiers.has(t.key) ||
          offices().honorifics.has(t.key) ||
          TITLE_GLUE.has(t.key) ||
          // "Co-anchor Norah O'Donnell", "Vice-Chairman …": a compound whose last part is a title.
          (t.key.includes("-") && offices().lastWords.has(t.key.split("-").pop() as string))
        ) {
          i++;
          continue;
        }
        break;
      }
      for (const m of leading) recordPlace(doc, m);
      // An honorific inside the run, or a title before a given name, starts the name there: "South
      // Carolina Rep. Frank Underwood", "Packard CEO Carly Fiorina" (the run broke at a hyphen).
      for (let k = i + 1; k < run.last - 2; k++) {
        const key = (tokens[k] as Token).key;
        const name = (tokens[k + 1] as Token).key === "." ? k + 2 : k + 1;
        const honorific = offices().honorifics.has(key) || offices().honorifics.has(`${key}.`);
        // "CBC Chairman G.K. Butterfield": initials open a name as a given name does.
        const given = GIVEN_NAMES.has((tokens[name] as Token).key) || isInitial(tokens[name]);
        // "Secretary-Treasurer": a compound title holds a title word.
        const title = key.split("-").some((part) => offices().lastWords.has(part));
        if (name < run.last - 1 && (honorific || (title && given))) i = name;
      }
      if (i >= run.last) continue;
      // "De Blasio said" after "Bill de Blasio": a family name opening with its particle.
      const particled = particledSurname(doc, i, run.last);
      if (particled !== undefined) {
        doc.addMention(i, run.last, particled, "name", "surname");
        continue;
      }
      const region = titleRegionBefore(doc, i, sentence.first);
      const core = { first: i, last: run.last };
      // A body named by its head noun: "Socialist Equality Party", "Ministry of Foreign Affairs".
      const lastToken = tokens[core.last - 1] as Token;
      const bodyWords =
        core.last - (leading.length && !region ? (leading[0] as GazetteerMatch).first : core.first);
      if (
        bodyWords >= 2 &&
        (bodySuffixes().has(lastToken.key) ||
          (bodyLeads().has((tokens[core.first] as Token).key) && core.last - core.first >= 3))
      ) {
        const from = leading.length && !region ? (leading[0] as GazetteerMatch).first : core.first;
        const name = doc.slice(from, core.last).replace(/^the /i, "");
        const country = leading.find((m) => m.entry.kind === "state")?.entry.code;
        doc.addMention(from, core.last, doc.entities.namedBody(name, country), "name", "body-by-head-noun");
        continue;
      }
      // Gazetteer phrases later in the run ("Kosovo Albanians" is handled as people of a place).
      const inner = matchAt(tokens, core.first, doc.folded);
      if (inner && inner.last === core.last) {
        recordPlace(doc, inner);
        continue;
      }
      // "Filmmaker Jack Marino": a common word before a given name is a description, not a name.
      const lead = tokens[core.first] as Token;
      const second = tokens[core.first + 1];
      let described: { first: number; last: number } | undefined;
      if (
        core.last - core.first >= 3 &&
        COMMON_WORDS.has(lead.key) &&
        !NOT_NAMES.has(lead.key) &&
        !GIVEN_NAMES.has(lead.key) &&
        second &&
        GIVEN_NAMES.has(second.key)
      ) {
        described = { first: core.first, last: core.first + 1 };
        core.first += 1;
      }
      core.last = headlineCut(tokens, core.first, core.last);
      if (headline) {
        const cut = titleCaseCut(tokens, core.first, core.last);
        // "Pastor Wants Girl Scout Leaders …": what is left of a headline's words names no one.
        if (cut === core.first + 1 && cut < core.last && !isKnownName(tokens[core.first] as Token)) continue;
        core.last = cut;
      }
      const words = core.last - core.first;
      if (words === 1 && !region) {
        pendingSingles.push({ first: core.first, titled: undefined });
        continue;
      }
      const evidence = personEvidence(doc, core.first, core.last, region !== undefined);
      if (words === 1) {
        pendingSingles.push({ first: core.first, titled: region });
        continue;
      }
      if (evidence.score < 2) {
        // Not a person: any gazetteer phrases inside still count.
        for (let k = core.first; k < core.last; ) {
          const m = matchAt(tokens, k, doc.folded);
          if (m && m.last <= core.last) {
            recordPlace(doc, m);
            k = m.last;
          } else k++;
        }
        continue;
      }
      const name = doc.slice(core.first, core.last);
      const gender = genderOf(tokens[core.first] as Token) ?? region?.gender;
      const entity = doc.entities.person(name, gender);
      doc.addMention(
        core.first,
        core.last,
        entity,
        "name",
        `person:${evidence.reasons.filter((r) => !r.startsWith("-")).join("+")}`,
      );
      if (region && !region.honorificOnly) addTitleRole(doc, entity, region, "title-before-name");
      if (described) {
        const span = {
          start: (tokens[described.first] as Token).start,
          end: (tokens[described.last - 1] as Token).end,
        };
        doc.entities
          .get(entity)
          .roles.push({ title: doc.text.slice(span.start, span.end), span, rule: "description-before-name" });
      }
    }
  }
  resolveSingles(doc, pendingSingles);
}

function recordPlace(doc: Doc, m: GazetteerMatch): void {
  const { entry } = m;
  if (entry.kind === "state") {
    if (entry.form === "people") {
      const name = doc.slice(m.first, m.last);
      doc.addMention(m.first, m.last, doc.entities.group(name, entry.code), "name", "gazetteer-people");
      return;
    }
    doc.addMention(m.first, m.last, doc.entities.state(entry.code), "name", `gazetteer-state-${entry.form}`);
  } else {
    doc.addMention(
      m.first,
      m.last,
      doc.entities.organization(entry.code),
      "name",
      `gazetteer-organization-${entry.form}`,
    );
  }
}

/**
 * The roles a title region gives a person, one for each title it joins with "and" or a comma:
 * "Kosovo Prime Minister and former KLA commander" gives Prime Minister of Kosovo and former
 * commander of the KLA.
 */
export function addTitleRole(doc: Doc, entity: number, region: TitleRegion, rule: string): void {
  const segments: TitleRegion[] = [];
  let from = region.first;
  for (let k = region.first; k <= region.last; k++) {
    const t = doc.tokens[k];
    if (k === region.last || t?.key === "and" || t?.text === ",") {
      if (k > from) {
        const places = region.places.filter((p) => p.first >= from && p.last <= k);
        segments.push({ ...region, first: from, last: k, places });
      }
      from = k + 1;
    }
  }
  const person = doc.entities.get(entity);
  for (const segment of segments) {
    const hasHead = doc.tokens.slice(segment.first, segment.last).some((t) => offices().lastWords.has(t.key));
    if (!hasHead) continue;
    const title = titleText(doc, segment);
    if (!title) continue;
    const place = segment.places[segment.places.length - 1];
    let of: number | undefined;
    if (place)
      of =
        place.entry.kind === "state"
          ? doc.entities.state(place.entry.code)
          : doc.entities.organization(place.entry.code);
    const span = {
      start: (doc.tokens[segment.first] as Token).start,
      end: (doc.tokens[segment.last - 1] as Token).end,
    };
    if (person.roles.some((r) => r.title === title && r.of === of)) continue;
    person.roles.push({ title, ...(of !== undefined ? { of } : {}), span, rule });
  }
  if (!person.gender && region.gender) person.gender = region.gender;
}

/**
 * Single capitalised words: a person's surname (or given name) used alone links to that person;
 * a single word after a title ("Ambassador Churkin") is a person; others need a speech verb beside
 * them and must not be common words.
 */
function resolveSingles(doc: Doc, singles: Array<{ first: number; titled: TitleRegion | undefined }>): void {
  const { tokens } = doc;
  const full = fullNameStarts(doc);
  const byPart = new Map<string, number[]>();
  doc.entities.list.forEach((entity, index) => {
    if (entity.kind !== "person") return;
    const parts = nameParts(entity.name);
    for (const part of new Set([parts[parts.length - 1], parts[0]])) {
      if (!part) continue;
      const list = byPart.get(part);
      if (list) list.push(index);
      else byPart.set(part, [index]);
    }
  });
  const link = (k: number): boolean => {
    const t = tokens[k] as Token;
    const known = byPart.get(t.key);
    if (!known?.length) return false;
    // "Will voters come?" beside a "Will Sanders": a function word opening a sentence is that word.
    if (ENGLISH_FUNCTION_WORDS.has(t.key) && k === doc.sentences[t.sentence]?.first) return false;
    doc.addMention(k, k + 1, surnameOwner(doc, full, known, t.start), "name", "surname");
    return true;
  };
  const places = placeWords(doc);
  const unlinked: number[] = [];
  for (const single of singles) {
    const t = tokens[single.first] as Token;
    if (doc.tokenEntity[single.first] !== -1 || link(single.first)) continue;
    const sentenceStart = doc.sentences[t.sentence]?.first ?? 0;
    const region = single.titled ?? titleRegionBefore(doc, single.first, sentenceStart);
    const evidence = personEvidence(doc, single.first, single.first + 1, region !== undefined);
    // A lone unknown word beside a speech verb or an apposition is a name ("PolitiFact says",
    // "Tadic said"); at a sentence's start only right before the verb, where a common word would be.
    const named = ["speaker-context", "said-name", "apposition"].some((r) => evidence.reasons.includes(r));
    const plain = !evidence.reasons.some((r) => r.startsWith("common-word") || r.startsWith("not-a-name"));
    const placed = single.first > sentenceStart || cueAt(tokens, single.first + 1) !== undefined;
    // "Carson defied the question", "At the debate, Sanders compared …": an unknown word opening a
    // sentence (or its clause after an opener) before a verb is its subject.
    const opensClause =
      single.first === sentenceStart ||
      single.first === subjectStart(doc, sentenceStart, doc.sentences[t.sentence]?.last ?? single.first);
    const subject = opensClause && plain && !places.has(t.key) && verbFollows(doc, single.first + 1);
    const weak = !(named && plain && placed && !places.has(t.key)) && !subject;
    if ((evidence.score < 2 && weak) || NOT_NAMES.has(t.key)) {
      unlinked.push(single.first);
      continue;
    }
    const name = doc.slice(single.first, single.first + 1);
    // "Al-Shabaab, the terrorist group based in Somalia": an apposition headed by a body's noun.
    const body =
      (/^\p{Lu}[\p{Ll}]+\p{Lu}|^\p{Lu}{3,}$/u.test(name) && !CAPITAL_INSIDE_NAME.test(name)) ||
      bodySuffixes().has(appositionHead(doc, single.first + 1) ?? "");
    const isBody = body && !region;
    const entity = isBody
      ? doc.entities.namedBody(name)
      : doc.entities.person(name, region?.gender ?? genderOf(t));
    doc.addMention(
      single.first,
      single.first + 1,
      entity,
      "name",
      `${isBody ? "body-single" : "person-single"}:${evidence.reasons.join("+")}`,
    );
    if (region && !region.honorificOnly) addTitleRole(doc, entity, region, "title-before-name");
    byPart.set(t.key, [entity]);
  }
  // "Obama also addressed …" before "Obama stated": a surname is known from anywhere in the text.
  for (const k of unlinked) if (doc.tokenEntity[k] === -1) link(k);
  // A place's word that is also the surname of a person named here is the person: with
  // "Mark Cuban" in the text, "Cuban said" is Cuban, not Cuba.
  for (const mention of doc.mentions) {
    const k = doc.tokenAt(mention.start);
    if (!mention.rule.startsWith("gazetteer") || doc.tokenAt(mention.end) !== k + 1) continue;
    // Only a person named in full, and never over an acronym: "ISIS" stays the group even where a
    // quotation spelt it "Isis declares".
    const word = tokens[k] as Token;
    const people = byPart.get(word.key)?.filter((e) => doc.entities.get(e).name.includes(" "));
    if (!people?.length || /^\p{Lu}{2,}$/u.test(word.text)) continue;
    mention.entity = surnameOwner(doc, full, people, mention.start);
    mention.rule = "surname-over-place";
    doc.tokenEntity[k] = mention.entity;
    doc.adjectives.delete(k);
  }
}

/**
 * A name in a title-cased headline runs into the words after it ("Hillary Clinton Was Headed",
 * "Trump Says"): after a given name and one more word, a function word or a speech verb ends it.
 */
function headlineCut(tokens: Token[], first: number, last: number): number {
  if (last - first < 3 || !GIVEN_NAMES.has((tokens[first] as Token).key)) return last;
  for (let k = first + 2; k < last; k++) {
    const key = (tokens[k] as Token).key;
    if (
      (!ENGLISH_FUNCTION_WORDS.has(key) && !cueAt(tokens, k)) ||
      GIVEN_NAMES.has(key) ||
      FAMILY_NAMES.has(key)
    )
      continue;
    // Only where the words before are all names: "Sanders Aren't Butting Heads Over …" is no name at all.
    const named = tokens
      .slice(first + 1, k)
      .every((t) => !COMMON_WORDS.has(t.key) || FAMILY_NAMES.has(t.key));
    return named ? k : last;
  }
  return last;
}

/** The person already named whose name ends in the particles and word from `first` ("de Blasio", "von der Leyen"). */
function particledSurname(doc: Doc, first: number, last: number): number | undefined {
  const words = doc.tokens.slice(first, last);
  if (words.length < 2 || words.length > 3 || !words.slice(0, -1).every((t) => PARTICLES.has(t.key)))
    return undefined;
  const tail = ` ${words.map((t) => t.key).join(" ")}`;
  const found = doc.entities.list.findIndex((e) => e.kind === "person" && keyOf(e.name).endsWith(tail));
  return found >= 0 ? found : undefined;
}

/** A sentence whose longer words are nearly all capitalised: a headline or a caption. */
function titleCased(doc: Doc, sentence: { first: number; last: number }): boolean {
  let long = 0;
  let upper = 0;
  for (let k = sentence.first; k < sentence.last; k++) {
    const t = doc.tokens[k] as Token;
    if (t.kind !== "word" || t.text.length < 4 || t.text.includes(".") || ENGLISH_FUNCTION_WORDS.has(t.key))
      continue;
    long++;
    if (t.upper) upper++;
  }
  return long >= 5 && upper >= 0.9 * long;
}

/**
 * In a headline every word is capitalised, so a name runs on into the words after it ("Warren
 * Prompts VP Speculation", "President Obama Speech at …"): the second word stays if it is no common
 * word (a common one only as the name's last word: "Troy Price"), unless the first is known only as
 * a family name; past that, known names, initials, and an uncommon last word ("Joel B. Pollak").
 */
function titleCaseCut(tokens: Token[], first: number, last: number): number {
  const lead = (tokens[first] as Token).key;
  // "Obama Speech", "Trump Rally": after a word known only as a family name, no unknown word.
  const familyOnly = FAMILY_NAMES.has(lead) && !GIVEN_NAMES.has(lead) && !COMMON_GIVEN_NAMES.has(lead);
  for (let k = first + 1; k < last; k++) {
    const t = tokens[k] as Token;
    if (isKnownName(t) || isInitial(t) || PARTICLES.has(t.key)) continue;
    // "Clinton Pollster" is a role; "Kevin Bishop", after a name that is only a given name, a name.
    const role = offices().lastWords.has(t.key) && !(GIVEN_NAMES.has(lead) && !FAMILY_NAMES.has(lead));
    const word = !CONTRACTION.test(t.key) && !role && !NOT_NAMES.has(t.key);
    const common = COMMON_WORDS.has(t.key);
    if (k === first + 1 && !familyOnly && word && (!common || k === last - 1)) continue;
    if (k > first + 1 && k === last - 1 && word && !common) continue;
    return k;
  }
  return last;
}

function isKnownName(t: Token): boolean {
  const key = t.key.replace(/\.$/, "");
  return FAMILY_NAMES.has(key) || GIVEN_NAMES.has(key) || GENERATIONAL_SUFFIXES.has(key);
}

/** The head noun of an apposition opening with a determiner at the comma `comma`: "group" in ", the terrorist group based in …". */
function appositionHead(doc: Doc, comma: number): string | undefined {
  if (doc.tokens[comma]?.text !== "," || !DETERMINERS.has(doc.tokens[comma + 1]?.key ?? "")) return undefined;
  let k = comma + 2;
  while (k < comma + 7) {
    const t = doc.tokens[k];
    if (t?.kind !== "word" || ENGLISH_FUNCTION_WORDS.has(t.key) || /(?:ed|ing)$/.test(t.key)) break;
    k++;
  }
  return k > comma + 2 ? doc.tokens[k - 1]?.key : undefined;
}

/** Prepositions of place: a capitalised word after one ("in Clarkston") names a place. */
const LOCATIVE = new Set(["in", "near", "outside", "across"]);

/** Writings that put a publication after "in": "an article in Politico" names no place. */
const WRITINGS = new Set([
  "article",
  "piece",
  "interview",
  "op-ed",
  "column",
  "editorial",
  "report",
  "story",
  "essay",
]);

/** Capitalised words the text also puts after a preposition of place: places, not people. */
function placeWords(doc: Doc): Set<string> {
  const out = new Set<string>();
  const { tokens } = doc;
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (!t.upper || t.kind !== "word" || !LOCATIVE.has((tokens[k - 1] as Token).key)) continue;
    if (tokens[k + 1]?.key !== "'s" && !WRITINGS.has(tokens[k - 2]?.key ?? "")) out.add(t.key);
  }
  return out;
}

/**
 * Whether a verb in the past or present follows (after adverbs in -ly): "Carson defied the
 * question", "Cruz openly admitted". A lone unknown word there is a clause's subject.
 */
function verbFollows(doc: Doc, k: number): boolean {
  let j = k;
  while (doc.tokens[j]?.key.endsWith("ly") && doc.tokens[j]?.kind === "word") j++;
  const t = doc.tokens[j];
  return (
    t !== undefined &&
    t.kind === "word" &&
    !/^\p{Lu}/u.test(t.text) &&
    t.key.length > 3 &&
    /(?:ed|es)$/.test(t.key)
  );
}
