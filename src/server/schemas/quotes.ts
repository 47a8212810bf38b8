/** Quotes, and how outlets differ in whom they quoted and which stances they reported. */
import { z } from "zod";
import { ActorRef, named, ReviewStatus, Span, StanceCounts } from "./common.ts";

export const QuoteSchema = named(
  "Quote",
  z.strictObject({
    id: z.string(),
    document: z.string(),
    outlet: z.string().nullable(),
    title: z.string().nullable(),
    url: z.string().nullable().describe("The article's address, for a citation."),
    published: z.string().nullable(),
    speaker: ActorRef.nullable().describe(
      "The speaker as reviewed, or as found; null when no one was found.",
    ),
    state: ActorRef.nullable().describe(
      "The state the speaker is of or speaks for (a state speaking: itself); null for bodies and persons of no known state.",
    ),
    issues: z.array(z.string()).describe("The issues the quote bears on."),
    kind: z.string(),
    cue: z.string().nullable(),
    text: z.string(),
    start: z.int(),
    end: z.int(),
    spans: z.array(Span),
    speaker_span: Span.nullable(),
    cue_span: Span.nullable(),
    rule: z.string(),
    review: ReviewStatus,
  }),
);

export const QuotesSchema = named("Quotes", z.array(QuoteSchema));

export const OutletProfileSchema = named(
  "OutletProfile",
  z.strictObject({
    outlet: z.string(),
    documents: z.int(),
    quotes: z.int(),
    speakers: z.array(ActorRef.extend({ quotes: z.int() })).describe("Whom it quoted, most often first."),
    stances: StanceCounts,
    actors: z
      .array(ActorRef.extend(StanceCounts.shape))
      .describe("Its stances by actor: whom it showed for and against."),
    only_here: z
      .array(
        z.strictObject({
          id: z.string(),
          document: z.string(),
          speaker: z.string().nullable().describe("The speaker's name."),
          text: z.string(),
        }),
      )
      .describe("Quotes no other outlet carried: the first `top` of them."),
    only_here_total: z.int().describe("How many quotes no other outlet carried."),
  }),
);

export const OutletComparisonSchema = named("OutletComparison", z.array(OutletProfileSchema));
