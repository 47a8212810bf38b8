import { bodyIn, isFormer, officeDescription, roleHolder } from "../descriptions.ts";
import type { Doc } from "../doc.ts";
import { cueAt, PRONOUNS } from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import type { Mention, Token } from "../types.ts";
import { narratingSubject } from "./narration.ts";
import { looksLikeSubject, type Reference, Salience } from "./salience.ts";

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
