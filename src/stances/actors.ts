/** Who a stance cue's sentence names as holding it: subjects, agents, and whom an official speaks for. */

import { datelineEnd } from "../extract/clauses.ts";
import type { Doc } from "../extract/doc.ts";
import { titleRegionBefore } from "../extract/names/titles.ts";
import type { Sentence, Token } from "../extract/types.ts";
import { words } from "../extract/word-classes.ts";
import { isOfficialTitle, nationalTitleState, offices } from "../world/offices.ts";
import { organizationInfo } from "../world/organizations.ts";
import { insideAside } from "./asides.ts";
import { afterCondition, clauseStart, insideRelative, PRONOUN_SUBJECTS } from "./clauses.ts";
import type { CompiledCodebook } from "./compile.ts";
import { coordinatedWith } from "./lists.ts";
import { sequenceAt } from "./patterns.ts";
import {
  APPOSITION_NOUNS,
  BODY_NOUNS,
  CONTROL_VERBS,
  DECISION_NOUNS,
  JOINING_VERBS,
  MEMBER_NOUNS,
  OWN_SUBJECT_NOUNS,
  PLACE_NOUNS,
  POPULATION_NOUNS,
  PREPOSITIONS,
} from "./syntax.ts";

/** Words before a name that keep it in a list of subjects: "China, Vietnam and South Africa, as well as Russia". */
const INCLUDING = new Set([",", "and", "including", "as", "with", "by", "both", "also"]);
/** Words before "with" that make it join a list: "along with", "together with", ", with". */
const ALONG = new Set(["along", "together", ","]);

/** National bodies whose stance is their state's: ministries, parliaments, governments. */
const GOVERNMENT_TYPES = new Set(["government", "legislature"]);

/** "Beijing urged Belgrade and Pristina to return to talks": the control verb before an infinitive cue, if any. */
function controlVerb(doc: Doc, start: number, k: number): number | undefined {
  if (doc.tokens[k - 1]?.key !== "to") return undefined;
  for (let j = k - 2; j >= start; j--) {
    for (const verb of CONTROL_VERBS) if (verb.every((w, i) => doc.tokens[j + i]?.key === w)) return j;
  }
  return undefined;
}

/** A word before a name that makes the name its object: "regards Kosovo", "comprises the United States". */
function verbLike(token: Token): boolean {
  if (token.kind !== "word" || /^\p{Lu}/u.test(token.text) || token.key.length < 4) return false;
  if (
    APPOSITION_NOUNS.has(token.key) ||
    MEMBER_NOUNS.has(token.key) ||
    offices().lastWords.has(token.key) ||
    offices().modifiers.has(token.key)
  )
    return false;
  // "…, accusing Sri Lanka of waging war, said": a participle's object is no subject either.
  if (token.key.endsWith("ing")) return !INCLUDING.has(token.key);
  return /(?:ed|es|s)$/.test(token.key) || CONTROL_VERBS.some((v) => v[0] === token.key);
}

/**
 * The mentions standing for the subject of a verb at `k`: the names of the clause before it,
 * lists included; with `quoted`, inside the quote whose words hold `k` (the subject of reported
 * words: "Moldova will not recognise Kosovo, its president said").
 */
export function subjects(doc: Doc, k: number, floor: number, quoted = false): number[] {
  const start = Math.max(
    withSubjects(doc, afterCondition(doc, clauseStart(doc, k, floor), k), k),
    afterDateline(doc, k),
  );
  const limit = controlVerb(doc, start, k) ?? k;
  const out: number[] = [];
  let group: number[] = [];
  const infinitive = limit === k && (doc.tokens[k - 1]?.key === "to" || doc.tokens[k - 2]?.key === "to");
  for (const m of doc.mentions) {
    if (m.start < (doc.tokens[start] as Token).start || m.start >= (doc.tokens[limit] as Token).start)
      continue;
    const first = doc.tokenAt(m.start);
    if ((!quoted && doc.insideQuote(m.start)) || insideRelative(doc, first, start)) continue;
    if (insideAside(doc, first, start, k)) continue;
    // A name after a preposition is no subject ("states on the council"), unless it joins a list.
    // "a letter to UN Secretary General Ban Ki-Moon": the word before a person's title.
    const title =
      doc.entities.get(m.entity).kind === "person" ? titleRegionBefore(doc, first, start) : undefined;
    let j = (title?.first ?? first) - 1;
    while (j >= start && ["the", "a", "an", "its", "their"].includes((doc.tokens[j] as Token).key)) j--;
    const before = doc.tokens[j];
    const placeOf =
      (before?.key === "of" && PLACE_NOUNS.has(doc.tokens[j - 1]?.key ?? "")) ||
      // "Voters in Crimea backed …": a place's people are the place.
      ((before?.key === "of" || before?.key === "in") &&
        POPULATION_NOUNS.has(doc.tokens[j - 1]?.key ?? "") &&
        doc.entities.get(m.entity).kind === "state" &&
        !shareOf(doc, j - 1));
    // "The government in Khartoum was the first to recognise": a body placed in a state's capital is the state.
    const bodyIn =
      before?.key === "in" &&
      BODY_NOUNS.has(doc.tokens[j - 1]?.key ?? "") &&
      doc.entities.get(m.entity).kind === "state";
    // "along with Russia" joins a list of subjects; "its ties with Indonesia" names no subject.
    const joins =
      INCLUDING.has(before?.key ?? "") && (before?.key !== "with" || ALONG.has(doc.tokens[j - 1]?.key ?? ""));
    if (before && j >= start && PREPOSITIONS.has(before.key) && !joins && !placeOf && !bodyIn) continue;
    if (before && j >= start && (before.key === "'s" || verbLike(before))) continue;
    if (doc.entities.get(m.entity).unnamed) continue;
    if (inTitleOfPerson(doc, m, k)) continue;
    // "Spain, grappling with its Basque problem": a possessed thing's adjective is no subject.
    if (doc.adjectives.has(first) && POSSESSIVE_PRONOUNS.has(doc.tokens[first - 1]?.key ?? "")) continue;
    if (inBareRelative(doc, start, first)) continue;
    // "(UNMIK)" restates a name before it; in reported words a pronoun is the speaker's or unsure, and the speaker stands.
    if (before?.text === "(" || (quoted && m.form === "pronoun")) continue;
    // "Kosovo's independence would …", "Serbia's ally Russia": a possessor is no subject, unless its
    // body follows ("Serbia's parliament voted").
    const last = doc.tokenAt(m.end);
    const after = doc.tokens[last];
    if (after?.key === "'s" && !BODY_NOUNS.has(doc.tokens[last + 1]?.key ?? "")) continue;
    // "BELGRADE —": a dateline names a place, not who acts; a dash after a listed name closes the list.
    const opens = first === doc.sentences[(doc.tokens[first] as Token).sentence]?.first;
    if (opens && after && ["—", "–", "--"].includes(after.text)) continue;
    // "Kosovo Serbs": the group, not the place naming it.
    const next = doc.tokenEntity[last] as number;
    if (next >= 0 && next !== m.entity && doc.entities.get(next).kind === "group") continue;
    // "U.S. allies France, Sweden and Italy": the names after the noun are the subjects.
    if (
      (APPOSITION_NOUNS.has(after?.key ?? "") || MEMBER_NOUNS.has(after?.key ?? "")) &&
      (doc.tokenEntity[last + 1] as number) >= 0
    )
      continue;
    // "EU states": the members, not the body.
    if (doc.entities.get(m.entity).kind === "organization" && MEMBER_NOUNS.has(after?.key ?? "")) continue;
    // "Cyprus, Greece and Romania have indicated they are not keen": "they" stands for the whole list.
    group =
      m.form === "pronoun" && (doc.tokens[first] as Token).key === "they"
        ? coordinatedWith(doc, m.entity, first)
        : [m.entity];
    out.push(...group);
  }
  // "Belarus joined Russia in condemning …": those joined in the act share it.
  const joined = joinedIn(doc, start, k);
  if (joined.length) return [...new Set([...out, ...joined])];
  // "… Russia from using its veto to stop independence": an infinitive's subject is the nearest
  // name, with those it is listed with ("Spain and Greece are not keen to recognise").
  if (infinitive && out.length > 1 && group.length === 1) {
    const listed = coordinatedWith(doc, group[0] as number, limit);
    // "The United States joined Sudan, Egypt and Italy as the first to recognise": all of them.
    let first = start;
    while (first < limit && !listed.includes(doc.tokenEntity[first] as number)) first++;
    if (JOINING_VERBS.has(doc.tokens[first - 1]?.key ?? "")) return [...new Set([...out, ...listed])];
    return listed;
  }
  if (infinitive && out.length > 1) return group;
  return [...new Set(out)];
}

/** The names after a joining verb of the clause when the cue at `k` is an -ing form after "in": "joined Russia and China in condemning". */
function joinedIn(doc: Doc, start: number, k: number): number[] {
  if (doc.tokens[k - 1]?.key !== "in" || !(doc.tokens[k] as Token).key.endsWith("ing")) return [];
  for (let j = start; j < k - 2; j++) {
    if (!JOINING_VERBS.has((doc.tokens[j] as Token).key)) continue;
    const at = doc.tokens[j + 1]?.key === "the" ? j + 2 : j + 1;
    const e = doc.tokenEntity[at] ?? -1;
    return e >= 0 ? coordinatedWith(doc, e, k - 1) : [];
  }
  return [];
}

/** "…, with Russia and China opposing the declaration": an -ing cue's subjects follow "with". */
function withSubjects(doc: Doc, start: number, k: number): number {
  if (!(doc.tokens[k] as Token).key.endsWith("ing")) return start;
  for (let j = k - 1; j > start; j--) if ((doc.tokens[j] as Token).key === "with") return j + 1;
  return start;
}

/** Words that make what follows "of" a share: "Forty per cent of the voters", "a third of residents". */
const SHARE_WORDS = new Set([
  "cent",
  "percent",
  "%",
  "third",
  "quarter",
  "half",
  "majority",
  "minority",
  "fifth",
]);

/** "Forty per cent of the voters in Tokelau rejected …": a share of a place's people is not the place. */
function shareOf(doc: Doc, noun: number): boolean {
  let j = noun - 1;
  if (doc.tokens[j]?.key === "the") j--;
  if (doc.tokens[j]?.key !== "of") return false;
  const share = doc.tokens[j - 1];
  return share !== undefined && (share.kind === "number" || SHARE_WORDS.has(share.key));
}

/** "SIMFEROPOL, Ukraine (Reuters) - Voters in Crimea backed …": the places of a dateline before token `k` are no subjects. */
function afterDateline(doc: Doc, k: number): number {
  const sentence = doc.sentences[(doc.tokens[k] as Token).sentence] as Sentence;
  const end = datelineEnd(doc, sentence.first, sentence.last);
  return end <= k ? end : sentence.first;
}

const POSSESSIVE_PRONOUNS = words("possessives_third", ["our", "my", "your"]);

/** "Spain which is grappling with …": a name inside a relative clause opened after another name, without a comma. */
function inBareRelative(doc: Doc, start: number, first: number): boolean {
  for (let j = first - 1; j > start; j--) {
    const key = (doc.tokens[j] as Token).key;
    if ((key === "which" || key === "who") && (doc.tokenEntity[j - 1] as number) >= 0) return true;
  }
  return false;
}

/** "Serbia, which opposes statehood for Kosovo": the name a non-restrictive relative clause holding the cue at `k` hangs on. */
export function antecedent(doc: Doc, k: number, floor: number): number[] {
  const j = clauseStart(doc, k, floor) - 1;
  if (!["which", "who"].includes(doc.tokens[j]?.key ?? "") || doc.tokens[j - 1]?.text !== ",") return [];
  const body = bodyOwner(doc, j - 2, floor);
  if (body !== undefined) return [body];
  // "Britain, France and Germany, which have recognised Kosovo": the whole list before the comma.
  const out: number[] = [];
  for (let i = j - 2; i >= floor; i--) {
    const e = doc.tokenEntity[i] as number;
    if (e >= 0) {
      if (!doc.entities.get(e).unnamed && !out.includes(e)) out.unshift(e);
    } else if (![",", "and", "the"].includes((doc.tokens[i] as Token).key) || !out.length) break;
  }
  return out;
}

/** "The British government", "the Iraqi parliament", "Syria's foreign ministry": the state owning the body noun at `k`. */
function bodyOwner(doc: Doc, k: number, floor: number): number | undefined {
  if (!BODY_NOUNS.has(doc.tokens[k]?.key ?? "")) return undefined;
  let i = k - 1;
  while (i > floor && BODY_NOUNS.has((doc.tokens[i] as Token).key)) i--;
  if (doc.tokens[i]?.key === "'s") i--;
  const e = i >= floor ? (doc.tokenEntity[i] as number) : -1;
  return e >= 0 && doc.entities.get(e).kind === "state" ? e : undefined;
}

/** Words that may open a reported clause before its verb without being a subject of their own. */
const CLAUSE_GLUE = words("modals", "be_finite", "be_nonfinite", "have", "do", [
  // "vowed to continue challenging": an aspect of the act, not another actor.
  "continue",
  "keep",
  "that",
  "not",
  "never",
  "also",
  "still",
  "formally",
  "to",
  "n't",
  "no",
  "longer",
  "soon",
  "now",
  "later",
  "already",
  "then",
  "refuse",
  "refused",
  "refuses",
  "declined",
  ",",
]);

/**
 * Whether reported words give the cue verb a subject of their own that is no actor: "Several
 * states later withdrew …" (yes); "they would pursue …", "to declare …" (no).
 */
export function thirdPartySubject(doc: Doc, book: CompiledCodebook, from: number, k: number): boolean {
  // "the decision to recognise a Palestinian state undermined …": someone's decision, not the speaker's act.
  // An adverb may split the infinitive: "it is time to fully recognise".
  const to =
    doc.tokens[k - 1]?.key === "to"
      ? k - 1
      : lyAdverb(doc.tokens[k - 1]) && doc.tokens[k - 2]?.key === "to"
        ? k - 2
        : -1;
  if (to >= 0)
    return (
      DECISION_NOUNS.has(doc.tokens[to - 1]?.key ?? "") ||
      commonNounOpens(doc, clauseStart(doc, k, from), to + 1)
    );
  // "we have to accept and respect the result": a verb joined to the one before shares its subject.
  const before = doc.tokens[k - 2];
  if (["and", "or"].includes(doc.tokens[k - 1]?.key ?? "") && before?.kind === "word" && !before.upper)
    return thirdPartySubject(doc, book, from, k - 2);
  const start = clauseStart(doc, k, from);
  let j = k - 1;
  while (
    j >= start &&
    (CLAUSE_GLUE.has((doc.tokens[j] as Token).key) || (doc.tokens[j] as Token).key.endsWith("ly"))
  )
    j--;
  const t = doc.tokens[j];
  // "his country would recognise": the speaker's own side.
  if (t && OWN_SUBJECT_NOUNS.has(t.key) && POSSESSIVE_PRONOUNS.has(doc.tokens[j - 1]?.key ?? ""))
    return false;
  // "The vote and the results lack legitimacy": the proposition itself is no actor.
  for (let end = j; end >= start && end > j - 5; end--)
    if ((end === j || doc.tokens[end + 1]?.key === "and") && endsProposition(doc, book, start, end))
      return false;
  return j >= start && t?.kind === "word" && !PRONOUN_SUBJECTS.has(t.key);
}

const ARTICLES = words("articles");

/** A lower-case word in -ly standing before a verb: "fully", "formally", "officially". */
const lyAdverb = (t: Token | undefined): boolean => t?.kind === "word" && !t.upper && t.key.endsWith("ly");

/** "UK authorities say the pair have used their positions to push for …": a clause opened by an article and a common noun, not a name or pronoun, is someone else's act. */
function commonNounOpens(doc: Doc, start: number, k: number): boolean {
  let j = start;
  while (j < k && ARTICLES.has((doc.tokens[j] as Token).key)) j++;
  const t = doc.tokens[j];
  if (j >= k || !t || t.kind !== "word" || t.upper || (doc.tokenEntity[j] as number) >= 0) return false;
  return !PRONOUN_SUBJECTS.has(t.key) && !CLAUSE_GLUE.has(t.key) && j > start;
}

/** Whether a phrase naming the proposition ("the vote", "Kosovo's independence") ends at token `j`. */
function endsProposition(doc: Doc, book: CompiledCodebook, start: number, j: number): boolean {
  for (let i = Math.max(start, j - 6); i <= j; i++)
    if (book.slots.P.some((seq) => seq.length === j - i + 1 && sequenceAt(doc.tokens, i, seq))) return true;
  return false;
}

/** "US Under Secretary of State Nicholas Burns": a place in a person's title is not a second subject. */
function inTitleOfPerson(doc: Doc, m: { entity: number; end: number }, limit: number): boolean {
  if (doc.entities.get(m.entity).kind === "person") return false;
  for (let j = doc.tokenAt(m.end); j < Math.min(limit, doc.tokenAt(m.end) + 6); j++) {
    const e = doc.tokenEntity[j] as number;
    if (e >= 0 && doc.entities.get(e).kind === "person") return true;
    const key = (doc.tokens[j] as Token).key;
    if (
      !offices().lastWords.has(key) &&
      !offices().modifiers.has(key) &&
      !offices().honorifics.has(key) &&
      !["of", "'s", "and"].includes(key)
    )
      return false;
  }
  return false;
}

/** Who a stance counts for: an official's for the state or body of his current role, a ministry's for its state. */
export function speaksFor(doc: Doc, entity: number): { actor: number; via?: number } {
  const e = doc.entities.get(entity);
  if (e.kind === "person") {
    for (const role of e.roles) {
      if (role.of === undefined) continue;
      if (!isOfficialTitle(role.title)) continue;
      return { actor: governmentOf(doc, role.of), via: entity };
    }
    // "Secretary of State Condoleezza Rice": a title that names its state by itself.
    for (const role of e.roles) {
      const country = nationalTitleState(role.title);
      if (country) return { actor: doc.entities.state(country), via: entity };
    }
    return { actor: entity };
  }
  const state = governmentOf(doc, entity);
  return state === entity ? { actor: entity } : { actor: state, via: entity };
}

function governmentOf(doc: Doc, entity: number): number {
  const e = doc.entities.get(entity);
  if (e.kind !== "organization" || !e.country) return entity;
  const type = e.ref
    ? organizationInfo(e.ref)?.type
    : /ministry|government|parliament|assembly|cabinet/i.test(e.name)
      ? "government"
      : undefined;
  return type && GOVERNMENT_TYPES.has(type) ? doc.entities.state(e.country) : entity;
}
