/** What the store holds: its documents, one document with its extractions, its issues and actors. */
import { z } from "zod";
import { ActorRef, named, ReviewStatus, Span } from "./common.ts";

export const DocumentSummarySchema = named(
  "DocumentSummary",
  z.strictObject({
    id: z.string(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    title: z.string().nullable(),
    chars: z.int(),
    near_copy_of: z.string().nullable(),
  }),
);

export const DocumentListSchema = named(
  "DocumentList",
  z.strictObject({ total: z.int(), documents: z.array(DocumentSummarySchema) }),
);

const Mention = z.strictObject({
  start: z.int(),
  end: z.int(),
  actor: z.string(),
  name: z.string().nullable(),
  form: z.string(),
  rule: z.string(),
});

const DocumentQuote = z.strictObject({
  id: z.string(),
  start: z.int(),
  end: z.int(),
  spans: z.array(Span),
  kind: z.string(),
  speaker: z.string().nullable(),
  speaker_name: z.string().nullable(),
  speaker_span: Span.nullable(),
  cue: z.string().nullable(),
  cue_span: Span.nullable(),
  rule: z.string(),
  review: ReviewStatus,
});

const DocumentStance = z.strictObject({
  id: z.string(),
  issue: z.string(),
  actor: z.string(),
  name: z.string().nullable(),
  stance: z.string(),
  date: z.string().nullable(),
  evidence: z.array(Span),
  rule: z.string(),
  review: ReviewStatus,
});

export const DocumentViewSchema = named(
  "DocumentView",
  z.strictObject({
    id: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    published: z.string().nullable(),
    url: z.string().nullable(),
    near_copy_of: z.string().nullable(),
    text: z.string(),
    mentions: z.array(Mention),
    quotes: z.array(DocumentQuote),
    dates: z.array(z.strictObject({ start: z.int(), end: z.int(), value: z.string(), rule: z.string() })),
    stances: z.array(DocumentStance),
  }),
);

export const IssueSchema = named(
  "Issue",
  z.strictObject({
    id: z.string(),
    label: z.string(),
    target: z.array(z.string()),
    places: z
      .array(z.string())
      .describe(
        "The codes of the states or territories among the target's names (XKX for Kosovo), for the map.",
      ),
    source: z.string().nullable().describe("The free text the codebook was made from, if any."),
    stances: z.int().describe("How many stances the store holds on it."),
  }),
);

export const IssuesSchema = named("Issues", z.array(IssueSchema));

export const ActorSchema = named(
  "Actor",
  ActorRef.extend({
    kind: z.string(),
    country: z.string().nullable(),
    same_as: z
      .null()
      .describe("Always null: actors linked to another are folded into it (their ids are in `linked`)."),
    linked: z.array(z.string()),
    aliases: z.array(z.string()),
    documents: z.int(),
    quotes: z.int(),
    stances: z.int(),
  }),
);

export const ActorsSchema = named("Actors", z.array(ActorSchema));
