import { offices } from "../world/offices.ts";
import { states } from "../world/states.ts";
import { subjectStart } from "./clauses.ts";
import { isFormer, lastMention, roleHolder } from "./descriptions.ts";
import type { Doc } from "./doc.ts";
import {
  BETWEEN_SUBJECT_AND_VERB,
  COMMON_WORDS,
  cueAt,
  DETERMINERS,
  ENGLISH_FUNCTION_WORDS,
  IRREGULAR_PAST,
  looksPlural,
  NOT_NAMES,
  PRONOUNS,
  RELATIVE_PRONOUNS,
  SPEAKER_NOUNS,
} from "./lexicons.ts";
import { PARTICLES, titleRegionBefore } from "./names.ts";
import type { Span, Token } from "./types.ts";

/** Who a stretch of text names as a speaker, where, and by which rule. */
export interface SpeakerRef {
  entity: number;
  span: Span;
  rule: string;
}

/** What speaker resolution remembers while walking through a document: the quotes' speakers so far. */
export interface Discourse {
  /** Speakers of the quotes attributed so far, with the token where each was attributed. */
  speakers: Array<{ entity: number; token: number; paragraph: number }>;
}

const RELATIVE = new Set(["who", "which"]);
/** Words that cannot head a speaker's description, nor be a speaker: "it", "to", "there". */
const NOT_HEADS = new Set(
  "it this there here to of in on at for with by from and or but that which who what as than".split(" "),
);
/** Words no description ends with. */
const NOT_LAST = new Set([...NOT_HEADS, "the", "a", "an"]);
const COORDINATORS = new Set(["and", "but", "then"]);
/** Words after which an -es or -ed word is a noun or adjective of the same phrase, not its verb. */
const COORDINATED = new Set(["and", "or", "of"]);
/** Words opening an apposition after a name: "Sam Lau, the director …", "Katie Packer, who …". */
export const APPOSITION_OPENERS = new Set(["the", "a", "an", "who"]);
const CLAUSE_BREAK = new Set([",", ";", ":", "(", ")", '"', "'", "-", "—", "–"]);

function span(doc: Doc, first: number, last: number): Span {
  return { start: (doc.tokens[first] as Token).start, end: (doc.tokens[last - 1] as Token).end };
}

/** The entity a name mention ending at token `last` (exclusive) refers to, with its first token. */
function nameEndingAt(doc: Doc, last: number): { entity: number; first: number } | undefined {
  const entity = doc.tokenEntity[last - 1];
  if (entity === undefined || entity < 0) return undefined;
  let first = last - 1;
  while (first > 0 && doc.tokenEntity[first - 1] === entity) first--;
  return { entity, first };
}

/**
 * The speaker named just before a speech verb at token `verb`: a name ("Burns said"), a name
 * with an apposition ("Wang Guangya, China's UN ambassador, said"), a pronoun ("he said"), or a
 * description ("the Russian envoy said", "a senior official said"). Adverbs and auxiliaries in
 * between are passed over ("Russia has repeatedly said").
 */
export function speakerBefore(
  doc: Doc,
  verb: number,
  floor: number,
  discourse: Discourse,
): SpeakerRef | undefined {
  const { tokens } = doc;
  let k = verb;
  let skipped = 0;
  // Adverbs too: "Trump jokingly said", "Clinton emphatically proclaimed".
  while (k - 1 >= floor && isAdverbBeforeVerb(tokens[k - 1] as Token) && skipped < 4) {
    k--;
    skipped++;
  }
  // "Burns told the paper … and added that …": a second verb shares the sentence's subject.
  if (COORDINATORS.has(tokens[k - 1]?.key ?? "")) {
    for (let j = k - 2; j > floor; j--) {
      if (cueAt(tokens, j) && !(tokens[j] as Token).upper && !doc.insideQuote((tokens[j] as Token).start)) {
        const earlier = speakerBefore(doc, j, floor, discourse);
        if (earlier) return earlier;
      }
    }
    return sentenceSubject(doc, floor, k - 1, discourse);
  }
  // "Rep. Jim McDermott (D-Wash.) said": a parenthesis between the name and the verb.
  if (tokens[k - 1]?.text === ")") {
    let j = k - 2;
    while (j > floor && tokens[j]?.text !== "(" && k - j < 10) j--;
    if (tokens[j]?.text === "(") k = j;
  }
  // "X, who told …": a relative pronoun stands for the name before it.
  if (RELATIVE.has(tokens[k - 1]?.key ?? "") && tokens[k - 2]?.text === ",") k -= 1;
  if (tokens[k - 1]?.text === ",") {
    // ", Masis Mailyan, suggested": the name between the commas is the subject; so is a titled
    // name with a party after it (", Gov. John Kasich (R-OH), said").
    const named = partyBefore(doc, k - 1, floor);
    const between = nameEndingAt(doc, named);
    const opens = between ? titleStart(doc, between.first, floor) : floor;
    if (
      between &&
      doc.entities.get(between.entity).kind === "person" &&
      (opens <= floor || tokens[opens - 1]?.text === ",")
    ) {
      return { entity: between.entity, span: span(doc, between.first, named), rule: "name-before-cue" };
    }
    // "X, the envoy, said", "Greg Raiff, chief executive of Private Jet Services, an aviation
    // consulting firm, said": jump over up to three appositions between commas.
    // Not a name that is a relative clause's subject: "a major who Gowdy, R-S.C., fired".
    const opensClause = (comma: number) => {
      const name = nameEndingAt(doc, comma);
      if (!name) return false;
      const opens = titleStart(doc, name.first, floor);
      return !RELATIVE_PRONOUNS.has(tokens[opens - 1]?.key ?? "");
    };
    let j = k - 1;
    for (let apposition = 0; apposition < 3; apposition++) {
      const close = j;
      j = close - 1;
      while (j > floor && tokens[j]?.text !== "," && close - j < 18) j--;
      if (tokens[j]?.text !== "," || nameEndingAt(doc, j)) break;
    }
    if (tokens[j]?.text === "," && opensClause(j)) k = j;
    // "He asked the members to act, warned that …": a second verb after a comma shares the subject.
    else return sentenceSubject(doc, floor, k - 1, discourse);
  }
  if (k <= floor) return undefined;
  const last = tokens[k - 1] as Token;
  const named = nameEndingAt(doc, k);
  // "Another intelligence source speaking to Fox News said": a name after a participle's
  // preposition is its object; the subject comes before the participle.
  const participle = named ? participleBefore(doc, named.first, floor) : undefined;
  if (participle !== undefined) return speakerBefore(doc, participle, floor, discourse);
  if (named) {
    // "Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem told": the person the
    // phrase is about, not the place it ends with.
    if (doc.entities.get(named.entity).kind !== "person") {
      const person = personEarlierInPhrase(doc, named.first, floor);
      if (person) return person;
    }
    return { entity: named.entity, span: span(doc, named.first, k), rule: "name-before-cue" };
  }
  const pronoun = PRONOUNS.get(last.key);
  if (pronoun && pronoun !== "first") {
    const entity = resolvePronoun(doc, k - 1, pronoun, discourse);
    return entity === undefined
      ? undefined
      : { entity, span: span(doc, k - 1, k), rule: `pronoun-${pronoun}` };
  }
  return (
    describedSpeaker(doc, k, floor) ??
    unclosedApposition(doc, k, floor) ??
    capitalisedSubject(doc, k, floor) ??
    beforeRelativeClause(doc, k, floor)
  );
}

/**
 * "a White House official who spoke anonymously to discuss internal strategy said": the name or
 * description before a relative clause that runs, with no comma, up to the verb at `end`.
 */
function beforeRelativeClause(doc: Doc, end: number, floor: number): SpeakerRef | undefined {
  for (let k = end - 2; k > Math.max(floor, end - 16); k--) {
    const t = doc.tokens[k] as Token;
    if (t.kind === "punct" && t.text !== "-" && t.text !== "'s") return undefined;
    if (t.key !== "who") continue;
    const named = nameEndingAt(doc, k);
    if (named && doc.entities.get(named.entity).kind === "person")
      return { entity: named.entity, span: span(doc, named.first, k), rule: "name-before-cue" };
    return describedSpeaker(doc, k, floor);
  }
  return undefined;
}

/**
 * Capitalised words no stage took for a name, opening the clause right before its speech verb at
 * `end` and closing with a common noun: a body ("Zero Hedge asked,", "Judicial Watch said").
 */
function capitalisedSubject(doc: Doc, end: number, floor: number): SpeakerRef | undefined {
  const { tokens } = doc;
  let first = end;
  while (first > floor && end - first < 4 && isCapitalisedWord(tokens[first - 1] as Token)) first--;
  if (end - first < 2 || subjectStart(doc, floor, end) !== first) return undefined;
  const words = tokens.slice(first, end);
  const opening = (words[0] as Token).key;
  const head = (words[words.length - 1] as Token).key;
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
  const entity = doc.entities.namedBody(doc.slice(first, end));
  return { entity, span: span(doc, first, end), rule: "capitalised-before-cue" };
}

function isCapitalisedWord(t: Token): boolean {
  return t.kind === "word" && t.upper && t.key !== "'s";
}

/** Prepositions after a participle, before its object: "speaking to Fox News". */
const PARTICIPLE_PREPOSITIONS = new Set(["to", "with", "for", "on", "about", "at"]);

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

/**
 * "Nate Silver, the polling guru who founded fivethirtyeight.com tweeted", "Katie Packer, who is
 * chairman of Our Principles PAC said": a person before an apposition that never closed with its
 * comma, found back from the verb at `end`.
 */
function unclosedApposition(doc: Doc, end: number, floor: number): SpeakerRef | undefined {
  for (let k = end - 1; k > Math.max(floor, end - 16); k--) {
    const t = doc.tokens[k] as Token;
    if (t.text === ",") return personBeforeApposition(doc, k, floor);
    if (t.kind === "punct" && t.text !== "-" && t.text !== "." && t.text !== "'s") return undefined;
  }
  return undefined;
}

/** The person named right before the comma at `comma` when an apposition opens after it. */
function personBeforeApposition(doc: Doc, comma: number, floor: number): SpeakerRef | undefined {
  // "Anthony Anton, president and CEO of …": a title opens the apposition too.
  const opener = doc.tokens[comma + 1]?.key ?? "";
  if (!APPOSITION_OPENERS.has(opener) && !offices().lastWords.has(opener) && !offices().modifiers.has(opener))
    return undefined;
  const p = doc.tokenEntity[comma - 1] as number;
  if (p < 0 || doc.entities.get(p).kind !== "person") return undefined;
  let first = comma - 1;
  while (first > floor && doc.tokenEntity[first - 1] === p) first--;
  return { entity: p, span: span(doc, first, comma), rule: "name-before-cue" };
}

/**
 * The speaker named just after an inverted cue: `"…," said Will Doyle, a professor` or
 * `asked Lukashenko`, or a pronoun or description there.
 */
export function speakerAfter(
  doc: Doc,
  from: number,
  limit: number,
  discourse: Discourse,
): SpeakerRef | undefined {
  const { tokens } = doc;
  const t = tokens[from];
  // "…," adding that …: a complementiser, not a speaker.
  if (!t || from >= limit || t.key === "that") return undefined;
  const pronoun = PRONOUNS.get(t.key);
  // "added his campaign manager Jeff Weaver": a possessive opens the phrase naming the speaker.
  if (pronoun && pronoun !== "first" && !POSSESSIVES.has(t.key)) {
    const e = resolvePronoun(doc, from, pronoun, discourse);
    return e === undefined
      ? undefined
      : { entity: e, span: span(doc, from, from + 1), rule: `pronoun-${pronoun}` };
  }
  // The phrase after an inverted cue runs to the next comma or full stop: "said Republican party
  // boss Reince Priebus", "added another New Hampshire Democrat", "said Rep. G.K. Butterfield".
  let end = from;
  // A hyphen inside a word ("Secretary-Treasurer") breaks nothing.
  const glued = (k: number) =>
    (tokens[k] as Token).text === "-" &&
    (tokens[k - 1] as Token).end === (tokens[k] as Token).start &&
    (tokens[k + 1] as Token | undefined)?.start === (tokens[k] as Token).end;
  while (end < Math.min(limit, from + 12)) {
    const u = tokens[end] as Token;
    if (
      (CLAUSE_BREAK.has(u.text) && !glued(end)) ||
      u.text === "." ||
      u.text === "?" ||
      u.text === "!" ||
      doc.insideQuote(u.start)
    )
      break;
    end++;
  }
  if (end === from) return undefined;
  // An unnamed speaker is named by the whole phrase, modifiers and relative clause included, up to
  // the clause's end: "said a Mexican official who was not authorized to speak publicly".
  let phraseEnd = end;
  while (phraseEnd < Math.min(limit, from + 30)) {
    const u = tokens[phraseEnd] as Token;
    if (CLAUSE_BREAK.has(u.text) || [".", "?", "!"].includes(u.text) || doc.insideQuote(u.start)) break;
    phraseEnd++;
  }
  // "wrote the authors of the “Growth and Opportunity Project”": no description ends in "of the".
  while (phraseEnd - 1 > from && NOT_LAST.has((tokens[phraseEnd - 1] as Token).key)) phraseEnd--;
  // "said former secretary of state Hillary Clinton": a title, whatever its prepositions, before a name.
  const titled = nameEndingAt(doc, end);
  if (titled && doc.entities.get(titled.entity).kind === "person" && titled.first > from) {
    const region = titleRegionBefore(doc, titled.first, from);
    // "said master of ceremonies Asab Al-Tabchi": lower-case words of a role before the name; not
    // "said a friend of John Smith", where the name ends a prepositional phrase.
    const role = tokens.slice(from, titled.first).every((u) => u.kind === "word" && !u.upper);
    if (
      (region && region.first <= from) ||
      (role && !ENGLISH_FUNCTION_WORDS.has((tokens[titled.first - 1] as Token).key))
    )
      return { entity: titled.entity, span: span(doc, from, end), rule: "titled-name-after-cue" };
  }
  // The head of the phrase is the speaker: a person named last ("said Clinton ally James
  // Carville"); a name that only modifies another word is not ("said a 2008 Clinton veteran").
  end = trimTrailing(doc, from, end);
  const head = doc.tokenEntity[end - 1];
  if (head !== undefined && head >= 0 && doc.entities.get(head).kind === "person") {
    let first = end - 1;
    while (first > from && doc.tokenEntity[first - 1] === head) first--;
    return {
      entity: head,
      span: span(doc, from, end),
      rule: first === from ? "name-after-cue" : "titled-name-after-cue",
    };
  }
  const opening = doc.tokenEntity[from];
  if (opening !== undefined && opening >= 0 && !DETERMINERS.has(t.key)) {
    let last = from;
    while (last < end && doc.tokenEntity[last] === opening) last++;
    // "said Rubio's deputy campaign manager, Rich Beeson": a possessor names whose aide speaks;
    // the aide is the person in the apposition, else the phrase describes them.
    if (tokens[last]?.key === "'s" && last + 1 < end)
      return appositionPerson(doc, end, limit) ?? describe(doc, from, end, phraseEnd);
    return { entity: opening, span: span(doc, from, last), rule: "name-after-cue" };
  }
  // "said the master of ceremonies, John Smith": the person the apposition names; not "said the
  // designer, who works for another brand at G-III".
  if (DETERMINERS.has(t.key)) {
    // "according to The New York Times": a body's name after its article is the body.
    const body = doc.tokenEntity[from + 1] as number;
    let bodyEnd = from + 1;
    while (body >= 0 && bodyEnd < end && doc.tokenEntity[bodyEnd] === body) bodyEnd++;
    if (body >= 0 && bodyEnd === end && bodyEnd > from + 1)
      return { entity: body, span: span(doc, from, end), rule: "name-after-cue" };
    const named = appositionPerson(doc, phraseEnd, limit);
    if (named && named.span.start === tokens[phraseEnd + 1]?.start) return named;
    return describe(doc, from, end, phraseEnd);
  }
  // An unknown capitalised name: "Stated Stone:", "said Kessel".
  const words = tokens.slice(from, end);
  if (words.length <= 3 && words.every((w) => w.upper && w.kind === "word" && !NOT_NAMES.has(w.key))) {
    return {
      entity: doc.entities.person(doc.slice(from, end)),
      span: span(doc, from, end),
      rule: "capitalised-after-cue",
    };
  }
  // "according to Judicial Watch": capitalised words that hold a common word name a body.
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => w.upper && w.kind === "word") &&
    !NOT_NAMES.has(t.key)
  ) {
    return {
      entity: doc.entities.namedBody(doc.slice(from, end)),
      span: span(doc, from, end),
      rule: "capitalised-body-after-cue",
    };
  }
  return undefined;
}

/** The person an apposition opening at the comma `comma` names: ", Rich Beeson," or ", actress Jamie Lee Curtis." */
export function appositionPerson(doc: Doc, comma: number, limit: number): SpeakerRef | undefined {
  const { tokens } = doc;
  if (tokens[comma]?.text !== ",") return undefined;
  let end = comma + 1;
  while (end < Math.min(limit, comma + 8) && (tokens[end] as Token).kind === "word") end++;
  const person = doc.tokenEntity[end - 1] as number;
  const close = tokens[end]?.text;
  if (end === comma + 1 || person < 0 || doc.entities.get(person).kind !== "person") return undefined;
  if (close !== undefined && close !== "," && close !== "." && end < limit) return undefined;
  let first = end - 1;
  while (first > comma + 1 && doc.tokenEntity[first - 1] === person) first--;
  return { entity: person, span: span(doc, first, end), rule: "name-in-apposition" };
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
    if (joined && e !== undefined && e >= 0 && doc.entities.get(e).kind === "person") {
      let first = k;
      while (first > floor && doc.tokenEntity[first - 1] === e) first--;
      return { entity: e, span: span(doc, first, k + 1), rule: "name-before-cue" };
    }
    if (e === -1 && !["of", "the", "at", "for", "from"].includes(t.key) && !t.upper) joined = false;
  }
  return undefined;
}

/**
 * Words that end a description's head phrase: a preposition, a relative pronoun or a subordinator
 * ("a senior official in Washington", "said Cruz constituent Dan Golvach when asked about …").
 */
const PHRASE_ENDERS = new Set(
  "of from in at on for with who which that during after before when while as because about".split(" "),
);

/** A description's end, before a trailing preposition phrase ("a senior official in Washington"). */
function trimTrailing(doc: Doc, from: number, end: number): number {
  for (let k = from + 1; k < end; k++) if (PHRASE_ENDERS.has((doc.tokens[k] as Token).key)) return k;
  return end;
}

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
      // "Clinton campaign manager Robby Mook released": a name before a role noun modifies it.
      const holder = roleNounHolder(doc, last, end);
      if (holder) return holder;
      if (doc.entities.get(e).kind !== "person") {
        for (let j = last; j < Math.min(end, last + 6); j++) {
          const p = doc.tokenEntity[j];
          if (p !== undefined && p >= 0 && doc.entities.get(p).kind === "person") {
            let pl = j;
            while (pl < end && doc.tokenEntity[pl] === p) pl++;
            return { entity: p, span: span(doc, j, pl), rule: "clause-subject" };
          }
        }
      }
      return { entity: e, span: span(doc, k, last), rule: "clause-subject" };
    }
    const pronoun = PRONOUNS.get((tokens[k] as Token).key);
    if (pronoun && pronoun !== "first") {
      const entity = resolvePronoun(doc, k, pronoun, discourse);
      if (entity !== undefined) return { entity, span: span(doc, k, k + 1), rule: `pronoun-${pronoun}` };
    }
  }
  return undefined;
}

/**
 * The person named after up to three lower-case words at `from` that end in a role noun
 * ("campaign manager Robby Mook", "speechwriter Jon Favreau"), else nothing.
 */
function roleNounHolder(doc: Doc, from: number, end: number): SpeakerRef | undefined {
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
  return { entity: p, span: span(doc, k, last), rule: "clause-subject" };
}

/** Adverbs that may come before a clause's subject: "even a top GOP strategist said". */
const FOCUS_ADVERBS = new Set(["even", "also", "only", "now", "then", "still"]);

/** Articles and quantifiers that open a noun phrase standing as a clause's subject. */
const SUBJECT_OPENERS = new Set("the a an another some several many one two three both all other".split(" "));
const POSSESSIVES = new Set(["his", "her", "their", "its"]);
/** Auxiliaries: where a subject's noun phrase has ended. */
const AUXILIARIES = new Set(
  "is are was were has have had will would can could did does do may might should must".split(" "),
);

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
  let j: number;
  // "His office put out a statement saying", "Her campaign blasted out an email stating".
  const determined = SUBJECT_OPENERS.has(head.key) || POSSESSIVES.has(head.key);
  // "Small groups of protesters continued …, chanting": a noun phrase with no determiner.
  const bare = !determined && isBareNoun(doc, floor);
  if (determined || bare) j = floor + 1;
  else {
    // "Ryan's campaign": a possessor and a common noun.
    const e = doc.tokenEntity[floor] as number;
    if (e < 0) return undefined;
    j = floor;
    while (doc.tokenEntity[j] === e) j++;
    if (tokens[j]?.key !== "'s" || tokens[j + 1]?.upper !== false) return undefined;
    j += 1;
  }
  const limit = Math.min(end, floor + 9);
  for (; j < limit; j++) {
    const t = tokens[j] as Token;
    // "The Clinton campaign, in a Q&A on the e-mail controversy, worded it": a speaker noun before
    // an inserted phrase; "The campaign's chief, Jane Doe," names its person.
    if (t.text === "," && determined && j - floor >= 2 && SPEAKER_NOUNS.has(tokens[j - 1]?.key ?? ""))
      return appositionPerson(doc, j, end) ?? describe(doc, floor, j);
    if (t.kind === "punct" && t.text !== "-" && t.text !== "'s") return undefined;
    if (
      AUXILIARIES.has(t.key) ||
      // "A footnote in the report": after a determiner, a speech word is a noun.
      (cueAt(tokens, j) && !DETERMINERS.has(tokens[j - 1]?.key ?? "")) ||
      // "an angry army of HP workers and retirees had amassed": after "and", a plural noun.
      (!t.upper &&
        t.key.length > 3 &&
        /(?:ed|es)$/.test(t.key) &&
        !COORDINATED.has(tokens[j - 1]?.key ?? "")) ||
      // "his campaign sent out a text message": not "a set of".
      (!t.upper && IRREGULAR_PAST.has(t.key) && !DETERMINERS.has(tokens[j - 1]?.key ?? ""))
    )
      break;
  }
  if (j >= limit) return undefined;
  // "Her campaign quickly blasted out", "The Sanders campaign on Monday also released": adverbs and
  // days before the verb are no part of the phrase.
  while (j - 1 > floor && isAdverbBeforeVerb(tokens[j - 1] as Token)) j--;
  if (j - floor < 2) return undefined;
  // Without a determiner, only a plural head stands as the subject: "Small groups of protesters".
  const tail = tokens[j - 1] as Token;
  if (bare && (tail.upper || !isPluralNoun(tail))) return undefined;
  const last = doc.tokenEntity[j - 1] as number;
  let first = j - 1;
  while (first > floor && doc.tokenEntity[first - 1] === last) first--;
  // "The New York Times reported": a body's name after its article is the body.
  if (last >= 0 && (doc.entities.get(last).kind === "person" || first === floor + 1))
    return { entity: last, span: span(doc, first, j), rule: "clause-subject" };
  return describe(doc, floor, j);
}

/** A common word no stage named, opening a noun phrase without a determiner: "Protesters", "Small". */
function isBareNoun(doc: Doc, k: number): boolean {
  const t = doc.tokens[k] as Token;
  return (
    t.kind === "word" &&
    (doc.tokenEntity[k] ?? -1) < 0 &&
    !PRONOUNS.has(t.key) &&
    !ENGLISH_FUNCTION_WORDS.has(t.key) &&
    !NOT_HEADS.has(t.key) &&
    !offices().lastWords.has(t.key) &&
    !offices().modifiers.has(t.key) &&
    (COMMON_WORDS.has(t.key) || isPluralNoun(t))
  );
}

/** A plural common noun by its ending: "protesters", "critics" (not "status", "press"). */
function isPluralNoun(t: Token): boolean {
  return t.kind === "word" && t.key.length > 3 && looksPlural(t.key);
}

/**
 * Any noun phrase standing between a quote and its speech verb (`," the New York businessman
 * said`), as a description: there, nothing but the speaker can stand.
 */
export function phraseBetween(doc: Doc, first: number, end: number): SpeakerRef | undefined {
  // "my father often said", "it further stated": the adverb before the verb is no part of the phrase.
  while (end - 1 > first && isAdverbBeforeVerb(doc.tokens[end - 1] as Token)) end--;
  if (end - first < 1 || end - first > 8) return undefined;
  // An unresolved pronoun, or "it", names no one.
  const only = (doc.tokens[first] as Token).key;
  if (end - first === 1 && (PRONOUNS.has(only) || NOT_HEADS.has(only))) return undefined;
  for (let k = first; k < end; k++) {
    const t = doc.tokens[k] as Token;
    if (t.kind === "punct" && t.text !== "'s" && t.text !== "-" && t.text !== "." && t.text !== "&")
      return undefined;
  }
  return describe(doc, first, end);
}

function isAdverbBeforeVerb(t: Token): boolean {
  return BETWEEN_SUBJECT_AND_VERB.has(t.key) || (!t.upper && t.key.length > 4 && t.key.endsWith("ly"));
}

/** A description ending just before token `end`: back to its determiner, with a speaker noun as head. */
function describedSpeaker(doc: Doc, end: number, floor: number): SpeakerRef | undefined {
  const { tokens } = doc;
  const head = tokens[end - 1] as Token;
  // "Another tweeted, “…”", "Others said": a quantifier standing alone as the clause's subject.
  if (
    QUANTIFIER_SUBJECTS.has(head.key) &&
    (end - 1 === floor || CLAUSE_BREAK.has(tokens[end - 2]?.text ?? ""))
  )
    return describe(doc, end - 1, end);
  if (head.kind !== "word" || PRONOUNS.has(head.key) || NOT_HEADS.has(head.key)) return undefined;
  const known = SPEAKER_NOUNS.has(head.key) || offices().lastWords.has(head.key);
  let first = end - 1;
  let determined = false;
  while (first - 1 >= floor && end - first < 7) {
    const t = tokens[first - 1] as Token;
    if (CLAUSE_BREAK.has(t.text) || t.text === "." || (PRONOUNS.has(t.key) && !DETERMINERS.has(t.key))) break;
    if (
      ["and", "but", "or", "which", "who", "that", "if", "when", "whether", "as", "because"].includes(t.key)
    )
      break;
    if (t.kind === "punct" && t.text !== "-" && t.text !== "'s") break;
    first--;
    if (DETERMINERS.has(t.key)) {
      determined = true;
      break;
    }
  }
  // Any noun can head a description that opens with a determiner ("the announcer said", "The New
  // York businessman says"); without one, only a known speaker noun can ("officials said").
  if (!known && !determined) return undefined;
  // "a voice-over in the ad states", "A footnote in the report": the phrase the preposition hangs on.
  if (determined && PHRASE_PREPOSITIONS.has(tokens[first - 1]?.key ?? "")) {
    for (let j = first - 2; j >= Math.max(floor, first - 5); j--) {
      const t = tokens[j] as Token;
      if (t.kind === "punct" && t.text !== "-") break;
      if (DETERMINERS.has(t.key) && !PRONOUNS.has(t.key)) {
        first = j;
        break;
      }
    }
  }
  // A name closing the description is the speaker: "Cleveland Police Chief Calvin Williams"; a name
  // modifying its head is not ("one Trump campaign source", "a Clinton campaign spokesman").
  const named = doc.tokenEntity[end - 1] ?? -1;
  if (named >= 0 && doc.entities.get(named).kind === "person")
    return { entity: named, span: span(doc, first, end), rule: "titled-name-before-cue" };
  return describe(doc, first, end);
}

/** Quantifiers that stand for people by themselves: "Another tweeted", "Some said", "Both agreed". */
const QUANTIFIER_SUBJECTS = new Set("another others some several many most both one".split(" "));

/** Prepositions joining a description's head to a phrase after it: "a message on the website". */
const PHRASE_PREPOSITIONS = new Set(["in", "on", "of", "at", "for", "from", "with"]);

/**
 * A description resolved to the actor it stands for when the document has one ("the Russian
 * envoy" → the person with an envoy's or ambassador's role for Russia; "the ministry" → the last
 * ministry named), else an unnamed speaker known by the description itself ("a senior official").
 */
function describe(doc: Doc, first: number, end: number, phraseEnd = end): SpeakerRef {
  const { tokens } = doc;
  const head = (tokens[end - 1] as Token).key;
  const definite = tokens[first]?.key === "the";
  const country = stateIn(doc, first, end);
  if (definite) {
    const before = (tokens[first] as Token).start;
    const holder = roleHolder(doc, head, before, { country, former: isFormer(doc.slice(first, end)) });
    const body = lastMention(
      doc,
      before,
      (_m, e) =>
        e.kind === "organization" &&
        e.name
          .toLowerCase()
          .split(/[\s-]+/)
          .includes(head),
    );
    const best = holder && (!body || holder.start > body.start) ? holder : body;
    if (best) return { entity: best.entity, span: span(doc, first, end), rule: "description-coreference" };
  }
  const text = doc.slice(first, phraseEnd);
  const countryCode = country !== undefined ? doc.entities.get(country).country : undefined;
  const entity = doc.entities.group(text, countryCode, true);
  return { entity, span: span(doc, first, phraseEnd), rule: "description-unnamed" };
}

/**
 * The actor a third-person pronoun at token `at` stands for: the coreference stage's answer, else
 * the last quote's speaker when the pronoun fits.
 */
export function resolvePronoun(
  doc: Doc,
  at: number,
  pronoun: "m" | "f" | "plural",
  discourse: Discourse,
): number | undefined {
  const start = (doc.tokens[at] as Token).start;
  const resolved = doc.pronouns.get(start);
  if (resolved !== undefined) return resolved;
  const last = discourse.speakers[discourse.speakers.length - 1];
  if (!last) return undefined;
  const entity = doc.entities.get(last.entity);
  const fits =
    pronoun === "plural"
      ? entity.kind !== "person"
      : entity.kind === "person" && (!entity.gender || entity.gender === pronoun);
  return fits ? last.entity : undefined;
}

/** A state named by an adjective or name inside a token range, as an entity. */
export function stateIn(doc: Doc, first: number, last: number): number | undefined {
  for (let k = first; k < last; k++) {
    const e = doc.tokenEntity[k];
    if (
      e !== undefined &&
      e >= 0 &&
      doc.entities.get(e).kind === "state" &&
      states().has(doc.entities.get(e).country ?? "")
    )
      return e;
  }
  return undefined;
}
