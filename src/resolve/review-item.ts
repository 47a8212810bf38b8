import type { ReviewKind } from "../store/reviews.ts";
import type { ReviewState, ReviewStatus } from "./reviews.ts";

export interface ReviewItem {
  id: string;
  kind: ReviewKind;
  key: string;
  document: string;
  status: ReviewStatus;
  /** Values as reviewed: speaker for a quote; actor, stance and date for a stance. */
  values: Record<string, string | null>;
  /** The machine's values, where a reviewer changed them. */
  machine: Record<string, string | null>;
  text: string;
  /** Where the evidence sits in its article: the first stretch, for the text around it. */
  span: [number, number];
  /** The article's words just before and after the evidence, so it is read in context. */
  context: { before: string; after: string };
  /** Names of the actors the values give by id. */
  names: Record<string, string>;
  rule: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  reason: string | null;
}

/** An item for review from its values and the decisions on it; `machine` keeps only the values a
 * reviewer changed. */
export function item(
  kind: ReviewKind,
  id: string,
  key: string,
  document: string,
  state: ReviewState | undefined,
  fields: Pick<ReviewItem, "values" | "machine" | "text" | "span" | "rule">,
): ReviewItem {
  const changed = Object.fromEntries(
    Object.entries(fields.machine).filter(([k, v]) => state?.edits[k] !== undefined && state.edits[k] !== v),
  );
  return {
    id,
    kind,
    key,
    document,
    status: state?.status ?? "unreviewed",
    ...fields,
    machine: changed,
    context: { before: "", after: "" },
    names: {},
    reviewed_by: state?.by ?? null,
    reviewed_at: state?.at ?? null,
    reason: state?.reason ?? null,
  };
}
