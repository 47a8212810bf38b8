/** Who a stance cue's sentence names as holding it: subjects, agents, and whom an official speaks for. */

import type { Doc } from "../extract/doc.ts";
import type { Token } from "../extract/types.ts";
import { words } from "../extract/word-classes.ts";
import { isOfficialTitle, nationalTitleState, offices } from "../world/offices.ts";
import { organizationInfo } from "../world/organizations.ts";
import { afterCondition, clauseStart, insideRelative, PRONOUN_SUBJECTS } from "./clauses.ts";
import {
  ACT_NOUNS,
  APPOSITION_NOUNS,
  BODY_NOUNS,
  CONTROL_VERBS,
  DECISION_NOUNS,
  MEMBER_NOUNS,
  OWN_SUBJECT_NOUNS,
} from "./syntax.ts";

const PREPOSITIONS = new Set([
  "on",
  "in",
  "at",
  "of",
  "for",
  "from",
  "to",
  "against",
  "about",
  "over",
  "under",
  "into",
  "than",
  "between",
]);

/** Words before a name that keep it in a list of subjects: "China, Vietnam and South Africa, as well as Russia". */
const INCLUDING = new Set([",", "and", "including", "as", "with", "by", "both", "also"]);

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
    offices().lastWords.has(token.key) ||
    offices().modifiers.has(token.key)
  )
    return false;
  return /(?:ed|es|s)$/.test(token.key) || CONTROL_VERBS.some((v) => v[0] === token.key);
}

/**
 * The mentions standing for the subject of a verb at `k`: the names of the clause before it,
 * lists included; with `quoted`, inside the quote whose words hold `k` (the subject of reported
 * words: "Moldova will not recognise Kosovo, its president said").
 */
export function subjects(doc: Doc, k: number, floor: number, quoted = false): number[] {
  const start = withSubjects(doc, afterCondition(doc, clauseStart(doc, k, floor), k), k);
  const limit = controlVerb(doc, start, k) ?? k;
  const out: number[] = [];
  const infinitive = limit === k && (doc.tokens[k - 1]?.key === "to" || doc.tokens[k - 2]?.key === "to");
  for (const m of doc.mentions) {
    if (m.start < (doc.tokens[start] as Token).start || m.start >= (doc.tokens[limit] as Token).start)
      continue;
    const first = doc.tokenAt(m.start);
    if ((!quoted && doc.insideQuote(m.start)) || insideRelative(doc, first, start)) continue;
    // A name after a preposition is no subject ("states on the council"), unless it joins a list.
    let j = first - 1;
    while (j >= start && ["the", "a", "an", "its", "their"].includes((doc.tokens[j] as Token).key)) j--;
    const before = doc.tokens[j];
    if (before && j >= start && PREPOSITIONS.has(before.key) && !INCLUDING.has(before.key)) continue;
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
    // "BELGRADE —": a dateline names a place, not who acts.
    if (after && ["—", "–", "--"].includes(after.text)) continue;
    // "Kosovo Serbs": the group, not the place naming it.
    const next = doc.tokenEntity[last] as number;
    if (next >= 0 && next !== m.entity && doc.entities.get(next).kind === "group") continue;
    // "EU states": the members, not the body.
    if (doc.entities.get(m.entity).kind === "organization" && MEMBER_NOUNS.has(after?.key ?? "")) continue;
    out.push(m.entity);
  }
  // "… Russia from using its veto to stop independence": an infinitive's subject is the nearest name.
  if (infinitive && out.length > 1) return [out[out.length - 1] as number];
  return [...new Set(out)];
}

/** "…, with Russia and China opposing the declaration": an -ing cue's subjects follow "with". */
function withSubjects(doc: Doc, start: number, k: number): number {
  if (!(doc.tokens[k] as Token).key.endsWith("ing")) return start;
  for (let j = k - 1; j > start; j--) if ((doc.tokens[j] as Token).key === "with") return j + 1;
  return start;
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

/** Verbs that equate a noun with the list after them: "the states that recognised it were A, B and C". */
const COPULAS = new Set(["were", "are", "was", "is", "include", "included", "includes", "including"]);
/** How far after a relative clause's cue its copula may come: "… voted against Kosovo's membership included". */
const COPULA_REACH = 10;

/** The names listed after the copula that follows token `from`: "… were Russia, China and Spain". */
export function listAfterCopula(doc: Doc, from: number, last: number): number[] {
  for (let j = from; j < Math.min(last, from + COPULA_REACH); j++) {
    const t = doc.tokens[j] as Token;
    if (t.kind === "punct" && t.key !== "'s" && t.key !== "-") return [];
    if (COPULAS.has(t.key)) return agents(doc, j, last, t.key);
  }
  return [];
}

/** Where a list that runs to token `last` may go on: over sentences cut only for their length. */
function listEnd(doc: Doc, last: number): number {
  let sentence = doc.sentences[(doc.tokens[last - 1] as Token).sentence];
  while (sentence?.cut)
    sentence = doc.sentences[(doc.tokens[sentence.last] as Token | undefined)?.sentence ?? -1];
  return sentence?.last ?? last;
}

/** "Serbia, which opposes statehood for Kosovo": the name a non-restrictive relative clause holding the cue at `k` hangs on. */
export function antecedent(doc: Doc, k: number, floor: number): number[] {
  const j = clauseStart(doc, k, floor) - 1;
  if (!["which", "who"].includes(doc.tokens[j]?.key ?? "") || doc.tokens[j - 1]?.text !== ",") return [];
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
export function thirdPartySubject(doc: Doc, from: number, k: number): boolean {
  // "the decision to recognise a Palestinian state undermined …": someone's decision, not the speaker's act.
  if (doc.tokens[k - 1]?.key === "to") return DECISION_NOUNS.has(doc.tokens[k - 2]?.key ?? "");
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
  return j >= start && t?.kind === "word" && !PRONOUN_SUBJECTS.has(t.key);
}

/** The names after "by" that follows a passive cue: "… was recognised by Australia and Afghanistan". */
export function agents(doc: Doc, end: number, sentenceLast: number, by = "by"): number[] {
  const last = listEnd(doc, sentenceLast);
  let j = end;
  while (j < Math.min(last, end + 8) && (doc.tokens[j] as Token).key !== by) {
    if ([",", ";", ".", "and", "but"].includes((doc.tokens[j] as Token).key)) return [];
    j++;
  }
  if ((doc.tokens[j] as Token | undefined)?.key !== by) return [];
  const out: number[] = [];
  for (j = listAfterDash(doc, j + 1, last); j < last; j++) {
    const t = doc.tokens[j] as Token;
    const e = doc.tokenEntity[j] as number;
    if (e >= 0) {
      const member =
        MEMBER_NOUNS.has(doc.tokens[j + 1]?.key ?? "") && doc.entities.get(e).kind === "organization";
      if (!doc.entities.get(e).unnamed && !member && !out.includes(e)) out.push(e);
      continue;
    }
    // A capitalised word the gazetteer missed may be part of a listed name ("Democratic Republic of the Congo").
    if (!LIST_GLUE.has(t.key) && !(t.upper && t.kind === "word")) break;
  }
  return out;
}

/**
 * Whose act a noun cue names in the narrative: "Russia's recognition of Abkhazia", "American
 * recognition of Kosovo", "recognition of Kosovo by France, Britain and Italy", "condemnation from
 * Spain". Only nouns of acts (`act_nouns`), and not a hypothetical one ("any recognition").
 */
/** The last words of cues that name their holders right after: "… was recognised by", "criticism from", "voting against were". */
const HOLDERS_FOLLOW = new Set(["by", "from", "of", "were", "was", "are", "include", "included"]);

export function actOwners(doc: Doc, k: number, end: number, last: number): number[] {
  const closing = doc.tokens[end - 1]?.key ?? "";
  if (HOLDERS_FOLLOW.has(closing)) return agents(doc, end - 1, last, closing);
  // "Moscow's decision to recognise the regions": the decision's owner.
  if (doc.tokens[k - 1]?.key === "to" && DECISION_NOUNS.has(doc.tokens[k - 2]?.key ?? ""))
    return possessor(doc, k - 2);
  if (!ACT_NOUNS.has((doc.tokens[k] as Token).key) || HYPOTHETICAL.has(doc.tokens[k - 1]?.key ?? ""))
    return [];
  // "recognition of Kosovo by France", "recognition from Japan".
  const after = doc.tokens[end]?.key;
  if (after === "by" || after === "from") return agents(doc, end, last, after);
  return possessor(doc, k);
}

/** The owner named just before the noun at `k`: "Russia's recognition", "American recognition". */
function possessor(doc: Doc, k: number): number[] {
  let j = k - 1;
  if (doc.tokens[j]?.key === "'s") j--;
  const owner = doc.tokenEntity[j] as number;
  if (j < 0 || owner < 0 || doc.entities.get(owner).unnamed) return [];
  let first = j;
  while (first > 0 && doc.tokenEntity[first - 1] === owner) first--;
  if (HYPOTHETICAL.has(doc.tokens[first - 1]?.key ?? "")) return [];
  return [owner];
}

/** Words before an act's owner that make the act one not done: "any Russian recognition". */
const HYPOTHETICAL = new Set(["any", "no", "future", "possible", "eventual"]);

const DASHES = new Set(["-", "--", "—", "–", ":"]);

/** "by Europe's largest states -- France, Britain …": where the names a description announces begin. */
function listAfterDash(doc: Doc, from: number, last: number): number {
  for (let j = from; j < Math.min(last, from + 7); j++) {
    if (DASHES.has((doc.tokens[j] as Token).key)) return j + 1;
    if ((doc.tokens[j] as Token).text === "," || ((doc.tokenEntity[j] as number) >= 0 && j === from))
      return from;
  }
  return from;
}

/** Words that may stand between the names of a list: "France, Britain and Italy -- as well as Afghanistan". */
const LIST_GLUE = new Set([
  ",",
  "and",
  "the",
  "of",
  "both",
  "as",
  "well",
  "-",
  "--",
  "—",
  "–",
  "such",
  "including",
]);

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
