/** Records beside reports: recorded acts as stored, and news set against them. */
import { z } from "zod";
import { named } from "./common.ts";
import { EvidenceSchema } from "./positions.ts";

export const RecordsSchema = named(
  "Records",
  z.array(
    z.strictObject({
      id: z.string(),
      actor_id: z.string(),
      date: z.string(),
      act: z.string().describe("recognised, withdrew-recognition, yes, no, abstain, absent, veto"),
      object: z
        .string()
        .describe("What the act is about: the entity recognised, or the resolution voted on."),
      roll_call_id: z.string().nullable(),
      issue: z.string().nullable(),
      source: z.string().describe("The citation or URL the record rests on."),
      origin: z.string().describe("The file and line it was imported from."),
      note: z.string().nullable(),
      imported_at: z.string(),
      forum: z.string().nullable(),
      title: z.string().nullable(),
    }),
  ),
);

const Check = z.strictObject({
  kind: z.enum(["vote", "recognition"]),
  id: z.string(),
  date: z.string(),
  what: z.string(),
  bears: z.enum(["stance", "own-issue"]),
  source: z.string(),
  on_record: z.number().int(),
  with_news: z
    .number()
    .int()
    .describe("States on record with a position read from news, dated on or before the act."),
  agrees: z.number().int(),
  contradicts: z.number().int(),
  differs: z.number().int(),
  agreeing: z.array(z.string()),
  differing: z.array(
    z.strictObject({ member: z.string(), position: z.string(), act: z.string(), recorded: z.string() }),
  ),
  contradictions: z.array(
    z.strictObject({
      member: z.string(),
      name: z.string(),
      position: z.string(),
      since: z.string().nullable(),
      expected: z.string(),
      act: z.string(),
      recorded: z.string(),
      news: z.array(EvidenceSchema),
      record: z.strictObject({ id: z.string(), text: z.string(), source: z.string() }),
    }),
  ),
});

const Totals = z.strictObject({
  on_record: z.number().int(),
  with_news: z.number().int(),
  agrees: z.number().int(),
  contradicts: z.number().int(),
  differs: z.number().int(),
});

export const RecordsReportSchema = named(
  "RecordsReport",
  z.strictObject({
    issue: z.strictObject({ id: z.string(), label: z.string() }),
    checks: z.array(Check),
    totals: Totals,
  }),
);
