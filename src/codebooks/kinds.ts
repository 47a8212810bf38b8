/**
 * The kinds of dispute a default codebook covers, each with its template and the free text that
 * asks for it; the more specific first, as where two issues about one target read the same words
 * the first holds them. Kept apart from the templates so that a question over the store can ask
 * an issue's kind without loading the codebook schema.
 */
export const DISPUTE_KINDS = ["membership", "annexation", "autonomy", "independence"] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];

/**
 * The kind of dispute a codebook is about, as its id says ("kosovo-independence",
 * "crimea-annexation-by-russia", as default codebooks are named); undefined when it does not.
 */
export function disputeKindOf(book: { id: string }): DisputeKind | undefined {
  return DISPUTE_KINDS.find((kind) => new RegExp(`-${kind}(-by-|$)`).test(book.id));
}
