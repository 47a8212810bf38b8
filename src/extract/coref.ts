import { offices } from "../world/offices.ts";
import { subjectStart } from "./clauses.ts";
import { isFormer, officeDescription, roleHolder } from "./descriptions.ts";
import type { Doc } from "./doc.ts";
import { cueAt, PRONOUNS } from "./lexicons.ts";
import { named } from "./rule-ids.ts";
import type { Entity, Mention, Token } from "./types.ts";
import { words } from "./word-classes.ts";

/** Salience weights, after Lappin and Leass (1994): recent subjects and speakers are the likeliest antecedents. */
const WEIGHT = {
  mention: 30,
  subject: 130,
  speaker: 120,
  /** A mention inside a quotation is part of what someone said, not of the narrative. */
  quotedFactor: 0.1,
  /** Salience halves with every sentence. */
  decay: 0.3,
  /** Below this, nothing is salient enough to be an antecedent. */
  floor: 1,
};

type Reference = "m" | "f" | "plural";

function compatible(entity: Entity, reference: Reference): boolean {
  if (reference === "plural") return entity.kind !== "person";
  if (entity.kind !== "person") return false;
  return !entity.gender || entity.gender === reference;
}

/** A speech verb just after a mention ("Burns said", "Burns also said") or just before it ("noted NBC's Dante Chinni"). */
function besideSpeechVerb(doc: Doc, first: number, last: number): boolean {
  for (let k = last; k < Math.min(doc.tokens.length, last + 3); k++) {
    const key = (doc.tokens[k] as Token).key;
    if (cueAt(doc.tokens, k)) return true;
    if (key === "," || key === "." || key === '"') break;
  }
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    const key = (doc.tokens[k] as Token).key;
    if (cueAt(doc.tokens, k)) return true;
    if (key === "." || key === '"') break;
  }
  return false;
}

/** Words after a name that show it is not a clause's subject: a possessive, a preposition, a determiner. */
const NOT_AFTER_SUBJECT = words("articles", "demonstratives", "possessives_third", [
  "'s",
  "of",
  "in",
  "on",
  "at",
  "to",
  "for",
  "from",
  "with",
  "by",
  "about",
  "into",
  "over",
  "than",
  "as",
  "and",
  "or",
  "nor",
]);

/** How many tokens back the narrating sentence before a pronoun is looked for. */
const LOOK_BACK = 400;

/** A sentence opener before token `k`: "However, he", "But he", "Still, she". */
function openedBy(doc: Doc, first: number, k: number): boolean {
  if (k - first > 2) return false;
  for (let j = first; j < k; j++) {
    const key = (doc.tokens[j] as Token).key;
    if (key !== "," && !SENTENCE_OPENERS.has(key)) return false;
  }
  return true;
}

/** Whether `entity` is the only person the sentence names (or refers to by a pronoun) outside quotations. */
function onlyPerson(doc: Doc, entity: number, first: number, end: number): boolean {
  for (let j = first; j < end; j++) {
    const e = doc.tokenEntity[j] as number;
    if (doc.insideQuote((doc.tokens[j] as Token).start)) continue;
    if (
      (e >= 0 && e !== entity && doc.entities.get(e).kind === "person") ||
      PRONOUNS.has((doc.tokens[j] as Token).key)
    )
      return false;
  }
  return true;
}

/** The first person named from `from` to `end`, outside quotations, of the gender a pronoun needs. */
function otherPerson(doc: Doc, from: number, end: number, reference: Reference): number | undefined {
  for (let j = from; j < end; j++) {
    const e = doc.tokenEntity[j] as number;
    if (e < 0 || doc.insideQuote((doc.tokens[j] as Token).start)) continue;
    const entity = doc.entities.get(e);
    if (entity.kind === "person" && entity.gender === reference) return e;
  }
  return undefined;
}

/**
 * The person of a reporting clause after a comma in a narrating sentence: "Trump, Sexton said, has
 * created …", "The good news for Cruz, Woolson said, is …", "…, said Jake Horowitz, editor of …".
 * That person is the one speaking in the passage, whoever the sentence is about.
 */
function parentheticalReporter(doc: Doc, first: number, end: number): number | undefined {
  const { tokens } = doc;
  // A reporting clause ends at a comma or the sentence's end: ", Sexton said," / ", said Jake Horowitz."
  const closes = (k: number) => k >= end || [",", ".", ";"].includes((tokens[k] as Token).text);
  for (let j = first + 1; j < end; j++) {
    if ((tokens[j] as Token).text !== "," || doc.insideQuote((tokens[j] as Token).start)) continue;
    const inverted = cueAt(tokens, j + 1);
    const at = inverted ? inverted.end : j + 1;
    const e = doc.tokenEntity[at] as number;
    if (e < 0 || doc.entities.get(e).kind !== "person") continue;
    let last = at;
    while (doc.tokenEntity[last] === e) last++;
    const after = inverted ? last : cueAt(tokens, last)?.end;
    if (after !== undefined && closes(after)) return e;
  }
  // "…, he is also the most able candidate Viguerie argues.": a report closing the sentence.
  let verb = end - 1;
  while (verb > first && [".", "!", "?"].includes((tokens[verb] as Token).text)) verb--;
  const e = doc.tokenEntity[verb - 1] as number;
  if (verb < end - 1 && cueAt(tokens, verb) && e >= 0 && doc.entities.get(e).kind === "person") return e;
  return undefined;
}

/**
 * Whether the words from `k` are a title ending right before another name: "Clinton communication
 * director Jennifer Palmieri", where the name before the title only says whom the title serves.
 */
function titleOfNext(doc: Doc, k: number): boolean {
  for (let j = k; j < k + 4; j++) {
    const t = doc.tokens[j];
    if (t?.kind !== "word") return false;
    if (offices().lastWords.has(t.key)) return (doc.tokenEntity[j + 1] ?? -1) >= 0;
  }
  return false;
}

/** Pronouns that never stand as a clause's subject. */
const NOT_SUBJECT_PRONOUNS = new Set(["his", "her", "its", "their", "him", "them"]);

/** Words that may open a sentence before its subject. */
const SENTENCE_OPENERS = new Set([
  "but",
  "and",
  "yet",
  "so",
  "still",
  "meanwhile",
  "later",
  "then",
  "now",
  "however",
  "instead",
  "also",
]);

function looksLikeSubject(doc: Doc, last: number): boolean {
  let next = doc.tokens[last];
  if (!next) return false;
  // "Lee Zeldin of New York, a Trump supporter, said": a name's place or body comes before its verb.
  if ((next.key === "of" || next.key === "from") && doc.tokens[last + 1]?.upper) {
    let k = last + 1;
    while (doc.tokens[k]?.upper && doc.tokens[k]?.kind === "word") k++;
    next = doc.tokens[k];
    if (!next) return false;
  }
  // An apposition follows a subject: "Chris Christie, …" or "Chris Christie – a Cowboys fan – said".
  if ([",", "–", "—", "(", "--"].includes(next.text)) return true;
  if (next.kind === "punct" || next.upper) return false;
  return !NOT_AFTER_SUBJECT.has(next.key);
}

/**
 * A pronoun that opens a speech clause, right after a quote ("…,” he said") or at the head of its
 * sentence ("He added, “…”"), names the subject of the last narrating sentence before it (in its
 * paragraph or the one before), not the person most talked about in the article. That subject may
 * itself be a pronoun resolved before; a place or body in a title ("White House spokesman Josh
 * Earnest", "Trump senior adviser Jason Miller") or a possessor ("Trump's campaign manager") is not it.
 */
function narratingSubject(
  doc: Doc,
  k: number,
  reference: Reference,
  resolved: Map<number, number>,
): number | undefined {
  const from = narrationBefore(doc, k);
  if (from === undefined) return undefined;
  const start = doc.tokens[from + 1] as Token;
  const paragraph = doc.sentences[start.sentence]?.paragraph ?? 0;
  const floor = doc.paragraphs[Math.max(0, paragraph - 1)]?.start ?? 0;
  // Bounded: quotes run back to back in some texts, and this runs for every such pronoun.
  for (let i = from; i >= Math.max(0, from - LOOK_BACK); i--) {
    const before = doc.tokens[i] as Token;
    if (before.start < floor) break;
    if (doc.insideQuote(before.start)) continue;
    const sentence = doc.sentences[before.sentence];
    if (!sentence) return undefined;
    const end = Math.min(sentence.last, k);
    const reporter = parentheticalReporter(doc, sentence.first, end);
    if (reporter !== undefined)
      return compatible(doc.entities.get(reporter), reference) ? reporter : undefined;
    return subjectOf(doc, sentence.first, end, reference, resolved);
  }
  return undefined;
}

/**
 * Where the narration before a pronoun opening a speech clause ends: before the quote it follows
 * ("…,” he said"), or before its own sentence ("He added, “…”", "However, he"); undefined when
 * the pronoun opens no such clause.
 */
function narrationBefore(doc: Doc, k: number): number | undefined {
  const t = doc.tokens[k] as Token;
  const previous = doc.tokens[k - 1];
  const sentenceFirst = doc.sentences[t.sentence]?.first ?? k;
  if (previous && /^[”"’']$/.test(previous.text) && cueAt(doc.tokens, k + 1)) {
    const region = doc.quoteEndingBefore(t.start);
    return region ? doc.tokenAt(region.start) - 1 : undefined;
  }
  if (sentenceFirst === k || openedBy(doc, sentenceFirst, k)) return sentenceFirst - 1;
  return undefined;
}

/** The person a narrating sentence from `first` to `end` is about, if a pronoun of `reference` can stand for them. */
function subjectOf(
  doc: Doc,
  first: number,
  end: number,
  reference: Reference,
  resolved: Map<number, number>,
): number | undefined {
  const begin = subjectStart(doc, first, end);
  for (let j = begin; j < end; j++) {
    // "In her speech, Rhimes declared": a possessive or object pronoun is not the subject.
    const e =
      (doc.tokenEntity[j] as number) >= 0
        ? (doc.tokenEntity[j] as number)
        : NOT_SUBJECT_PRONOUNS.has((doc.tokens[j] as Token).key)
          ? undefined
          : resolved.get(j);
    if (e === undefined || doc.insideQuote((doc.tokens[j] as Token).start)) continue;
    let last = j + 1;
    while (doc.tokenEntity[last] === e) last++;
    if (modifiesNext(doc, last)) {
      j = last - 1;
      continue;
    }
    const entity = doc.entities.get(e);
    if (entity.kind !== "person") return undefined;
    // A name opening its sentence is its subject, a phrase after it or not ("Dan McLaughlin at
    // the National Review agreed").
    const opens = j === begin || (j === begin + 1 && SENTENCE_OPENERS.has((doc.tokens[begin] as Token).key));
    // "Then there's Axelrod.": a sentence naming one person, not as its subject, still narrates them.
    if (!(opens || looksLikeSubject(doc, last)))
      return compatible(entity, reference) && onlyPerson(doc, e, first, end) ? e : undefined;
    if (compatible(entity, reference)) return e;
    // "McDonough was responding to a message from Wendy Sherman …", then "she wrote": the
    // subject cannot be meant, a person of the other gender after it can.
    return otherPerson(doc, last, end, reference);
  }
  return undefined;
}

/** A possessor, or a place or body in a title ("White House spokesman Josh Earnest"): a name ending before `last` only modifies. */
function modifiesNext(doc: Doc, last: number): boolean {
  const next = doc.tokens[last];
  const titles = offices();
  return (
    next !== undefined &&
    (next.key === "'s" ||
      titles.lastWords.has(next.key) ||
      titles.modifiers.has(next.key) ||
      titleOfNext(doc, last))
  );
}

/**
 * Resolves third-person pronouns (he, she, his, they, …) to the most salient compatible actor,
 * in document order, so that each resolved pronoun adds to its actor's salience for the next.
 * First- and second-person pronouns and pronouns whose antecedent is not salient are left alone.
 */
export function resolvePronouns(doc: Doc): void {
  const { tokens } = doc;
  const names = [...doc.mentions].sort((a, b) => a.start - b.start);
  const salience = new Salience(doc);
  let n = 0;
  const added: Mention[] = [];
  const resolved = new Map<number, number>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    salience.enter(t.sentence);
    while (n < names.length && (names[n] as Mention).start < t.start) n++;
    const name = names[n];
    if (name && name.start === t.start) {
      const last = doc.tokenAt(name.end);
      salience.bump(name.entity, k, last, doc.insideQuote(t.start), doc.adjectives.has(k));
      k = last - 1;
      n++;
      continue;
    }
    bumpOfficeHolder(doc, salience, k);
    const mention = resolveAt(doc, k, salience, resolved);
    if (!mention) continue;
    added.push(mention);
    salience.bump(mention.entity, k, k + 1, doc.insideQuote(t.start), false);
    resolved.set(k, mention.entity);
  }
  // One by one: spreading a long document's hundred thousand pronouns would overflow the stack.
  for (const m of added) {
    doc.mentions.push(m);
    doc.pronouns.set(m.start, m.entity);
  }
  doc.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** "he" for the subject of the narrating sentence before it, a rule for each kind of pronoun. */
const NARRATING_SUBJECT: Record<Reference, { readonly id: string }> = {
  m: named("narrating-subject-m"),
  f: named("narrating-subject-f"),
  plural: named("narrating-subject-plural"),
};
/** "he" for the most salient compatible actor. */
const MOST_SALIENT: Record<Reference, { readonly id: string }> = {
  m: named("salience-m"),
  f: named("salience-f"),
  plural: named("salience-plural"),
};

/** The mention a third-person pronoun at token `k` makes of the actor it stands for, if any. */
function resolveAt(
  doc: Doc,
  k: number,
  salience: Salience,
  resolved: Map<number, number>,
): Mention | undefined {
  const t = doc.tokens[k] as Token;
  const reference = PRONOUNS.get(t.key);
  if (!reference || reference === "first") return undefined;
  if (doc.insideQuote(t.start) && reference !== "plural") return undefined;
  const before = reference !== "plural" ? narratingSubject(doc, k, reference, resolved) : undefined;
  const entity = before ?? salience.best(reference);
  if (entity === undefined) return undefined;
  const person = doc.entities.get(entity);
  if (reference !== "plural" && !person.gender) person.gender = reference;
  const rule = (before !== undefined ? NARRATING_SUBJECT : MOST_SALIENT)[reference].id;
  return { start: t.start, end: t.end, entity, form: "pronoun", rule };
}

/**
 * "The senator was being challenged …, and he refused": a description of a named person's
 * office, as a clause's subject, keeps that person salient.
 */
function bumpOfficeHolder(doc: Doc, salience: Salience, k: number): void {
  const t = doc.tokens[k] as Token;
  const head = doc.insideQuote(t.start) ? undefined : officeDescription(doc, k);
  if (head === undefined || !looksLikeSubject(doc, head + 1)) return;
  const holder = roleHolder(doc, (doc.tokens[head] as Token).key, t.start, {
    former: isFormer(doc.slice(k, head)),
    honorific: true,
  });
  if (holder) salience.bump(holder.entity, k, head + 1, false, false);
}

/** How salient each actor is as the text goes on: mentions add, sentences make it fade. */
class Salience {
  private readonly scores = new Map<number, number>();
  private sentence = -1;
  private subjectSeen = false;

  constructor(private readonly doc: Doc) {}

  /** Moves to sentence `s`: what came before fades by a factor for each sentence passed. */
  enter(s: number): void {
    if (s === this.sentence) return;
    if (this.sentence >= 0)
      for (const [e, score] of this.scores) this.scores.set(e, score * WEIGHT.decay ** (s - this.sentence));
    this.sentence = s;
    this.subjectSeen = false;
  }

  bump(entity: number, first: number, last: number, quoted: boolean, adjective: boolean): void {
    let weight = WEIGHT.mention;
    // The subject: the first name of a narrating sentence that a verb follows ("Calderon
    // intimated"), not an adjective ("French Foreign Minister …"), a possessor ("Trump's
    // misinformation") or an object ("given Trump a shot").
    if (!this.subjectSeen && !quoted && !adjective && looksLikeSubject(this.doc, last)) {
      weight += WEIGHT.subject;
      this.subjectSeen = true;
    }
    if (!quoted && besideSpeechVerb(this.doc, first, last)) weight += WEIGHT.speaker;
    if (quoted) weight *= WEIGHT.quotedFactor;
    this.scores.set(entity, (this.scores.get(entity) ?? 0) + weight);
  }

  /** The most salient actor a pronoun of `reference` can stand for, above the floor. */
  best(reference: Reference): number | undefined {
    let best: { entity: number; score: number } | undefined;
    for (const [entity, score] of this.scores) {
      if (score < WEIGHT.floor || !compatible(this.doc.entities.get(entity), reference)) continue;
      if (!best || score > best.score) best = { entity, score };
    }
    return best?.entity;
  }
}
