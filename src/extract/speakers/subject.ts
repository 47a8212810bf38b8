/** The subject of a clause, as the speaker of a verb or quote that hangs on the clause. */

import { isTitleWord, offices } from "../../world/offices.ts";
import { subjectStart } from "../clauses.ts";
import type { Doc } from "../doc.ts";
import {
  COMMON_WORDS,
  cueAt,
  DETERMINERS,
  ENGLISH_FUNCTION_WORDS,
  IRREGULAR_PAST,
  looksPlural,
  PRONOUNS,
  SPEAKER_NOUNS,
} from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import type { Token } from "../types.ts";
import { words } from "../word-classes.ts";
import { appositionPerson } from "./apposition.ts";
import { describe } from "./described.ts";
import { pronounSpeaker, thirdPerson } from "./pronoun.ts";
import {
  type Discourse,
  firstSpeaker,
  isPerson,
  type SpeakerRef,
  type SpeakerRule,
  spanOf,
  stamp,
} from "./rule.ts";
import { isAdverbBeforeVerb, NOT_HEADS, POSSESSIVES, QUANTIFIER_SUBJECTS } from "./words.ts";

/** Adverbs that may come before a clause's subject: "even a top GOP strategist said". */
const FOCUS_ADVERBS = new Set(["even", "also", "only", "now", "then", "still"]);
/** Articles and quantifiers that open a noun phrase standing as a clause's subject. */
const SUBJECT_OPENERS = words("articles", [
  "another",
  "some",
  "several",
  "many",
  "one",
  "two",
  "three",
  "both",
  "all",
  "other",
]);
/** Auxiliaries: where a subject's noun phrase has ended. */
const AUXILIARIES = words("be_finite", "have", "do", "modals");
/** Words after which an -es or -ed word is a noun or adjective of the same phrase, not its verb. */
const COORDINATED = new Set(["and", "or", "of"]);

/** "The company's chief, Jane Doe, said", "The New York Times reported": a name closing the subject's phrase. */
const NAME_ENDING_SUBJECT_PHRASE = named("name-ending-subject-phrase");

/** A name opening a clause, from token `first` to `last`, before the clause's end at `end`. */
interface NameInClause {
  first: number;
  last: number;
  end: number;
}

/** What a name opening a clause makes the clause's subject, in order. */
const NAME_IN_CLAUSE: ReadonlyArray<SpeakerRule<NameInClause>> = [
  // "Clinton campaign manager Robby Mook released": a name before a role noun modifies it.
  named("role-noun-then-name", {
    find: (doc, at) => roleNounHolder(doc, at.last, at.end),
  }),
  // "Russian State Duma Chairman Boris Gryzlov": the person after a title's state or body.
  named("person-after-body-in-subject", {
    find: (doc, at) => {
      if (doc.entities.get(doc.tokenEntity[at.first] as number).kind === "person") return undefined;
      for (let j = at.last; j < Math.min(at.end, at.last + 6); j++) {
        const p = doc.tokenEntity[j];
        if (!isPerson(doc, p)) continue;
        let pl = j;
        while (pl < at.end && doc.tokenEntity[pl] === p) pl++;
        return { entity: p, span: spanOf(doc, j, pl) };
      }
      return undefined;
    },
  }),
  // "Tadic told parliament", "Russia's foreign ministry said": the first name of the clause.
  named("clause-subject", {
    find: (doc, at) => ({
      entity: doc.tokenEntity[at.first] as number,
      span: spanOf(doc, at.first, at.last),
    }),
  }),
];

/**
 * The subject of the clause that runs from `floor` to `end`: its first name or pronoun, a person
 * standing after a title's state or body ("Russian State Duma Chairman Boris Gryzlov").
 */
export function sentenceSubject(
  doc: Doc,
  floor: number,
  end: number,
  discourse: Discourse,
): SpeakerRef | undefined {
  const { tokens } = doc;
  // "At Sunday's debate, Sanders compared himself to Clinton, saying": the subject after the opener;
  // "even a top GOP strategist said": after a focusing adverb.
  let first = subjectStart(doc, floor, end);
  if (FOCUS_ADVERBS.has(tokens[first]?.key ?? "") && first + 1 < end) first++;
  const described = leadingDescription(doc, first, end);
  if (described) return described;
  for (let k = first; k < end; k++) {
    if (doc.insideQuote((tokens[k] as Token).start)) continue;
    const e = doc.tokenEntity[k];
    if (doc.adjectives.has(k)) {
      while (doc.tokenEntity[k + 1] === e && e !== -1) k++;
      continue;
    }
    if (e !== undefined && e >= 0 && doc.entities.get(e).kind !== "group") {
      let last = k;
      while (last < end && doc.tokenEntity[last] === e) last++;
      return firstSpeaker(NAME_IN_CLAUSE, doc, { first: k, last, end });
    }
    if (thirdPerson(doc, k)) {
      const pronoun = pronounSpeaker(doc, k, discourse);
      if (pronoun) return pronoun;
    }
  }
  return undefined;
}

/** "with Somalia condemning it": the rule that takes the actor after "with" for the participle's subject. */
const WITH_PARTICIPLE = named("with-participle-subject");
/** "rejected by the Syrian Foreign Ministry describing it as …": the agent before the participle. */
const PASSIVE_AGENT_PARTICIPLE = named("passive-agent-participle");

/**
 * The subject of a participle at token `k`: the actor of "with X -ing" before it ("…, with Somalia
 * condemning it and vowing to …"), else the subject of the last clause before it that opens with
 * "and" or "but" and a name ("… is not recognised and Moldova accuses Moscow …, alleging"), else
 * the sentence's.
 */
export function participleSubject(
  doc: Doc,
  floor: number,
  k: number,
  discourse: Discourse,
): SpeakerRef | undefined {
  const agent = passiveAgentBefore(doc, k, floor);
  if (agent) return agent;
  const { tokens } = doc;
  let clause = floor;
  for (let j = k - 1; j > floor; j--) {
    const t = tokens[j] as Token;
    if (doc.insideQuote(t.start)) continue;
    // "with Scotland's External Affairs Secretary Fiona Hyslop saying": the person the phrase ends in.
    const titled = t.key === "with" ? withPhrasePerson(doc, j + 1, k) : undefined;
    if (titled) return stamp(WITH_PARTICIPLE, titled);
    const e = doc.tokenEntity[j + 1] ?? -1;
    if (e < 0 || doc.adjectives.has(j + 1) || doc.entities.get(e).kind === "group") continue;
    let after = j + 1;
    while (doc.tokenEntity[after] === e) after++;
    const next = tokens[after];
    if (t.key === "with" && next?.kind === "word" && next.key.endsWith("ing"))
      return stamp(WITH_PARTICIPLE, { entity: e, span: spanOf(doc, j + 1, after) });
    const joinsClause =
      (t.key === "and" || t.key === "but") &&
      (doc.tokenEntity[j - 1] ?? -1) < 0 &&
      tokens[j - 1]?.kind === "word" &&
      next?.kind === "word" &&
      !next.upper;
    if (joinsClause) {
      clause = j + 1;
      break;
    }
  }
  return sentenceSubject(doc, clause, k, discourse);
}

/** How far before a participle the "by" of a passive's agent may stand: "by the Syrian Foreign Ministry describing". */
const AGENT_REACH = 6;

/**
 * "The move was rejected by the Syrian Foreign Ministry describing it as …": the named actor (no
 * group) of a passive's "by", after at most an article, right before the participle at `k`.
 */
export function passiveAgentBefore(doc: Doc, k: number, floor: number): SpeakerRef | undefined {
  const e = doc.tokenEntity[k - 1] ?? -1;
  if (e < 0 || doc.entities.get(e).kind === "group") return undefined;
  let first = k - 1;
  while (first > floor && doc.tokenEntity[first - 1] === e) first--;
  const by = doc.tokens[first - 1]?.key === "the" ? first - 2 : first - 1;
  if (by <= floor || k - by > AGENT_REACH || doc.tokens[by]?.key !== "by") return undefined;
  if (!doc.tokens[by - 1]?.key.endsWith("ed")) return undefined;
  return stamp(PASSIVE_AGENT_PARTICIPLE, { entity: e, span: spanOf(doc, first, k) });
}

/** The person a noun phrase from `from` up to the participle at `k` ends in, past a state's possessive and a title. */
function withPhrasePerson(
  doc: Doc,
  from: number,
  k: number,
): { entity: number; span: { start: number; end: number } } | undefined {
  for (let i = from; i < k; i++) {
    const u = doc.tokens[i] as Token;
    const named = (doc.tokenEntity[i] ?? -1) >= 0;
    if (!named && u.key !== "'s" && !u.upper && !isTitleWord(u.key)) return undefined;
  }
  const e = doc.tokenEntity[k - 1] ?? -1;
  if (e < 0 || doc.entities.get(e).kind !== "person" || k - 1 === from) return undefined;
  let first = k - 1;
  while (first > from && doc.tokenEntity[first - 1] === e) first--;
  return { entity: e, span: spanOf(doc, first, k) };
}

/**
 * The person named after up to three lower-case words at `from` that end in a role noun
 * ("campaign manager Robby Mook", "speechwriter Jon Favreau"), else nothing.
 */
function roleNounHolder(
  doc: Doc,
  from: number,
  end: number,
): { entity: number; span: { start: number; end: number } } | undefined {
  let k = from;
  while (
    k < Math.min(end, from + 3) &&
    !(doc.tokens[k] as Token).upper &&
    (doc.tokens[k] as Token).kind === "word"
  )
    k++;
  const role = doc.tokens[k - 1] as Token;
  if (k === from || !(offices().lastWords.has(role.key) || SPEAKER_NOUNS.has(role.key))) return undefined;
  const p = doc.tokenEntity[k] as number;
  if (k >= end || p < 0 || doc.entities.get(p).kind !== "person") return undefined;
  let last = k;
  while (last < end && doc.tokenEntity[last] === p) last++;
  return { entity: p, span: spanOf(doc, k, last) };
}

/**
 * A clause opening with a noun phrase that is not a name: "The spokesman refused …, adding",
 * "Ryan's campaign shrugged off …, telling reporters", "an angry army of HP workers had amassed".
 * The phrase runs to the first auxiliary, speech verb or -ed/-es verb; a person named at its end
 * ("The company's chief, Jane Doe,") is the speaker, else the phrase is described.
 */
function leadingDescription(doc: Doc, floor: number, end: number): SpeakerRef | undefined {
  const { tokens } = doc;
  const head = tokens[floor] as Token | undefined;
  if (!head || doc.insideQuote(head.start)) return undefined;
  // "Others, reacting to the gap …, shouted": a quantifier standing alone before an aside.
  if (QUANTIFIER_SUBJECTS.has(head.key) && tokens[floor + 1]?.text === ",")
    return describe(doc, floor, floor + 1);
  const opening = subjectPhraseOpening(doc, floor);
  if (!opening) return undefined;
  const determined = opening.kind === "determined";
  const limit = Math.min(end, floor + 9);
  let j = opening.next;
  for (; j < limit; j++) {
    const t = tokens[j] as Token;
    // "The Clinton campaign, in a Q&A on the e-mail controversy, worded it": a speaker noun before
    // an inserted phrase; "The campaign's chief, Jane Doe," names its person.
    if (t.text === "," && determined && j - floor >= 2) {
      // "A lawmaker from the Georgian Dream ruling party, Beka Davituliani, said": the person set off.
      const person = appositionPerson(doc, j, end);
      if (person) return person;
      if (SPEAKER_NOUNS.has(tokens[j - 1]?.key ?? "")) return describe(doc, floor, j);
    }
    if (t.kind === "punct" && t.text !== "-" && t.text !== "'s") return undefined;
    if (endsSubjectPhrase(doc, j)) break;
  }
  if (j >= limit) return undefined;
  // "Her campaign quickly blasted out", "The Sanders campaign on Monday also released": adverbs and
  // days before the verb are no part of the phrase.
  while (j - 1 > floor && isAdverbBeforeVerb(tokens[j - 1] as Token)) j--;
  j = beforeMannerPhrase(doc, floor, j);
  if (j - floor < 2) return undefined;
  // Without a determiner, only a plural head stands as the subject: "Small groups of protesters".
  const tail = tokens[j - 1] as Token;
  if (opening.kind === "bare" && (tail.upper || !isPluralNoun(tail))) return undefined;
  const last = doc.tokenEntity[j - 1] as number;
  let first = j - 1;
  while (first > floor && doc.tokenEntity[first - 1] === last) first--;
  // "The New York Times reported": a body's name after its article is the body.
  if (last >= 0 && (doc.entities.get(last).kind === "person" || first === floor + 1))
    return stamp(NAME_ENDING_SUBJECT_PHRASE, { entity: last, span: spanOf(doc, first, j) });
  return describe(doc, floor, j);
}

/** Prepositions that open a phrase of manner or means between a speaker and the verb. */
const MANNER_PREPOSITIONS = words(["in", "with", "through", "via"]);

/**
 * "The British envoy in very clear terms dissociated", "The ministry in a statement said": a
 * phrase of plain words after a speaker's noun tells how, and is no part of the subject. One that
 * names something ("the envoy in Nigeria") is.
 */
function beforeMannerPhrase(doc: Doc, floor: number, j: number): number {
  for (let p = floor + 2; p < j - 1; p++) {
    if (!MANNER_PREPOSITIONS.has((doc.tokens[p] as Token).key)) continue;
    const head = doc.tokens[p - 1]?.key ?? "";
    if (!SPEAKER_NOUNS.has(head) && !offices().lastWords.has(head)) return j;
    for (let k = p + 1; k < j; k++)
      if ((doc.tokens[k] as Token).upper || (doc.tokenEntity[k] ?? -1) >= 0) return j;
    return p;
  }
  return j;
}

/**
 * How a subject's noun phrase opens at `floor`: with a determiner ("His office", "The spokesman"),
 * a bare common noun ("Small groups of …"), or a possessor's name ("Ryan's campaign"); with the
 * token after the opening.
 */
function subjectPhraseOpening(
  doc: Doc,
  floor: number,
): { kind: "determined" | "bare" | "possessor"; next: number } | undefined {
  const { tokens } = doc;
  const head = tokens[floor] as Token;
  // "His office put out a statement saying", "Her campaign blasted out an email stating".
  if (SUBJECT_OPENERS.has(head.key) || POSSESSIVES.has(head.key))
    return { kind: "determined", next: floor + 1 };
  // "Small groups of protesters continued …, chanting": a noun phrase with no determiner.
  if (isBareNoun(doc, floor)) return { kind: "bare", next: floor + 1 };
  // "Ryan's campaign": a possessor and a common noun.
  const e = doc.tokenEntity[floor] as number;
  if (e < 0) return undefined;
  let j = floor;
  while (doc.tokenEntity[j] === e) j++;
  if (tokens[j]?.key !== "'s" || tokens[j + 1]?.upper !== false) return undefined;
  return { kind: "possessor", next: j + 1 };
}

/** Whether token `j` is where a subject's phrase ends: an auxiliary, a speech verb, a verb in -ed or -es. */
function endsSubjectPhrase(doc: Doc, j: number): boolean {
  const { tokens } = doc;
  const t = tokens[j] as Token;
  const before = tokens[j - 1]?.key ?? "";
  // "Yemen's internationally recognised government warned": after an owner or a determiner and an
  // adverb, a participle modifies the noun to come.
  const owner = tokens[j - 2]?.key ?? "";
  if (before.endsWith("ly") && (owner === "'s" || DETERMINERS.has(owner)) && /ed$/.test(t.key)) return false;
  return (
    AUXILIARIES.has(t.key) ||
    // "A footnote in the report": after a determiner, a speech word is a noun.
    (cueAt(tokens, j) !== undefined && !DETERMINERS.has(before)) ||
    // "an angry army of HP workers and retirees had amassed": after "and", a plural noun.
    (!t.upper && t.key.length > 3 && /(?:ed|es)$/.test(t.key) && !COORDINATED.has(before)) ||
    // "his campaign sent out a text message": not "a set of".
    (!t.upper && IRREGULAR_PAST.has(t.key) && !DETERMINERS.has(before))
  );
}

/** A common word no stage named, opening a noun phrase without a determiner: "Protesters", "Small". */
function isBareNoun(doc: Doc, k: number): boolean {
  const t = doc.tokens[k] as Token;
  const titles = offices();
  return (
    t.kind === "word" &&
    (doc.tokenEntity[k] ?? -1) < 0 &&
    !PRONOUNS.has(t.key) &&
    !ENGLISH_FUNCTION_WORDS.has(t.key) &&
    !NOT_HEADS.has(t.key) &&
    !titles.lastWords.has(t.key) &&
    !titles.modifiers.has(t.key) &&
    (COMMON_WORDS.has(t.key) || isPluralNoun(t))
  );
}

/** A plural common noun by its ending: "protesters", "critics" (not "status", "press"). */
function isPluralNoun(t: Token): boolean {
  return t.kind === "word" && t.key.length > 3 && looksPlural(t.key);
}
