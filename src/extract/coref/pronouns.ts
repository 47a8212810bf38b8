import { subjectStart } from "../clauses.ts";
import { bodyIn, isFormer, officeDescription, roleHolder } from "../descriptions.ts";
import type { Doc } from "../doc.ts";
import { cueAt, PRONOUNS } from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import { adoptingBodyBefore } from "../speakers/adopting-body.ts";
import { isAdverbBeforeVerb } from "../speakers/words.ts";
import type { Mention, Token } from "../types.ts";
import { narratingSubject } from "./narration.ts";
import { compatible, looksLikeSubject, type Reference, Salience } from "./salience.ts";

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
const NARRATING_SUBJECT: Record<"m" | "f" | "it", { readonly id: string }> = {
  m: named("narrating-subject-m"),
  f: named("narrating-subject-f"),
  it: named("narrating-subject-it"),
};

/** "he" for the most salient compatible actor; "it said" for the most salient state or body. */
const MOST_SALIENT: Record<Reference, { readonly id: string }> = {
  m: named("salience-m"),
  f: named("salience-f"),
  plural: named("salience-plural"),
  it: named("salience-it"),
};

/** How many words into its clause a state or body may stand as the subject "it" refers back to. */
const SUBJECT_REACH = 4;

/**
 * The state or body "it" refers back to. After a comma, opening a clause of its own, the one the
 * sentence opens with ("Serbia recalled its envoy from Washington, though it said …"); inside a
 * clause, the last one named before it ("would recognise Kosovo once it declared"); opening its
 * sentence, the one opening the sentence before ("Argentina's Foreign Ministry said … It said …").
 */
function itSubject(doc: Doc, k: number): number | undefined {
  const here = (doc.tokens[k] as Token).sentence;
  const own = doc.sentences[here];
  if (!own) return undefined;
  if (subjectStart(doc, own.first, k) >= k - 1) {
    const before = doc.sentences[here - 1];
    return before && openingSubject(doc, before.first, before.last);
  }
  const afterComma = [doc.tokens[k - 1]?.text, doc.tokens[k - 2]?.text].includes(",");
  if (afterComma) return openingSubject(doc, own.first, k);
  for (let j = k - 1; j >= own.first; j--) {
    const e = doc.tokenEntity[j] as number;
    // "one of the main Syrian opposition groups": an adjective names no antecedent.
    if (e < 0 || doc.adjectives.has(j) || doc.insideQuote((doc.tokens[j] as Token).start)) continue;
    if (compatible(doc.entities.get(e), "it")) return e;
  }
  return undefined;
}

/** How many sentences back the body that adopted a resolution may be named. */
const ADOPTED_REACH = 3;

/** The state or body a clause from `first` opens with, if its subject is one. */
function openingSubject(doc: Doc, first: number, last: number): number | undefined {
  const begin = subjectStart(doc, first, last);
  // "The resolution "affirms …" It calls on …": the body that adopted the text it opens with.
  const head = doc.tokens[begin + 1]?.key ?? "";
  const adopted =
    doc.tokens[begin]?.key === "the" ? adoptingBodyBefore(doc, head, begin, ADOPTED_REACH) : undefined;
  if (adopted !== undefined) return adopted;
  for (let j = begin; j < Math.min(begin + SUBJECT_REACH, last); j++) {
    const e = doc.tokenEntity[j] as number;
    if (e < 0 || doc.insideQuote((doc.tokens[j] as Token).start)) continue;
    return compatible(doc.entities.get(e), "it") ? e : undefined;
  }
  return undefined;
}

/** "it said", "it has also warned": "it" as the subject of a speech verb, not "it is" or "it was agreed". */
function itReports(doc: Doc, k: number): boolean {
  let j = k + 1;
  while (j < k + 4 && doc.tokens[j] && isAdverbBeforeVerb(doc.tokens[j] as Token)) j++;
  return !(doc.tokens[j]?.upper ?? true) && cueAt(doc.tokens, j) !== undefined;
}

/** The mention a third-person pronoun at token `k` makes of the actor it stands for, if any. */
function resolveAt(
  doc: Doc,
  k: number,
  salience: Salience,
  resolved: Map<number, number>,
): Mention | undefined {
  const t = doc.tokens[k] as Token;
  const reference = t.key === "it" ? (itReports(doc, k) ? "it" : undefined) : PRONOUNS.get(t.key);
  if (!reference || reference === "first") return undefined;
  if (doc.insideQuote(t.start) && reference !== "plural") return undefined;
  const gendered = reference === "m" || reference === "f" ? reference : undefined;
  const before = gendered
    ? narratingSubject(doc, k, gendered, resolved)
    : reference === "it"
      ? itSubject(doc, k)
      : undefined;
  const entity = before ?? salience.best(reference);
  if (entity === undefined) return undefined;
  const person = doc.entities.get(entity);
  if (gendered && !person.gender) person.gender = gendered;
  const narrated = reference === "plural" ? undefined : reference;
  const rule = narrated && before !== undefined ? NARRATING_SUBJECT[narrated].id : MOST_SALIENT[reference].id;
  return { start: t.start, end: t.end, entity, form: "pronoun", rule };
}

/**
 * "The senator was being challenged …, and he refused": a description of a named person's
 * office, as a clause's subject, keeps that person salient.
 */
function bumpOfficeHolder(doc: Doc, salience: Salience, k: number): void {
  const t = doc.tokens[k] as Token;
  const head = doc.insideQuote(t.start) ? undefined : officeDescription(doc, k);
  if (head === undefined) return;
  // "…,” said the PQ leader": a description after a speech verb is its subject too.
  if (!looksLikeSubject(doc, head + 1) && !(k > 0 && cueAt(doc.tokens, k - 1))) return;
  const former = isFormer(doc.slice(k, head));
  // "the PQ leader" is the leader of that body.
  const body = bodyIn(doc, k + 1, head);
  const holder = roleHolder(doc, (doc.tokens[head] as Token).key, t.start, {
    former,
    ...(body !== undefined ? { body } : { honorific: true }),
  });
  if (holder) salience.bump(holder.entity, k, head + 1, false, false);
}
