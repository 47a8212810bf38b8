/** Where actors stand: positions with their evidence, the timeline, and what the map places them by. */
import { z } from "zod";
import { ActorRef, named, PositionStance, ReviewStatus, Span, Stance, StanceCounts } from "./common.ts";

export const EvidenceSchema = named(
  "Evidence",
  z.strictObject({
    kind: z
      .enum(["report", "record"])
      .describe(
        "A report: a stance found in an article. A record: an act on record (a recognition, a vote).",
      ),
    id: z.string(),
    document: z.string().nullable().describe("The article; null for a record."),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    date: z.string().nullable(),
    stance: Stance,
    actor: z.string(),
    via: z
      .string()
      .nullable()
      .describe("The speaker whose words show the stance, when not the actor itself."),
    via_name: z.string().nullable(),
    spans: z.array(Span),
    text: z.array(z.string()),
    rule: z.string(),
    review: ReviewStatus,
    source: z.string().nullable().describe("A record's citation or URL; null for a report."),
  }),
);

export const PositionSchema = named(
  "Position",
  z.strictObject({
    actor: ActorRef.extend({ kind: z.string() }),
    stance: PositionStance,
    since: z
      .string()
      .nullable()
      .describe("The first day of the current run of this stance; null when all evidence is undated."),
    changes: z.array(z.strictObject({ date: z.string(), stance: PositionStance })),
    counts: StanceCounts,
    evidence: z.array(EvidenceSchema),
    conflicts: z
      .array(EvidenceSchema)
      .describe("Evidence since the current stance began that points another way."),
    on_record: z
      .boolean()
      .describe("Whether an act on record (a recognition, a vote) shows the current stance since it began."),
  }),
);

export const PositionsSchema = named(
  "Positions",
  z.strictObject({
    issue: z.strictObject({ id: z.string(), label: z.string() }),
    at: z.string().nullable().describe("The date asked about; null for now."),
    positions: z.array(PositionSchema),
  }),
);

const TimelineEvent = z.strictObject({
  kind: z.literal("event"),
  date: z.string(),
  text: z.string(),
  actors: z.array(ActorRef),
  sources: z
    .array(
      z.strictObject({
        document: z.string(),
        outlet: z.string().nullable(),
        published: z.string().nullable(),
        span: Span,
        date_span: Span,
      }),
    )
    .describe("Every article that reports it, the first one's offsets for the text."),
});

const TimelineChange = z.strictObject({
  kind: z.literal("stance"),
  date: z.string(),
  actor: ActorRef,
  stance: z.string(),
  previous: z.string().nullable().describe("The stance before, or null for the first one on record."),
  evidence: z.strictObject({ id: z.string(), document: z.string(), text: z.string(), span: Span }).nullable(),
});

const TimelineRecord = z.strictObject({
  kind: z.literal("record"),
  date: z.string(),
  act: z.enum(["vote", "recognition"]),
  text: z.string(),
  actors: z.array(ActorRef),
  counts: z
    .strictObject({
      yes: z.number().int(),
      no: z.number().int(),
      abstain: z.number().int(),
      absent: z.number().int(),
      veto: z.number().int(),
    })
    .nullable()
    .describe("For a vote, each act's count."),
  bears: z.enum(["stance", "own-issue"]),
  source: z.string().describe("The citation or URL the record rests on."),
});

export const TimelineEntrySchema = named(
  "TimelineEntry",
  z.discriminatedUnion("kind", [TimelineEvent, TimelineChange, TimelineRecord]),
);

export const TimelineSchema = named("Timeline", z.array(TimelineEntrySchema));

export const MapDataSchema = named(
  "MapData",
  z.strictObject({
    numeric: z
      .record(z.string(), z.string())
      .describe("ISO 3166 numeric code of a shape to the state's alpha-3 code."),
    shapes_by_name: z
      .record(z.string(), z.string())
      .describe("Names of shapes without a number to the state's code."),
    points: z
      .array(z.strictObject({ code: z.string(), lon: z.number(), lat: z.number() }))
      .describe("States too small for a shape, drawn as points."),
    names: z.record(z.string(), z.string()),
  }),
);
