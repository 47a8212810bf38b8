/**
 * Names in the document: gazetteer states and bodies, people (with the titles before their names),
 * bodies named by their head noun ("… Party", "Ministry of …"), and single surnames of people
 * named in full elsewhere in the document.
 */

import { keyOf } from "../../world/fold.ts";
import { offices } from "../../world/offices.ts";
import { bodyLeads, bodySuffixes } from "../../world/organizations.ts";
import type { Doc } from "../doc.ts";
import { type GazetteerMatch, matchAt } from "../gazetteer-match.ts";
import { COMMON_GIVEN_NAMES, COMMON_WORDS, GIVEN_NAMES, isDictionaryWord, NOT_NAMES } from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import type { Sentence, Token } from "../types.ts";
import { linkAcronyms } from "./acronyms.ts";
import { personEvidence } from "./evidence.ts";
import { genderOf } from "./gender.ts";
import { headlineCut, isKnownName, titleCaseCut, titleCased } from "./headlines.ts";
import { isInitial, PARTICLES, type Run, runs } from "./runs.ts";
import { resolveSingles, type Single } from "./singles.ts";
import { addTitleRole, TITLE_GLUE, type TitleRegion, titleRegionBefore } from "./titles.ts";

/** "De Blasio said" after "Bill de Blasio": a family name opening with its particle. */
const SURNAME_WITH_PARTICLE = named("surname-with-particle");
/** "St-Pierre Plamondon" after "Paul St-Pierre Plamondon": the last words of a name given in full before. */
const NAME_TAIL = named("name-tail");
/** "Filmmaker Jack Marino": a common word before a given name, as the person's role. */
const DESCRIPTION_BEFORE_NAME = named("description-before-name");
/** "Socialist Equality Party", "Ministry of Foreign Affairs": a body named by its head noun. */
const BODY_BY_HEAD_NOUN = named("body-by-head-noun");

/** A run of capitalised words past its leading places and titles: the words that may be a name. */
interface Core {
  sentence: Sentence;
  /** Where the name may start and the run's end. */
  first: number;
  last: number;
  /** Gazetteer phrases leading the run ("US", "Russian State Duma"). */
  leading: GazetteerMatch[];
  /** The title words before the name, if any. */
  region: TitleRegion | undefined;
  headline: boolean;
}

export function findNames(doc: Doc): void {
  const singles: Single[] = [];
  for (const sentence of doc.sentences) {
    const headline = titleCased(doc, sentence);
    for (const run of runs(doc, sentence.first, sentence.last)) {
      const { first, leading } = pastLeading(doc, run);
      for (const m of leading) recordPlace(doc, m);
      if (first >= run.last) continue;
      const particled = particledSurname(doc, first, run.last);
      if (particled !== undefined) {
        doc.addMention(first, run.last, particled, "name", SURNAME_WITH_PARTICLE.id);
        continue;
      }
      const region = titleRegionBefore(doc, first, sentence.first);
      nameCore(doc, { sentence, first, last: run.last, leading, region, headline }, singles);
    }
  }
  resolveSingles(doc, singles);
  linkAcronyms(doc);
}

/**
 * Past the gazetteer phrases and title words leading a run ("US Under Secretary of State",
 * "Russian State Duma Chairman") to where a name may start; an honorific inside the run, or a
 * title before a given name, starts it there ("South Carolina Rep. Frank Underwood", "Packard CEO
 * Carly Fiorina").
 */
function pastLeading(doc: Doc, run: Run): { first: number; leading: GazetteerMatch[] } {
  const { tokens } = doc;
  const titles = offices();
  const leading: GazetteerMatch[] = [];
  let i = run.first;
  while (i < run.last) {
    const m = matchAt(tokens, i, doc.folded);
    if (m && m.last <= run.last) {
      leading.push(m);
      i = m.last;
      continue;
    }
    const key = (tokens[i] as Token).key;
    // "Co-anchor Norah O'Donnell", "Vice-Chairman …": a compound whose last part is a title.
    const compound = key.includes("-") && titles.lastWords.has(key.split("-").pop() as string);
    if (
      !(
        titles.lastWords.has(key) ||
        titles.modifiers.has(key) ||
        titles.honorifics.has(key) ||
        TITLE_GLUE.has(key) ||
        compound
      )
    )
      break;
    i++;
  }
  for (let k = i + 1; k < run.last - 2; k++) {
    const key = (tokens[k] as Token).key;
    const name = (tokens[k + 1] as Token).key === "." ? k + 2 : k + 1;
    const honorific = titles.honorifics.has(key) || titles.honorifics.has(`${key}.`);
    // "CBC Chairman G.K. Butterfield": initials open a name as a given name does.
    const given = GIVEN_NAMES.has((tokens[name] as Token).key) || isInitial(tokens[name]);
    // "Secretary-Treasurer": a compound title holds a title word.
    const title = key.split("-").some((part) => titles.lastWords.has(part));
    if (name < run.last - 1 && (honorific || (title && given))) i = name;
  }
  return { first: i, leading };
}

/** What the words of a run past its leading places and titles name: a body, a place, a person, a single word. */
function nameCore(doc: Doc, core: Core, singles: Single[]): void {
  if (bodyByHeadNoun(doc, core)) return;
  // Gazetteer phrases later in the run ("Kosovo Albanians" is handled as people of a place).
  const inner = matchAt(doc.tokens, core.first, doc.folded);
  if (inner && inner.last === core.last) {
    recordPlace(doc, inner);
    return;
  }
  const described = describedBefore(doc, core);
  if (described !== undefined) core.first += 1;
  core.first = pastPortfolio(doc, core);
  core.last = headlineCut(doc.tokens, core.first, core.last);
  if (core.headline) {
    const cut = titleCaseCut(doc.tokens, core.first, core.last);
    // "Pastor Wants Girl Scout Leaders …": what is left of a headline's words names no one.
    if (cut === core.first + 1 && cut < core.last && !isKnownName(doc.tokens[core.first] as Token)) return;
    core.last = cut;
  }
  const words = core.last - core.first;
  if (words === 1) {
    singles.push({ first: core.first, titled: core.region });
    return;
  }
  namePerson(doc, core, described);
}

/** "ALEXANDER Downer": a word set in capitals by a lede's style, in a name whose other words are not, as it is written elsewhere. */
function ledeCase(name: string): string {
  const words = name.split(" ");
  const capitals = (w: string) => /^\p{Lu}{3,}$/u.test(w);
  if (!capitals(words[0] ?? "") || words.slice(1).some(capitals)) return name;
  return name.replace(/^(\p{Lu})(\p{Lu}+)/u, (_m, a: string, b: string) => a + b.toLowerCase());
}

/** A body named by its head noun: "Socialist Equality Party", "Ministry of Foreign Affairs". */
function bodyByHeadNoun(doc: Doc, core: Core): boolean {
  const { tokens } = doc;
  const from = core.leading.length && !core.region ? (core.leading[0] as GazetteerMatch).first : core.first;
  const last = tokens[core.last - 1] as Token;
  const headed =
    bodySuffixes().has(last.key) ||
    (bodyLeads().has((tokens[core.first] as Token).key) && core.last - core.first >= 3);
  if (core.last - from < 2 || !headed) return false;
  const name = doc.slice(from, core.last).replace(/^the /i, "");
  const leading = core.leading.find((m) => m.entry.kind === "state");
  // "Taiwan Affairs Office": a body for a place's affairs belongs to another state, not to the place.
  const forAffairs = leading !== undefined && tokens[leading.last]?.key === "affairs";
  const country = forAffairs ? undefined : (leading?.entry.code ?? placeAfterIn(doc, from, core.last));
  doc.addMention(from, core.last, doc.entities.namedBody(name, country), "name", BODY_BY_HEAD_NOUN.id);
  return true;
}

/** "Ministry of Foreign Affairs in Riyadh": the state a body's name ends by placing it in. */
function placeAfterIn(doc: Doc, from: number, last: number): string | undefined {
  for (let k = last - 2; k > from; k--) {
    if ((doc.tokens[k] as Token).key !== "in") continue;
    const m = matchAt(doc.tokens, k + 1, doc.folded);
    return m?.last === last && m.entry.kind === "state" ? m.entry.code : undefined;
  }
  return undefined;
}

/** Words that join the parts of an office's portfolio: "Minister for Justice and Human Rights". */
const PORTFOLIO_JOINS = new Set(["and", "&", "for", "of"]);

/**
 * "Minister for Justice and Human Rights Yusril Ihza Mahendra": after a portfolio's joining word,
 * leading dictionary words that no one is given as a name belong to the portfolio, not the name.
 * Two words of the name are kept.
 */
function pastPortfolio(doc: Doc, core: Core): number {
  const { tokens } = doc;
  // The portfolio's words already set apart: "… and Human" before "Rights Yusril …".
  let join = core.first - 1;
  while (join > core.first - 4 && tokens[join]?.upper && portfolioWord((tokens[join] as Token).key)) join--;
  if (!PORTFOLIO_JOINS.has(tokens[join]?.key ?? "")) return core.first;
  let first = core.first;
  while (first < core.last - 2 && portfolioWord((tokens[first] as Token).key)) first++;
  return first;
}

/** A word of English no one is given as a name: "Rights", "Affairs", not "Rose". */
function portfolioWord(key: string): boolean {
  return (
    (isDictionaryWord(key) || COMMON_WORDS.has(key)) && !GIVEN_NAMES.has(key) && !COMMON_GIVEN_NAMES.has(key)
  );
}

/** "Filmmaker Jack Marino": a common word before a given name is a description, not a name; its token. */
function describedBefore(doc: Doc, core: Core): number | undefined {
  const lead = doc.tokens[core.first] as Token;
  const second = doc.tokens[core.first + 1];
  return core.last - core.first >= 3 &&
    COMMON_WORDS.has(lead.key) &&
    !NOT_NAMES.has(lead.key) &&
    !GIVEN_NAMES.has(lead.key) &&
    !COMMON_GIVEN_NAMES.has(lead.key) &&
    second &&
    GIVEN_NAMES.has(second.key)
    ? core.first
    : undefined;
}

/** A person named by the core's words, when the evidence says so; else the places among them. */
function namePerson(doc: Doc, core: Core, described: number | undefined): void {
  const { tokens } = doc;
  const evidence = personEvidence(doc, core.first, core.last, core.region !== undefined);
  if (evidence.score < 2) {
    // Not a person: any gazetteer phrases inside still count.
    for (let k = core.first; k < core.last; ) {
      const m = matchAt(tokens, k, doc.folded);
      if (m && m.last <= core.last) {
        recordPlace(doc, m);
        k = m.last;
      } else k++;
    }
    return;
  }
  const whole = namedInFull(doc, core.first, core.last);
  if (whole !== undefined) {
    doc.addMention(core.first, core.last, whole, "name", NAME_TAIL.id);
    return;
  }
  const gender = genderOf(tokens[core.first] as Token) ?? core.region?.gender;
  const entity = doc.entities.person(ledeCase(doc.slice(core.first, core.last)), gender);
  const rule = `person:${evidence.reasons.filter((r) => !r.startsWith("-")).join("+")}`;
  doc.addMention(core.first, core.last, entity, "name", rule);
  if (core.region && !core.region.honorificOnly) addTitleRole(doc, entity, core.region);
  if (described !== undefined) {
    const span = { start: (tokens[described] as Token).start, end: (tokens[described] as Token).end };
    doc.entities
      .get(entity)
      .roles.push({ title: doc.text.slice(span.start, span.end), span, rule: DESCRIPTION_BEFORE_NAME.id });
  }
}

/** A state, organisation or people of the gazetteer, as a mention of its entity. */
function recordPlace(doc: Doc, m: GazetteerMatch): void {
  const { entry } = m;
  const form = entry.form;
  if (entry.kind === "organization") {
    const entity = doc.entities.organization(entry.code);
    doc.addMention(m.first, m.last, entity, "name", `gazetteer-organization-${form}`, form);
  } else if (form === "people") {
    const entity = doc.entities.group(doc.slice(m.first, m.last), entry.code);
    doc.addMention(m.first, m.last, entity, "name", "gazetteer-people", form);
  } else
    doc.addMention(m.first, m.last, doc.entities.state(entry.code), "name", `gazetteer-state-${form}`, form);
}

/** The one person already named in full whose name ends in the words from `first`: "St-Pierre Plamondon" after "Paul St-Pierre Plamondon". */
function namedInFull(doc: Doc, first: number, last: number): number | undefined {
  const tail = ` ${keyOf(doc.slice(first, last))}`;
  let found: number | undefined;
  for (const [i, e] of doc.entities.list.entries()) {
    if (e.kind !== "person" || !keyOf(e.name).endsWith(tail)) continue;
    if (found !== undefined) return undefined;
    found = i;
  }
  return found;
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
