import { isOfficialTitle, nationalTitleState } from "../world/offices.ts";
import type { Doc } from "./doc.ts";
import { matchAt } from "./gazetteer-match.ts";
import { named } from "./rule-ids.ts";
import type { Token } from "./types.ts";
import { words } from "./word-classes.ts";

/** Words that open a place phrase at a sentence's start: "In Belgrade, President Boris Tadić said". */
const LOCATIVES = new Set(["in", "from", "at"]);
const DASHES = words("dashes", [","]);

function isOfficial(title: string): boolean {
  return isOfficialTitle(title) && nationalTitleState(title) === undefined;
}

/** "In Belgrade, President Boris Tadić said": a place opening the official's sentence. */
const PLACE_OPENING_SENTENCE = named("place-opening-sentence");
/** "Spain took the opposite course. Foreign Minister …": the state the sentence before is about. */
const STATE_OF_PREVIOUS_SENTENCE = named("state-of-previous-sentence");
/** "MOSCOW — President Vladimir Putin …": the dateline's capital, for the first person of the lede. */
const DATELINE = named("dateline");
/** "“The government of the Republic of Nicaragua today breaks relations …,” the foreign ministry said": the state the quote opens with. */
const QUOTE_OPENING_STATE = named("quote-opening-state");

/** The state a place at token k names (a state or its capital), and the token after it. */
function stateAt(doc: Doc, k: number): { state: number; next: number } | undefined {
  if (k >= doc.tokens.length) return undefined;
  const m = matchAt(doc.tokens, k, doc.folded);
  if (m?.entry.kind !== "state" || !["name", "capital", "alias"].includes(m.entry.form)) return undefined;
  return { state: doc.entities.state(m.entry.code), next: m.last };
}

/**
 * The state of an official whose title names none ("President Vladimir Putin"), from where the
 * text places him: a place opening his sentence ("In Belgrade, …"), a sentence about a state just
 * before one that opens with his title ("Spain took the opposite course. Foreign Minister …"), or
 * the dateline's capital for the first person of the lede ("MOSCOW — President Vladimir Putin …").
 */
export function placeRoles(doc: Doc): void {
  const datelineState = datelineStateOf(doc);
  const firstPerson = doc.mentions
    .filter((m) => m.form === "name" && doc.entities.get(m.entity).kind === "person")
    .sort((a, b) => a.start - b.start)[0];
  const lede = firstPerson && (doc.tokens[doc.tokenAt(firstPerson.start)] as Token).sentence === 0;
  for (const [index, entity] of [...doc.entities.list].entries()) {
    if (entity.kind !== "person") continue;
    const dateline = lede && firstPerson.entity === index ? datelineState : undefined;
    for (const role of entity.roles) {
      if (role.of !== undefined || !isOfficial(role.title)) continue;
      const place = placeOf(doc, doc.tokenAt(role.span.start), dateline);
      if (place) {
        role.of = place.state;
        role.rule += `+${place.rule}`;
      }
    }
  }
}

/** "MOSCOW —": the state whose capital or name opens the text in capitals before a dash or comma. */
function datelineStateOf(doc: Doc): number | undefined {
  const dateline = stateAt(doc, 0);
  if (!dateline) return undefined;
  // "MOSCOW (Reuters) -": the agency's parenthesis before the dash.
  let next = dateline.next;
  if (doc.tokens[next]?.text === "(") {
    while (next < dateline.next + 6 && doc.tokens[next]?.text !== ")") next++;
    next++;
  }
  return DASHES.has(doc.tokens[next]?.text ?? "") && /^\P{Ll}+$/u.test(doc.tokens[0]?.text ?? "")
    ? dateline.state
    : undefined;
}

/**
 * The state an unnamed body or official whose words name none speaks for ("the Foreign Ministry
 * said"): the place opening its sentence, the state the sentence before is about, or the dateline's.
 */
export function statePlacing(doc: Doc, first: number): number | undefined {
  return placeOf(doc, first, datelineStateOf(doc))?.state;
}

function placeOf(
  doc: Doc,
  first: number,
  datelineState: number | undefined,
): { state: number; rule: string } | undefined {
  const token = doc.tokens[first] as Token | undefined;
  if (!token) return undefined;
  const sentence = doc.sentences[token.sentence];
  if (!sentence) return undefined;
  const opener = doc.tokens[sentence.first] as Token;
  if (LOCATIVES.has(opener.key)) {
    const place = stateAt(doc, sentence.first + 1);
    // Only the official the place introduces: "In London, Foreign Secretary X …, and President Y" places X alone.
    if (place && doc.tokens[place.next]?.text === "," && place.next + 1 === first)
      return { state: place.state, rule: PLACE_OPENING_SENTENCE.id };
  }
  const quoted = quoteOpeningState(doc, sentence.first, first);
  if (quoted !== undefined) return { state: quoted, rule: QUOTE_OPENING_STATE.id };
  const previous = doc.sentences[token.sentence - 1];
  if (first === sentence.first && previous && previous.paragraph === sentence.paragraph) {
    const subject = stateAt(doc, previous.first) ?? stateAt(doc, previous.first + 1);
    if (subject) return { state: subject.state, rule: STATE_OF_PREVIOUS_SENTENCE.id };
  }
  if (datelineState !== undefined) return { state: datelineState, rule: DATELINE.id };
  return undefined;
}

/** Words a quote may open with before the state it names as its subject: "The government of the Republic of". */
const STATE_OPENING = new Set(["the", "government", "of", "republic", "kingdom", "state"]);

/** The state named as the subject that opens a sentence's quote, for a speaker after the quote. */
function quoteOpeningState(doc: Doc, opener: number, first: number): number | undefined {
  if (!/^["\u201c]$/.test(doc.tokens[opener]?.text ?? "")) return undefined;
  let j = opener + 1;
  while (j < opener + 8 && STATE_OPENING.has(doc.tokens[j]?.key ?? "")) j++;
  const place = stateAt(doc, j);
  return place && place.next < first && doc.insideQuote((doc.tokens[j] as Token).start)
    ? place.state
    : undefined;
}
