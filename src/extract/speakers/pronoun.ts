import type { Doc } from "../doc.ts";
import { PRONOUNS } from "../lexicons.ts";
import { named } from "../rule-ids.ts";
import type { Token } from "../types.ts";
import { type Discourse, type SpeakerRef, spanOf, stamp } from "./rule.ts";

type Reference = "m" | "f" | "plural" | "it";

/** "he said", "said she", "they told", "it said": a third-person pronoun, one rule for each kind it refers to. */
const PRONOUN_RULES: Record<Reference, { readonly id: string }> = {
  m: named("pronoun-m"),
  f: named("pronoun-f"),
  plural: named("pronoun-plural"),
  it: named("pronoun-it"),
};

/**
 * The kind a third-person pronoun at token `k` refers to, or undefined for any other word; "it"
 * only where the coreference stage took it for a state or body that speaks.
 */
export function thirdPerson(doc: Doc, k: number): Reference | undefined {
  const t = doc.tokens[k] as Token | undefined;
  if (t?.key === "it") return doc.pronouns.has(t.start) ? "it" : undefined;
  const reference = PRONOUNS.get(t?.key ?? "");
  return reference && reference !== "first" ? reference : undefined;
}

/**
 * The speaker a third-person pronoun at token `k` stands for: the coreference stage's answer, else
 * the last quote's speaker when the pronoun fits; `null` when neither is known.
 */
export function pronounSpeaker(doc: Doc, k: number, discourse: Discourse): SpeakerRef | null {
  const reference = thirdPerson(doc, k) as Reference;
  const entity = resolvePronoun(doc, k, reference, discourse);
  return entity === undefined
    ? null
    : stamp(PRONOUN_RULES[reference], { entity, span: spanOf(doc, k, k + 1) });
}

/**
 * The actor a third-person pronoun at token `at` stands for: the coreference stage's answer, else
 * the last quote's speaker when the pronoun fits.
 */
export function resolvePronoun(
  doc: Doc,
  at: number,
  pronoun: Reference,
  discourse: Discourse,
): number | undefined {
  const start = (doc.tokens[at] as Token).start;
  const resolved = doc.pronouns.get(start);
  if (resolved !== undefined) return resolved;
  const last = discourse.speakers[discourse.speakers.length - 1];
  if (!last) return undefined;
  const entity = doc.entities.get(last.entity);
  const fits =
    pronoun === "plural" || pronoun === "it"
      ? entity.kind !== "person"
      : entity.kind === "person" && (!entity.gender || entity.gender === pronoun);
  return fits ? last.entity : undefined;
}
