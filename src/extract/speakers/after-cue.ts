/**
 * The speaker named just after an inverted cue: `"…," said Will Doyle, a professor`, `asked
 * Lukashenko`, "according to The New York Times", or a pronoun or description there.
 */

import type { Doc } from "../doc.ts";
import { DETERMINERS, ENGLISH_FUNCTION_WORDS, NOT_NAMES } from "../lexicons.ts";
import { titleRegionBefore } from "../names/titles.ts";
import { named } from "../rule-ids.ts";
import type { Token } from "../types.ts";
import { appositionPerson } from "./apposition.ts";
import { describe } from "./described.ts";
import { pronounSpeaker, thirdPerson } from "./pronoun.ts";
import {
  type Discourse,
  firstSpeaker,
  isPerson,
  nameEndingAt,
  type SpeakerRef,
  type SpeakerRule,
  spanOf,
} from "./rule.ts";
import { CLAUSE_BREAK, NOT_LAST, POSSESSIVES } from "./words.ts";

/** The words after a cue, from `from`, that may name its speaker, before the clause's `limit`. */
interface AfterCue {
  from: number;
  limit: number;
  discourse: Discourse;
  phrase: Phrase;
}

/** How far the words naming a speaker after a cue run. */
interface Phrase {
  /** To the next comma or full stop: "said Republican party boss Reince Priebus". */
  end: number;
  /** That end before a trailing preposition phrase: "a senior official" of "a senior official in Washington". */
  head: number;
  /** To the clause's end, modifiers and relative clause included: the words of an unnamed speaker. */
  whole: number;
}

/** Words that end a description's head phrase: a preposition, a relative pronoun or a subordinator. */
const PHRASE_ENDERS = new Set(
  "of from in at on for with who which that during after before when while as because about".split(" "),
);

const AFTER_CUE: ReadonlyArray<SpeakerRule<AfterCue>> = [
  // `…," adding that …`: a complementiser, not a speaker; or the clause ends here.
  named("nothing-after-cue", {
    find: (doc, { from, limit }) => {
      const t = doc.tokens[from];
      return !t || from >= limit || t.key === "that" ? null : undefined;
    },
  }),
  // "said he"; not "added his campaign manager Jeff Weaver", where a possessive opens the phrase.
  named("pronoun-after-cue", {
    find: (doc, { from, discourse }) =>
      thirdPerson(doc, from) && !POSSESSIVES.has((doc.tokens[from] as Token).key)
        ? pronounSpeaker(doc, from, discourse)
        : undefined,
  }),
  named("no-phrase-after-cue", {
    find: (_doc, { from, phrase }) => (phrase.end === from ? null : undefined),
  }),
  // "said former secretary of state Hillary Clinton", "said master of ceremonies Asab Al-Tabchi":
  // a title, whatever its prepositions, or lower-case words of a role before a name; not "said a
  // friend of John Smith", where the name ends a prepositional phrase.
  named("titled-name-after-cue", {
    find: (doc, { from, phrase }) => {
      const titled = nameEndingAt(doc, phrase.end);
      if (!titled || !isPerson(doc, titled.entity) || titled.first <= from) return undefined;
      const region = titleRegionBefore(doc, titled.first, from);
      const role = doc.tokens.slice(from, titled.first).every((u) => u.kind === "word" && !u.upper);
      const before = (doc.tokens[titled.first - 1] as Token).key;
      if ((region && region.first <= from) || (role && !ENGLISH_FUNCTION_WORDS.has(before)))
        return { entity: titled.entity, span: spanOf(doc, from, phrase.end) };
      return undefined;
    },
  }),
  // "said Clinton": the phrase is the person's name.
  named("name-after-cue", {
    find: (doc, { from, phrase }) => {
      const nameFound = nameEndingAt(doc, phrase.head);
      return nameFound && isPerson(doc, nameFound.entity) && nameFound.first <= from
        ? { entity: nameFound.entity, span: spanOf(doc, from, phrase.head) }
        : undefined;
    },
  }),
  // "said Clinton ally James Carville": a person named last; a name that only modifies another
  // word is not ("said a 2008 Clinton veteran").
  named("name-ending-phrase-after-cue", {
    find: (doc, { from, phrase }) => {
      const nameFound = nameEndingAt(doc, phrase.head);
      return nameFound && isPerson(doc, nameFound.entity)
        ? { entity: nameFound.entity, span: spanOf(doc, from, phrase.head) }
        : undefined;
    },
  }),
  // "said Rubio's deputy campaign manager, Rich Beeson": a possessor names whose aide speaks; the
  // aide is the person in the apposition, else the phrase describes them.
  named("possessor-then-apposition", {
    find: (doc, { from, limit, phrase }) => {
      const last = openingNameEnd(doc, from, phrase.head);
      if (last === undefined || doc.tokens[last]?.key !== "'s" || last + 1 >= phrase.head) return undefined;
      return appositionPerson(doc, phrase.head, limit) ?? describe(doc, from, phrase.head, phrase.whole);
    },
  }),
  // "according to Reuters", "said Serbia's Tadic": the name opening the phrase.
  named("name-opening-phrase-after-cue", {
    find: (doc, { from, phrase }) => {
      const last = openingNameEnd(doc, from, phrase.head);
      return last === undefined
        ? undefined
        : { entity: doc.tokenEntity[from] as number, span: spanOf(doc, from, last) };
    },
  }),
  // "according to The New York Times": a body's name after its article is the body.
  named("body-after-article", {
    find: (doc, { from, phrase }) => {
      if (!DETERMINERS.has((doc.tokens[from] as Token).key)) return undefined;
      const body = doc.tokenEntity[from + 1] as number;
      let bodyEnd = from + 1;
      while (body >= 0 && bodyEnd < phrase.head && doc.tokenEntity[bodyEnd] === body) bodyEnd++;
      return body >= 0 && bodyEnd === phrase.head && bodyEnd > from + 1
        ? { entity: body, span: spanOf(doc, from, phrase.head) }
        : undefined;
    },
  }),
  // "said the master of ceremonies, John Smith": the person the apposition names; not "said the
  // designer, who works for another brand at G-III".
  named("description-then-name-after-cue", {
    find: (doc, { from, limit, phrase }) => {
      if (!DETERMINERS.has((doc.tokens[from] as Token).key)) return undefined;
      const nameFound = appositionPerson(doc, phrase.whole, limit);
      return nameFound && nameFound.span.start === doc.tokens[phrase.whole + 1]?.start
        ? nameFound
        : undefined;
    },
  }),
  // "said a Mexican official who was not authorized to speak publicly".
  named("description-after-cue", {
    find: (doc, { from, phrase }) =>
      DETERMINERS.has((doc.tokens[from] as Token).key)
        ? describe(doc, from, phrase.head, phrase.whole)
        : undefined,
  }),
  // An unknown capitalised name: "Stated Stone:", "said Kessel".
  named("capitalised-after-cue", {
    find: (doc, { from, phrase }) => {
      const words = doc.tokens.slice(from, phrase.head);
      if (words.length > 3 || !words.every((w) => w.upper && w.kind === "word" && !NOT_NAMES.has(w.key)))
        return undefined;
      return {
        entity: doc.entities.person(doc.slice(from, phrase.head)),
        span: spanOf(doc, from, phrase.head),
      };
    },
  }),
  // "according to Judicial Watch": capitalised words that hold a common word name a body.
  named("capitalised-body-after-cue", {
    find: (doc, { from, phrase }) => {
      const words = doc.tokens.slice(from, phrase.head);
      if (
        words.length < 2 ||
        words.length > 4 ||
        !words.every((w) => w.upper && w.kind === "word") ||
        NOT_NAMES.has((doc.tokens[from] as Token).key)
      )
        return undefined;
      return {
        entity: doc.entities.namedBody(doc.slice(from, phrase.head)),
        span: spanOf(doc, from, phrase.head),
      };
    },
  }),
];

/** The speaker named from token `from` after an inverted cue, within its clause up to `limit`. */
export function speakerAfter(
  doc: Doc,
  from: number,
  limit: number,
  discourse: Discourse,
): SpeakerRef | undefined {
  return firstSpeaker(AFTER_CUE, doc, { from, limit, discourse, phrase: phraseAfter(doc, from, limit) });
}

/** Where the phrase naming a speaker after a cue ends, three ways (see Phrase). */
function phraseAfter(doc: Doc, from: number, limit: number): Phrase {
  const { tokens } = doc;
  // A hyphen inside a word ("Secretary-Treasurer") breaks nothing.
  const glued = (k: number) =>
    (tokens[k] as Token).text === "-" &&
    (tokens[k - 1] as Token).end === (tokens[k] as Token).start &&
    (tokens[k + 1] as Token | undefined)?.start === (tokens[k] as Token).end;
  const ends = (k: number) => {
    const u = tokens[k] as Token;
    return u.text === "." || u.text === "?" || u.text === "!" || doc.insideQuote(u.start);
  };
  let end = from;
  while (
    end < Math.min(limit, from + 12) &&
    !((CLAUSE_BREAK.has((tokens[end] as Token).text) && !glued(end)) || ends(end))
  )
    end++;
  let whole = end;
  while (
    whole < Math.min(limit, from + 30) &&
    !(CLAUSE_BREAK.has((tokens[whole] as Token).text) || ends(whole))
  )
    whole++;
  // "wrote the authors of the “Growth and Opportunity Project”": no description ends in "of the".
  while (whole - 1 > from && NOT_LAST.has((tokens[whole - 1] as Token).key)) whole--;
  return { end, head: trimTrailing(doc, from, end), whole };
}

/** A description's end, before a trailing preposition phrase ("a senior official in Washington"). */
function trimTrailing(doc: Doc, from: number, end: number): number {
  for (let k = from + 1; k < end; k++) if (PHRASE_ENDERS.has((doc.tokens[k] as Token).key)) return k;
  return end;
}

/** Where a name opening the phrase at `from` (after no article) ends, before `end`; undefined if none does. */
function openingNameEnd(doc: Doc, from: number, end: number): number | undefined {
  const opening = doc.tokenEntity[from];
  if (opening === undefined || opening < 0 || DETERMINERS.has((doc.tokens[from] as Token).key))
    return undefined;
  let last = from;
  while (last < end && doc.tokenEntity[last] === opening) last++;
  return last;
}
