/** The forums: their rules, projections of a draft onto their members' positions, voting power. */
import { z } from "zod";
import { RULE_CHOICES } from "../../forums/rules.ts";
import { named } from "./common.ts";
import { EvidenceSchema } from "./positions.ts";

/** Which of a forum's rules decides; also what the `rule` query parameters take. */
export const RuleChoiceSchema = z.enum(RULE_CHOICES);
const Vote = z.enum(["yes", "no", "abstain", "absent"]);
const Seat = z.enum(["permanent", "elected", "member"]);

export const ForumSchema = named(
  "Forum",
  z.strictObject({
    id: z.string(),
    name: z.string(),
    from: z.string(),
    rule: z.enum(["veto-quota", "majority-of-voting", "consensus", "eu"]),
    default_rule: RuleChoiceSchema,
    until: z
      .string()
      .nullable()
      .describe(
        "The last day of its membership by year; null where membership is a fixed list or dated joins.",
      ),
  }),
);

export const ForumsSchema = named("Forums", z.array(ForumSchema));

const MemberVote = z.strictObject({
  member: z.string(),
  name: z.string(),
  seat: Seat,
  vote: z.enum([...Vote.options, "unknown"]),
  source: z
    .enum(["position", "assumed", "unknown"])
    .describe("Where the vote comes from: the member's position, an assumption, or nothing known."),
  stance: z.string().nullable(),
  since: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
});

const Decision = z.strictObject({
  adopted: z.boolean(),
  vetoes: z.array(z.string()),
  counts: z.strictObject({ yes: z.int(), no: z.int(), abstain: z.int(), absent: z.int() }),
  needed: z.string().describe("What the rule asks of the votes in favour, in words."),
  margin: z.int().describe("Votes in favour beyond what was needed (negative: short by that many)."),
  reasons: z.array(z.string()),
});

const RecordedMember = z.strictObject({
  member: z.string(),
  name: z.string(),
  recorded: z
    .string()
    .describe("yes, no, abstain, absent, veto; unrecorded where the record names only some."),
  as_endorsement: z.enum(["yes", "no", "abstain", "absent", "unrecorded"]),
  projected: z.enum(["yes", "no", "abstain", "absent", "unknown"]),
  agreement: z
    .enum(["agrees", "contradicts", "differs", "no-position", "unrecorded"])
    .describe("contradicts: yes against no; differs: an abstention or absence against a yes or no."),
});

const RecordedVoteSchema = named(
  "RecordedVote",
  z.strictObject({
    roll_call: z.string(),
    symbol: z.string(),
    title: z.string(),
    date: z.string(),
    bears: z.enum(["stance", "own-issue"]),
    yes_means: z.enum(["support", "oppose"]),
    note: z.string(),
    source: z.string(),
    counts: z.strictObject({
      yes: z.number().int(),
      no: z.number().int(),
      abstain: z.number().int(),
      absent: z.number().int(),
      veto: z.number().int(),
      unrecorded: z
        .number()
        .int()
        .describe("Members the record does not name (a veto list names only the vetoing)."),
    }),
    adopted: z.boolean().nullable(),
    outcome: z.string(),
    members: z.array(RecordedMember),
    differences: z.array(RecordedMember),
  }),
);

export const ProjectionSchema = named(
  "Projection",
  z.strictObject({
    forum: z.string(),
    issue: z.string(),
    at: z.string(),
    rule: RuleChoiceSchema,
    adopted: z.boolean().describe("The outcome with members whose position is unknown not voting."),
    determined: z.boolean().describe("Whether the outcome stays the same however the unknown members vote."),
    vetoes: z.array(z.string()),
    votes: z.array(MemberVote),
    unknown: z.array(z.string()),
    decision: Decision,
    scenarios: z
      .array(z.strictObject({ unknown_vote: Vote, adopted: z.boolean(), reasons: z.array(z.string()) }))
      .describe("The outcome if every member whose position is unknown voted the same way."),
    pivotal: z
      .array(z.strictObject({ member: z.string(), name: z.string(), vote: Vote, adopted: z.boolean() }))
      .describe("Members whose vote alone would change the outcome, and the vote that would."),
    turning: z
      .strictObject({ vote: Vote, members: z.number().int() })
      .nullable()
      .describe(
        "How many unknown members, voting this way while the rest do not vote, would change the outcome.",
      ),
    recorded: z
      .array(RecordedVoteSchema)
      .describe(
        "The forum's recorded votes that day on decisions bearing on the issue, beside the projection.",
      ),
  }),
);

const Fraction = z
  .string()
  .regex(/^\d+\/\d+$/)
  .describe("An exact index as a fraction in lowest terms, 421/2145.");

export const PowerSchema = named(
  "Power",
  z.strictObject({
    forum: z.string(),
    at: z.string(),
    rule: RuleChoiceSchema,
    members: z.array(
      z.strictObject({
        member: z.string(),
        name: z.string(),
        seat: Seat,
        shapley_shubik: Fraction.optional().describe(
          "Left out past 200 members, where it takes too long to serve.",
        ),
        shapley_shubik_decimal: z.number().optional(),
        banzhaf: Fraction,
        banzhaf_decimal: z.number(),
      }),
    ),
  }),
);
