/**
 * The API's answers as TypeScript types, inferred from the response schemas that the handlers are
 * checked against and the tests parse their answers with. The web app takes its types from here
 * only; everything here is a type, so no server code and no zod reaches the browser.
 */
import type { z } from "zod";
import type {
  ActorSchema,
  ActorsSchema,
  DocumentListSchema,
  DocumentViewSchema,
  IssueSchema,
  IssuesSchema,
} from "./schemas/documents.ts";
import type { ForumSchema, ForumsSchema, PowerSchema, ProjectionSchema } from "./schemas/forums.ts";
import type {
  EvidenceSchema,
  MapDataSchema,
  PositionSchema,
  PositionsSchema,
  TimelineEntrySchema,
  TimelineSchema,
} from "./schemas/positions.ts";
import type {
  OutletComparisonSchema,
  OutletProfileSchema,
  QuoteSchema,
  QuotesSchema,
} from "./schemas/quotes.ts";
import type {
  MergesSchema,
  ReviewItemSchema,
  ReviewLoggedSchema,
  ReviewQueueSchema,
} from "./schemas/review.ts";

export type DocumentList = z.output<typeof DocumentListSchema>;
export type DocumentView = z.output<typeof DocumentViewSchema>;
export type Issue = z.output<typeof IssueSchema>;
export type Issues = z.output<typeof IssuesSchema>;
export type Actor = z.output<typeof ActorSchema>;
export type Actors = z.output<typeof ActorsSchema>;

export type Evidence = z.output<typeof EvidenceSchema>;
export type Position = z.output<typeof PositionSchema>;
/** A position's stance: support, oppose, neutral, or mixed. */
export type Stance = Position["stance"];
export type Positions = z.output<typeof PositionsSchema>;
export type TimelineEntry = z.output<typeof TimelineEntrySchema>;
export type Timeline = z.output<typeof TimelineSchema>;
export type MapData = z.output<typeof MapDataSchema>;

export type Quote = z.output<typeof QuoteSchema>;
export type Quotes = z.output<typeof QuotesSchema>;
export type OutletProfile = z.output<typeof OutletProfileSchema>;
export type OutletComparison = z.output<typeof OutletComparisonSchema>;

export type Forum = z.output<typeof ForumSchema>;
export type Forums = z.output<typeof ForumsSchema>;
export type Projection = z.output<typeof ProjectionSchema>;
export type Power = z.output<typeof PowerSchema>;

export type ReviewItem = z.output<typeof ReviewItemSchema>;
export type ReviewQueue = z.output<typeof ReviewQueueSchema>;
export type ReviewLogged = z.output<typeof ReviewLoggedSchema>;
export type Merges = z.output<typeof MergesSchema>;
