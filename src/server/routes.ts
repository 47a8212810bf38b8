import { z } from "zod";
import { FORUM_IDS, forumById, lastYear, membersAt } from "../forums/data.ts";
import { gameOf } from "../forums/games.ts";
import { banzhafIndices, powerIndices, toNumber } from "../forums/power.ts";
import { project } from "../forums/project.ts";
import { checkRule, defaultRule, type RuleChoice } from "../forums/rules.ts";
import { listActors } from "../resolve/actors.ts";
import { compareOutlets } from "../resolve/compare.ts";
import { documentView } from "../resolve/document.ts";
import { positions } from "../resolve/positions.ts";
import { findQuotes } from "../resolve/quotes.ts";
import { decide, listForReview } from "../resolve/review.ts";
import { timeline } from "../resolve/timeline.ts";
import { findActor } from "../store/actors.ts";
import { findIssue, listCodebooks } from "../store/codebooks.ts";
import { countDocuments, listDocuments } from "../store/documents.ts";
import { stateName } from "../world/states.ts";
import { mapData } from "./map-data.ts";
import { count, date, type Route, route } from "./route.ts";
import { ActorsSchema, DocumentListSchema, DocumentViewSchema, IssuesSchema } from "./schemas/documents.ts";
import { ForumsSchema, PowerSchema, ProjectionSchema, RuleChoiceSchema } from "./schemas/forums.ts";
import { MapDataSchema, PositionsSchema, TimelineSchema } from "./schemas/positions.ts";
import { OutletComparisonSchema, QuotesSchema } from "./schemas/quotes.ts";
import { ReviewLoggedSchema, ReviewQueueSchema } from "./schemas/review.ts";

const issue = z.string().min(1, "give an issue: a codebook id or its free text");
// Checked by forumById, whose error (404) lists the forums there are.
const forumParam = z.object({ forum: z.string() });

const fraction = (f: { numerator: bigint; denominator: bigint }) => `${f.numerator}/${f.denominator}`;

/** Every route of the API, in the order the OpenAPI document lists them. */
export const ROUTES: Route[] = [
  route({
    method: "get",
    path: "/api/documents",
    summary: "Stored documents: id, outlet, published, title, characters",
    query: z.object({ limit: count(1000, 100), offset: count(Number.MAX_SAFE_INTEGER, 0) }),
    response: DocumentListSchema,
    handle: async ({ store, query }) => ({
      total: (await countDocuments(store.db)).documents,
      documents: await listDocuments(store.db, query),
    }),
  }),
  route({
    method: "get",
    path: "/api/documents/:id",
    summary: "A document's text and everything extracted from it, by offsets",
    params: z.object({ id: z.string().min(1) }),
    response: DocumentViewSchema,
    handle: ({ store, params }) => documentView(store.db, params.id),
  }),
  route({
    method: "get",
    path: "/api/issues",
    summary: "The issues the store has codebooks for",
    response: IssuesSchema,
    handle: async ({ store }) =>
      (await listCodebooks(store.db)).map((b) => ({
        id: b.id,
        label: b.label,
        target: b.target,
        source: b.source ?? null,
      })),
  }),
  route({
    method: "get",
    path: "/api/actors",
    summary: "Actors across documents, with the names they go by",
    query: z.object({
      kind: z.enum(["person", "state", "organization", "group"]).optional(),
      search: z.string().optional(),
      limit: count(5000, 500),
    }),
    response: ActorsSchema,
    handle: async ({ store, query }) =>
      (
        await listActors(store.db, {
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.search ? { search: query.search } : {}),
        })
      )
        .slice(0, query.limit)
        // listActors spreads the stored row, whose same_as its type leaves out: always null there,
        // linked actors being folded in. Named here, it keeps its place in the JSON.
        .map((a) => ({ ...a, same_as: null })),
  }),
  route({
    method: "get",
    path: "/api/quotes",
    summary: "Quotes by speaker, state, issue, outlet, date and words, newest first",
    query: z.object({
      speaker: z.string().optional(),
      actor: z.string().optional(),
      issue: z.string().optional(),
      outlet: z.string().optional(),
      from: date.optional(),
      to: date.optional(),
      search: z.string().optional(),
      limit: count(500, 50),
      offset: count(Number.MAX_SAFE_INTEGER, 0),
    }),
    response: QuotesSchema,
    handle: async ({ store, query }) => {
      const { issue: wanted, ...rest } = query;
      const filters = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ""));
      return findQuotes(store, {
        ...filters,
        ...(wanted ? { issue: (await findIssue(store.db, wanted)).id } : {}),
      });
    },
  }),
  route({
    method: "get",
    path: "/api/positions",
    summary: "Where each actor stands on an issue at a date, since when, on what evidence",
    query: z.object({ issue, at: date.optional(), actor: z.string().optional(), evidence: count(50, 3) }),
    response: PositionsSchema,
    handle: async ({ store, query }) => {
      const book = await findIssue(store.db, query.issue);
      const actor = query.actor ? (await findActor(store.db, query.actor)).id : undefined;
      return {
        issue: { id: book.id, label: book.label },
        at: query.at ?? null,
        positions: await positions(store.db, book.id, {
          evidence: query.evidence,
          ...(query.at ? { at: query.at } : {}),
          ...(actor ? { actor } : {}),
        }),
      };
    },
  }),
  route({
    method: "get",
    path: "/api/map",
    summary: "What the map needs to place each state: ISO numbers, names of unnumbered shapes, points",
    response: MapDataSchema,
    handle: async () => mapData(),
  }),
  route({
    method: "get",
    path: "/api/timeline",
    summary: "Dated events and changes of stance on an issue",
    query: z.object({ issue, from: date.optional(), to: date.optional() }),
    response: TimelineSchema,
    handle: async ({ store, query }) => {
      const book = await findIssue(store.db, query.issue);
      return timeline(store.db, book.id, {
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
      });
    },
  }),
  route({
    method: "get",
    path: "/api/compare",
    summary: "How outlets differ on an issue",
    query: z.object({ issue }),
    response: OutletComparisonSchema,
    handle: async ({ store, query }) => compareOutlets(store.db, (await findIssue(store.db, query.issue)).id),
  }),
  route({
    method: "get",
    path: "/api/forums",
    summary: "The forums, their rules, and the latest date their membership is on record",
    response: ForumsSchema,
    handle: async () =>
      FORUM_IDS.map((id) => {
        const f = forumById(id);
        const year = lastYear(f);
        return {
          id: f.id,
          name: f.name,
          from: f.from,
          rule: f.rule.kind,
          default_rule: defaultRule(f),
          until: year ? `${year}-12-31` : null,
        };
      }),
  }),
  route({
    method: "get",
    path: "/api/forums/:forum/project",
    summary: "Would a draft endorsing the issue pass at a date, with reasons, votes, evidence and what-ifs",
    params: forumParam,
    query: z.object({
      issue,
      at: date,
      rule: RuleChoiceSchema.optional(),
      assume: z
        .string()
        .optional()
        .transform((v) => (v ? v.split(",").filter(Boolean) : [])),
    }),
    response: ProjectionSchema,
    handle: async ({ store, params, query }) => {
      const forum = forumById(params.forum);
      const rule: RuleChoice = query.rule ?? defaultRule(forum);
      checkRule(forum, rule);
      membersAt(forum, query.at);
      const book = await findIssue(store.db, query.issue);
      return project(store.db, forum, { issue: book.id, at: query.at, rule, assume: query.assume });
    },
  }),
  route({
    method: "get",
    path: "/api/forums/:forum/power",
    summary: "Exact Shapley–Shubik and Banzhaf indices of each member",
    params: forumParam,
    query: z.object({ at: date.optional(), rule: RuleChoiceSchema.optional() }),
    response: PowerSchema,
    handle: async ({ params, query }) => {
      const forum = forumById(params.forum);
      const year = lastYear(forum);
      const at = query.at ?? (year ? `${year}-12-31` : new Date().toISOString().slice(0, 10));
      const rule: RuleChoice = query.rule ?? defaultRule(forum);
      checkRule(forum, rule);
      const members = membersAt(forum, at);
      const game = gameOf(forum, at, members, rule);
      // Past 200 members Banzhaf alone: Shapley–Shubik takes seconds there, too slow to serve.
      const ss = members.length <= 200 ? powerIndices(game) : undefined;
      const bz = ss ?? banzhafIndices(game);
      return {
        forum: forum.id,
        at,
        rule,
        members: members.map((m, i) => {
          const s = ss?.[i];
          const b = bz[i] as (typeof bz)[number];
          return {
            member: m.code,
            name: stateName(m.code),
            seat: m.seat,
            ...(s
              ? {
                  shapley_shubik: fraction(s.shapleyShubik),
                  shapley_shubik_decimal: toNumber(s.shapleyShubik),
                }
              : {}),
            banzhaf: fraction(b.banzhaf),
            banzhaf_decimal: toNumber(b.banzhaf),
          };
        }),
      };
    },
  }),
  route({
    method: "get",
    path: "/api/review",
    summary: "Quotes and stances with their review status",
    query: z.object({
      kind: z.enum(["quote", "stance"]).optional(),
      issue: z.string().optional(),
      status: z.enum(["unreviewed", "accepted", "rejected", "edited", "reviewed"]).optional(),
      limit: count(500, 50),
    }),
    response: ReviewQueueSchema,
    handle: async ({ store, query }) =>
      listForReview(store.db, {
        limit: query.limit,
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.issue ? { issue: (await findIssue(store.db, query.issue)).id } : {}),
        ...(query.status ? { status: query.status } : {}),
      }),
  }),
  route({
    method: "post",
    path: "/api/review",
    summary: "Accept, reject or edit quotes and stances: appended to the review log",
    writes: true,
    body: z.object({
      ids: z.array(z.string().min(1)).min(1),
      action: z.enum(["accept", "reject", "edit"]),
      reviewer: z.string().trim().min(1, "who reviews?"),
      reason: z.string().optional(),
      edits: z
        .object({
          speaker: z.string().optional(),
          stance: z.enum(["support", "oppose", "neutral"]).optional(),
          date: date.optional(),
          actor: z.string().optional(),
        })
        .optional(),
    }),
    response: ReviewLoggedSchema,
    handle: async ({ store, body }) => {
      const edits = Object.fromEntries(
        Object.entries(body.edits ?? {}).filter(([, v]) => v !== undefined),
      ) as Record<string, string>;
      const rows = await decide(store.db, body.ids, {
        action: body.action,
        reviewer: body.reviewer,
        ...(body.reason ? { reason: body.reason } : {}),
        edits,
      });
      return { logged: rows.length, entries: rows };
    },
  }),
];
