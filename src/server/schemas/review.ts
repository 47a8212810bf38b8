/** The review queue and the review log's entries. */
import { z } from "zod";
import { named, ReviewStatus } from "./common.ts";

export const ReviewItemSchema = named(
  "ReviewItem",
  z.strictObject({
    id: z.string(),
    kind: z.enum(["quote", "stance"]),
    key: z.string(),
    document: z.string(),
    status: ReviewStatus,
    values: z
      .record(z.string(), z.string().nullable())
      .describe("Values as reviewed: speaker for a quote; actor, stance and date for a stance."),
    machine: z
      .record(z.string(), z.string().nullable())
      .describe("The machine's values, where a reviewer changed them."),
    text: z.string(),
    span: z
      .tuple([z.int(), z.int()])
      .describe("Where the evidence starts and ends in its article (the first stretch)."),
    context: z
      .strictObject({ before: z.string(), after: z.string() })
      .describe("The article's words just before and after the evidence."),
    names: z.record(z.string(), z.string()).describe("Names of the actors the values give by id."),
    rule: z.string(),
    reviewed_by: z.string().nullable(),
    reviewed_at: z.string().nullable(),
    reason: z.string().nullable(),
  }),
);

export const ReviewQueueSchema = named("ReviewQueue", z.array(ReviewItemSchema));

export const ReviewEntrySchema = named(
  "ReviewEntry",
  z.strictObject({
    id: z.string(),
    at: z.string(),
    reviewer: z.string(),
    item_kind: z.string(),
    item_key: z.string(),
    action: z.string(),
    field: z
      .string()
      .nullable()
      .describe("The field an edit changed, and its new value; null for accept and reject."),
    value: z.string().nullable(),
    reason: z.string().nullable(),
  }),
);

export const ReviewLoggedSchema = named(
  "ReviewLogged",
  z.strictObject({ logged: z.int(), entries: z.array(ReviewEntrySchema) }),
);

export const MergeSchema = named(
  "Merge",
  z.strictObject({
    id: z.string(),
    at: z.string(),
    reviewer: z.string(),
    from: z.string().describe("The actor that now stands for `into`."),
    into: z.string(),
    previous: z
      .string()
      .nullable()
      .describe("What `from` stood for before, restored when the merge is undone."),
    reason: z.string().nullable(),
    undone: z.strictObject({ at: z.string(), reviewer: z.string() }).nullable(),
  }),
);

export const MergesSchema = named("Merges", z.array(MergeSchema));
