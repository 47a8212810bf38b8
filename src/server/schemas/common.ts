import { z } from "zod";

/**
 * The named schemas of the API's answers. The OpenAPI document lists them as components and
 * refers to them by name, so a shape used in several answers (Evidence, say) is written out once.
 */
export const API_SCHEMAS = z.registry<{ id: string }>();

/** Registers a schema under the name the OpenAPI document gives it. */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  API_SCHEMAS.add(schema, { id });
  return schema;
}

export const Stance = z.enum(["support", "oppose", "neutral"]);
/** A position's stance: "mixed" when its evidence is split evenly with no earlier stance to hold to. */
export const PositionStance = z.enum(["support", "oppose", "neutral", "mixed"]);
export const ReviewStatus = z.enum(["unreviewed", "accepted", "rejected", "edited"]);
/**
 * Start and end offsets in a document's text. Some handlers build these pairs as arrays that
 * TypeScript knows only as number[]: the schema takes such an array, checks it is a pair, and
 * gives the web app a pair.
 */
export const Span = z
  .array(z.int())
  .length(2)
  .pipe(z.tuple([z.int(), z.int()]));
export const ActorRef = z.strictObject({ id: z.string(), name: z.string() });
/** How many pieces of evidence point each way. */
export const StanceCounts = z.strictObject({ support: z.int(), oppose: z.int(), neutral: z.int() });
