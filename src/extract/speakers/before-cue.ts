/**
 * The speaker named before a speech verb: a name ("Burns said"), a name with appositions ("Wang
 * Guangya, China's UN ambassador, said"), a pronoun ("he said"), or a description ("the Russian
 * envoy said", "a senior official said"). Adverbs and auxiliaries in between are passed over
 * ("Russia has repeatedly said").
 */

import { offices } from "../../world/offices.ts";
import { subjectStart } from "../clauses.ts";
import { roleHolder } from "../descriptions.ts";
import type { Doc } from "../doc.ts";
import { COMMON_WORDS, cueAt, ENGLISH_FUNCTION_WORDS, NOT_NAMES, RELATIVE_PRONOUNS } from "../lexicons.ts";
import { PARTICLES } from "../names/runs.ts";
import { named } from "../rule-ids.ts";
import type { Token } from "../types.ts";
import { personBeforeApposition, unclosedApposition } from "./apposition.ts";
import { describedSpeaker, rolelessJustBefore } from "./described.ts";
import { pronounSpeaker, thirdPerson } from "./pronoun.ts";
import {
  type Discourse,
  type Found,
  firstSpeaker,
  isPerson,
  nameEndingAt,
  type SpeakerRef,
  type SpeakerRule,
  spanOf,
  stamp,
} from "./rule.ts";
import { sentenceSubject } from "./subject.ts";
import { isAdverbBeforeVerb } from "./words.ts";

const COORDINATORS = new Set(["and", "but", "then"]);
const RELATIVE = new Set(["who", "which"]);
/** Prepositions after a participle, before its object: "speaking to Fox News". */
const PARTICIPLE_PREPOSITIONS = new Set(["to", "with", "for", "on", "about", "at"]);

/** What lies before a speech verb, back to `floor`. */
interface BeforeCue {
  floor: number;
  discourse: Discourse;
  reach: Reach;
}

/** How far back the speaker's words end, once what stands between them and the verb is passed over. */
interface Reach {
  /** After adverbs between subject and verb ("has repeatedly said"). */
  afterAdverbs: number;
  /** After a party in brackets and a relative pronoun too: where a comma may close an apposition. */
  beforeComma: number;
  /** Where the subject's words end, after appositions; undefined where a comma opens no apposition. */
  end: number | undefined;
}

/** "Burns told the paper … and added that …": a second verb shares the subject of the first. */
const COORDINATED_CUE: SpeakerRule<BeforeCue> = named("coordinated-cue", {
  find: (doc, { floor, discourse, reach }) => {
    const { tokens } = doc;
    const k = reach.afterAdverbs;
    if (!COORDINATORS.has(tokens[k - 1]?.key ?? "")) return undefined;
    for (let j = k - 2; j > floor; j--) {
      if (cueAt(tokens, j) && !(tokens[j] as Token).upper && !doc.insideQuote((tokens[j] as Token).start)) {
        const earlier = speakerBefore(doc, j, floor, discourse);
        if (earlier) return earlier;
      }
    }
    return sentenceSubject(doc, floor, k - 1, discourse) ?? null;
  },
});

/** ", Masis Mailyan, suggested", ", Gov. John Kasich (R-OH), said": a person's name between commas. */
const NAME_BETWEEN_COMMAS: SpeakerRule<BeforeCue> = named("name-between-commas", {
  find: (doc, { floor, reach }) => {
    const comma = reach.beforeComma - 1;
    if (doc.tokens[comma]?.text !== ",") return undefined;
    const nameEnd = partyBefore(doc, comma, floor);
    const between = nameEndingAt(doc, nameEnd);
    if (!between || !isPerson(doc, between.entity)) return undefined;
    const opens = titleStart(doc, between.first, floor);
    if (opens > floor && doc.tokens[opens - 1]?.text !== ",") return undefined;
    return { entity: between.entity, span: spanOf(doc, between.first, nameEnd) };
  },
});

/**
 * "… raised the ire of Syria, which said", "… reinforced by Treasurer Peter Costello, who told": a
 * state or body named right before ", which", a person right before ", who", is who says.
 */
const ACTOR_BEFORE_RELATIVE: SpeakerRule<BeforeCue> = named("actor-before-relative-pronoun", {
  find: (doc, { reach }) => {
    const comma = reach.beforeComma - 1;
    const pronoun = doc.tokens[reach.beforeComma]?.key;
    if ((pronoun !== "which" && pronoun !== "who") || doc.tokens[comma]?.text !== ",") return undefined;
    const found = nameEndingAt(doc, comma);
    if (!found || doc.adjectives.has(found.first)) return undefined;
    const kind = doc.entities.get(found.entity).kind;
    const fits = pronoun === "who" ? kind === "person" : kind === "state" || kind === "organization";
    return fits ? { entity: found.entity, span: spanOf(doc, found.first, comma) } : undefined;
  },
});

/** "He asked the members to act, warned that …": a verb after a comma that closes no apposition shares the subject. */
const SECOND_VERB_AFTER_COMMA: SpeakerRule<BeforeCue> = named("second-verb-after-comma", {
  find: (doc, { floor, discourse, reach }) =>
    reach.end === undefined
      ? (sentenceSubject(doc, floor, reach.beforeComma - 1, discourse) ?? null)
      : undefined,
});

/** Nothing stands before the verb in its clause: no one to name. */
const NOTHING_BEFORE: SpeakerRule<BeforeCue> = named("nothing-before-cue", {
  find: (_doc, { floor, reach }) => ((reach.end as number) <= floor ? null : undefined),
});

/** "Another intelligence source speaking to Fox News said": a name after a participle's preposition is its object. */
const PARTICIPLE_OBJECT: SpeakerRule<BeforeCue> = named("participle-object", {
  find: (doc, { floor, discourse, reach }) => {
    const nameFound = nameEndingAt(doc, reach.end as number);
    const participle = nameFound ? participleBefore(doc, nameFound.first, floor) : undefined;
    return participle === undefined ? undefined : (speakerBefore(doc, participle, floor, discourse) ?? null);
  },
});

/** "Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem told": the person a phrase is about. */
const PERSON_EARLIER_IN_PHRASE: SpeakerRule<BeforeCue> = named("person-earlier-in-phrase", {
  find: (doc, { floor, reach }) => {
    const nameFound = nameEndingAt(doc, reach.end as number);
    if (!nameFound || isPerson(doc, nameFound.entity)) return undefined;
    return personEarlierInPhrase(doc, nameFound.first, floor);
  },
});

/** "Chief Sheldon Sunshine of Sturgeon Lake said": the person before a place no stage knew, joined by "of" or "from". */
const PERSON_OF_UNKNOWN_PLACE: SpeakerRule<BeforeCue> = named("person-of-unknown-place", {
  find: (doc, { floor, reach }) => {
    const end = reach.end as number;
    let first = end;
    while (first > floor && doc.tokens[first - 1]?.upper && (doc.tokenEntity[first - 1] ?? -1) < 0) first--;
    if (first === end || !["of", "from"].includes(doc.tokens[first - 1]?.key ?? "")) return undefined;
    return personEarlierInPhrase(doc, first, floor);
  },
});

/**
 * "The president of the European Commission has said": the holder of the office of the body named,
 * or a person the text just named without an office; else the body, by the rules after this one.
 */
const OFFICE_OF_BODY: SpeakerRule<BeforeCue> = named("office-of-body", {
  find: (doc, { floor, reach }) => {
    const end = reach.end as number;
    const body = nameEndingAt(doc, end);
    if (!body || doc.entities.get(body.entity).kind !== "organization") return undefined;
    let of = body.first - 1;
    if (doc.tokens[of]?.key === "the") of--;
    const office = doc.tokens[of - 1]?.key ?? "";
    if (doc.tokens[of]?.key !== "of" || !offices().lastWords.has(office)) return undefined;
    let first = of - 1;
    while (first > floor && offices().modifiers.has(doc.tokens[first - 1]?.key ?? "")) first--;
    if (doc.tokens[first - 1]?.key === "the") first--;
    const at = (doc.tokens[first] as Token).start;
    const holder =
      roleHolder(doc, office, at, { body: body.entity })?.entity ??
      rolelessJustBefore(doc, first, of, undefined);
    return holder === undefined ? undefined : { entity: holder, span: spanOf(doc, first, end) };
  },
});

/** "Burns said", "Russia's foreign ministry said": a name right before the verb. */
const NAME_BEFORE_CUE: SpeakerRule<BeforeCue> = named("name-before-cue", {
  find: (doc, { reach }) => {
    const end = reach.end as number;
    const nameFound = nameEndingAt(doc, end);
    return nameFound && { entity: nameFound.entity, span: spanOf(doc, nameFound.first, end) };
  },
});

const PRONOUN: SpeakerRule<BeforeCue> = named("pronoun-before-cue", {
  find: (doc, { discourse, reach }) => {
    const k = (reach.end as number) - 1;
    return thirdPerson(doc, k) ? pronounSpeaker(doc, k, discourse) : undefined;
  },
});

const DESCRIBED: SpeakerRule<BeforeCue> = named("description-before-cue", {
  find: (doc, { floor, reach }) => describedSpeaker(doc, reach.end as number, floor),
});

const UNCLOSED_APPOSITION: SpeakerRule<BeforeCue> = named("unclosed-apposition", {
  find: (doc, { floor, reach }) => unclosedApposition(doc, reach.end as number, floor),
});

/** "Zero Hedge asked", "Judicial Watch said": capitalised words no stage took for a name, ending in a common noun. */
const CAPITALISED_BEFORE_CUE: SpeakerRule<BeforeCue> = named("capitalised-before-cue", {
  find: (doc, { floor, reach }) => capitalisedSubject(doc, reach.end as number, floor),
});

/** "a White House official who spoke anonymously to discuss internal strategy said": the phrase before "who". */
const NAME_BEFORE_RELATIVE_CLAUSE: SpeakerRule<BeforeCue> = named("name-before-relative-clause", {
  find: (doc, { floor, reach }) => {
    const end = reach.end as number;
    for (let k = end - 2; k > Math.max(floor, end - 16); k--) {
      const t = doc.tokens[k] as Token;
      if (t.kind === "punct" && t.text !== "-" && t.text !== "'s") return undefined;
      if (t.key !== "who") continue;
      const nameFound = nameEndingAt(doc, k);
      if (nameFound && isPerson(doc, nameFound.entity))
        return { entity: nameFound.entity, span: spanOf(doc, nameFound.first, k) };
      return describedSpeaker(doc, k, floor);
    }
    return undefined;
  },
});

/** The rules for the speaker before a cue, in the order they are tried. */
const BEFORE_CUE: ReadonlyArray<SpeakerRule<BeforeCue>> = [
  COORDINATED_CUE,
  NAME_BETWEEN_COMMAS,
  ACTOR_BEFORE_RELATIVE,
  SECOND_VERB_AFTER_COMMA,
  NOTHING_BEFORE,
  PARTICIPLE_OBJECT,
  PERSON_EARLIER_IN_PHRASE,
  PERSON_OF_UNKNOWN_PLACE,
  OFFICE_OF_BODY,
  NAME_BEFORE_CUE,
  PRONOUN,
  DESCRIBED,
  UNCLOSED_APPOSITION,
  CAPITALISED_BEFORE_CUE,
  NAME_BEFORE_RELATIVE_CLAUSE,
];

/** The speaker named just before a speech verb at token `verb`, looking no further back than `floor`. */
export function speakerBefore(
  doc: Doc,
  verb: number,
  floor: number,
  discourse: Discourse,
): SpeakerRef | undefined {
  return firstSpeaker(BEFORE_CUE, doc, { floor, discourse, reach: reachBack(doc, verb, floor) });
}

/** Where the words before the verb at `verb` that may name its speaker end. */
function reachBack(doc: Doc, verb: number, floor: number): Reach {
  const { tokens } = doc;
  let k = verb;
  // Adverbs too: "Trump jokingly said", "Clinton emphatically proclaimed".
  for (
    let skipped = 0;
    k - 1 >= floor && isAdverbBeforeVerb(tokens[k - 1] as Token) && skipped < 4;
    skipped++
  )
    k--;
  const afterAdverbs = k;
  // "Rep. Jim McDermott (D-Wash.) said": a parenthesis between the name and the verb.
  if (tokens[k - 1]?.text === ")") {
    let j = k - 2;
    while (j > floor && tokens[j]?.text !== "(" && k - j < 10) j--;
    if (tokens[j]?.text === "(") k = j;
  }
  // "X, who told …": a relative pronoun stands for the name before it.
  if (RELATIVE.has(tokens[k - 1]?.key ?? "") && tokens[k - 2]?.text === ",") k -= 1;
  if (tokens[k - 1]?.text !== ",") return { afterAdverbs, beforeComma: k, end: k };
  return { afterAdverbs, beforeComma: k, end: beforeAppositions(doc, k - 1, floor) };
}

/**
 * "X, the envoy, said", "Greg Raiff, chief executive of Private Jet Services, an aviation consulting
 * firm, said": back over up to three appositions between commas from the comma at `comma`, to the
 * comma after the name they describe; undefined where none opens after a name. Not a name that is a
 * relative clause's subject: "a major who Gowdy, R-S.C., fired".
 */
function beforeAppositions(doc: Doc, comma: number, floor: number): number | undefined {
  const { tokens } = doc;
  let j = comma;
  for (let apposition = 0; apposition < 3; apposition++) {
    const close = j;
    j = close - 1;
    while (j > floor && tokens[j]?.text !== "," && close - j < 18) j--;
    if (tokens[j]?.text !== "," || nameEndingAt(doc, j)) break;
  }
  if (tokens[j]?.text !== ",") return undefined;
  const name = nameEndingAt(doc, j);
  if (!name) return undefined;
  return RELATIVE_PRONOUNS.has(tokens[titleStart(doc, name.first, floor) - 1]?.key ?? "") ? undefined : j;
}

/**
 * Capitalised words no stage took for a name, opening the clause right before its speech verb at
 * `end` and closing with a common noun: a body ("Zero Hedge asked,", "Judicial Watch said").
 */
function capitalisedSubject(doc: Doc, end: number, floor: number): Found | undefined {
  const { tokens } = doc;
  let first = end;
  while (first > floor && end - first < 4 && isCapitalisedWord(tokens[first - 1] as Token)) first--;
  if (end - first < 2 || subjectStart(doc, floor, end) !== first) return undefined;
  const opening = (tokens[first] as Token).key;
  const head = (tokens[end - 1] as Token).key;
  if (
    NOT_NAMES.has(opening) ||
    ENGLISH_FUNCTION_WORDS.has(opening) ||
    // "Le Pen said": a particle opens a person's name.
    PARTICLES.has(opening) ||
    offices().modifiers.has(opening) ||
    !COMMON_WORDS.has(head) ||
    doc.tokenEntity.subarray(first, end).some((e) => e >= 0)
  )
    return undefined;
  return { entity: doc.entities.namedBody(doc.slice(first, end)), span: spanOf(doc, first, end) };
}

function isCapitalisedWord(t: Token): boolean {
  return t.kind === "word" && t.upper && t.key !== "'s";
}

/** The participle of "speaking to X" before a name starting at `first`, or undefined. */
function participleBefore(doc: Doc, first: number, floor: number): number | undefined {
  const preposition = doc.tokens[first - 1];
  const participle = doc.tokens[first - 2];
  if (first - 2 <= floor || !preposition || !participle || !PARTICIPLE_PREPOSITIONS.has(preposition.key))
    return undefined;
  return participle.kind === "word" && !participle.upper && /[a-z]{3}ing$/.test(participle.key)
    ? first - 2
    : undefined;
}

/** Where a name ends before a party in brackets ending at `end` ("Kasich (R-OH)"): else `end`. */
function partyBefore(doc: Doc, end: number, floor: number): number {
  if (doc.tokens[end - 1]?.text !== ")") return end;
  for (let j = end - 2; j > Math.max(floor, end - 8); j--) if (doc.tokens[j]?.text === "(") return j;
  return end;
}

/** The first of the capitalised title words right before a name starting at `first` ("Gov.", "Ohio Gov."). */
function titleStart(doc: Doc, first: number, floor: number): number {
  let k = first;
  while (k > Math.max(floor, first - 4)) {
    const t = doc.tokens[k - 1] as Token;
    if (!(t.upper && t.kind === "word") && t.text !== ".") break;
    k--;
  }
  return k;
}

/** A person named earlier in the same noun phrase, back across "of", "the" and names (no punctuation). */
function personEarlierInPhrase(doc: Doc, before: number, floor: number): SpeakerRef | undefined {
  // Whether only names and the words joining a body to its person have come between.
  let joined = true;
  for (let k = before - 1; k >= Math.max(floor, before - 12); k--) {
    const t = doc.tokens[k] as Token;
    if (t.kind === "punct" && t.text !== "'s" && t.text !== "-")
      return t.text === "," ? personBeforeApposition(doc, k, floor) : undefined;
    const e = doc.tokenEntity[k];
    if (joined && isPerson(doc, e)) {
      let first = k;
      while (first > floor && doc.tokenEntity[first - 1] === e) first--;
      return stamp(PERSON_EARLIER_IN_PHRASE, { entity: e, span: spanOf(doc, first, k + 1) });
    }
    if (e === -1 && !["of", "the", "at", "for", "from"].includes(t.key) && !t.upper) joined = false;
  }
  return undefined;
}
