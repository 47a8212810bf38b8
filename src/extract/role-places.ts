import { isOfficialTitle, nationalTitleState } from "../world/offices.ts";
import type { Doc } from "./doc.ts";
import { matchAt } from "./gazetteer-match.ts";
import { isExecutiveName } from "./lexicons.ts";
import { named } from "./rule-ids.ts";
import type { Token } from "./types.ts";
import { words } from "./word-classes.ts";

/** Words that open a place phrase at a sentence's start: "In Belgrade, President Boris Tadić said". */
const LOCATIVES = new Set(["in", "from", "at"]);
const DASHES = words("dashes", [","]);
/** Months and their short forms in datelines: "Oct 3", "Dec. 6". */
const MONTHS = words("months", "month_abbreviations");

function isOfficial(title: string): boolean {
  return isOfficialTitle(title) && nationalTitleState(title) === undefined;
}

/** "In Belgrade, President Boris Tadić said": a place opening the official's sentence. */
const PLACE_OPENING_SENTENCE = named("place-opening-sentence");
/** "Spain took the opposite course. Foreign Minister …": the state the sentence before is about. */
const STATE_OF_PREVIOUS_SENTENCE = named("state-of-previous-sentence");
/** "Prime Minister Pravind Jugnauth of Mauritius": the state after the name. */
const STATE_AFTER_NAME = named("state-after-name");
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
      const after = stateAfterName(doc, index, role.span.end);
      if (after !== undefined) {
        role.of = after;
        role.rule += `+${STATE_AFTER_NAME.id}`;
        continue;
      }
      const place = placeOf(doc, doc.tokenAt(role.span.start), dateline);
      if (place) {
        role.of = place.state;
        role.rule += `+${place.rule}`;
      }
    }
  }
}

/** "Prime Minister Pravind Jugnauth of Mauritius": the state named after the title's name with "of". */
function stateAfterName(doc: Doc, entity: number, titleEnd: number): number | undefined {
  const name = doc.mentions.find(
    (m) => m.entity === entity && m.form === "name" && m.start >= titleEnd && m.start - titleEnd <= 1,
  );
  if (!name) return undefined;
  const k = doc.tokenAt(name.end);
  return doc.tokens[k]?.key === "of" ? stateAt(doc, k + 1)?.state : undefined;
}

/**
 * The state a government body named without one belongs to ("“We welcome the agreement,” the
 * Ministry of External Affairs said" in a story from New Delhi), from where the text places its
 * first mention, as for an official.
 */
export function placeBodies(doc: Doc): void {
  const datelineState = datelineStateOf(doc);
  const first = new Map<number, number>();
  for (const m of doc.mentions) if (m.form === "name" && !first.has(m.entity)) first.set(m.entity, m.start);
  for (const [index, entity] of doc.entities.list.entries()) {
    if (entity.kind !== "organization" || entity.country || entity.ref) continue;
    if (!isExecutiveName(entity.name)) continue;
    const start = first.get(index);
    const place = start === undefined ? undefined : placeOf(doc, doc.tokenAt(start), datelineState);
    if (place) entity.country = doc.entities.get(place.state).country;
  }
}

/** How many sentences from the start a dateline may open: after a headline and a photo caption. */
const DATELINE_REACH = 4;

/**
 * The dateline's state: a capital or state opening the text before a dash in capitals ("MOSCOW —")
 * or an agency's parenthesis, or opening one of the first sentences before a date and an agency's
 * parenthesis ("BRASILIA, Dec 6 (Reuters) –" after a headline, "New Delhi, Oct 3 (PTI)").
 */
function datelineStateOf(doc: Doc): number | undefined {
  for (const sentence of doc.sentences.slice(0, DATELINE_REACH)) {
    const state = datelineAt(doc, pastDateStamp(doc, sentence.first));
    if (state !== undefined) return state;
  }
  return undefined;
}

/** Past a page's " date 2024-10-03 " stamp before the text proper. */
function pastDateStamp(doc: Doc, k: number): number {
  if (doc.tokens[k]?.key !== "date") return k;
  let j = k + 1;
  while (j < k + 7 && /^[\d-]+$/.test(doc.tokens[j]?.text ?? "")) j++;
  return j;
}

function datelineAt(doc: Doc, k: number): number | undefined {
  const dateline = stateAt(doc, k);
  if (!dateline) return undefined;
  let next = dateline.next;
  // "BRASILIA, Dec 6 (Reuters)": the date after the place; past the text's first words, only with one.
  const dated = doc.tokens[next]?.text === "," && MONTHS.has(doc.tokens[next + 1]?.key ?? "");
  if (dated) {
    next += 2;
    while (/^[\d.]+$/.test(doc.tokens[next]?.text ?? "")) next++;
  } else if (k > 0) return undefined;
  // "MOSCOW (Reuters) -": the agency's parenthesis before the dash.
  const agency = doc.tokens[next]?.text === "(";
  if (agency) {
    const open = next;
    while (next < open + 6 && doc.tokens[next]?.text !== ")") next++;
    next++;
  }
  const capitals = /^\P{Ll}+$/u.test(doc.tokens[k]?.text ?? "");
  return agency || (capitals && DASHES.has(doc.tokens[next]?.text ?? "")) ? dateline.state : undefined;
}

/**
 * The state an unnamed body or official whose words name none speaks for ("the Foreign Ministry
 * said"): the place opening its sentence, the state the sentence before is about, the state its
 * report opens with, or the dateline's.
 */
export function statePlacing(doc: Doc, first: number): number | undefined {
  return placeOf(doc, first, undefined)?.state ?? reportOpeningState(doc, first) ?? datelineStateOf(doc);
}

const REAL_DASHES = words("dashes");

/**
 * "Iran has shut its border …, the foreign ministry said": the state named as the subject that
 * opens the report a voice closes after a comma, in the sentence or past its last dash.
 */
function reportOpeningState(doc: Doc, first: number): number | undefined {
  const token = doc.tokens[first] as Token | undefined;
  if (!token || doc.tokens[first - 1]?.text !== ",") return undefined;
  const sentence = doc.sentences[token.sentence];
  if (!sentence) return undefined;
  let opener = sentence.first;
  for (let j = first - 1; j > sentence.first; j--)
    if (REAL_DASHES.has((doc.tokens[j] as Token).text)) {
      opener = j + 1;
      break;
    }
  const place = stateAt(doc, opener);
  if (!place || place.next >= first || doc.insideQuote((doc.tokens[opener] as Token).start)) return undefined;
  // "Iran has", "Russia will": the place is the report's subject, not a phrase before it.
  const next = doc.tokens[place.next];
  return next && next.kind === "word" && !next.upper ? place.state : undefined;
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
