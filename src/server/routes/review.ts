import { z } from "zod";
import { addQuote } from "../../resolve/added-quotes.ts";
import { addStance } from "../../resolve/added-stances.ts";
import { listMerges, mergeActors, unmergeActor } from "../../resolve/merges.ts";
import { decide, listForReview } from "../../resolve/review.ts";
import { findIssue } from "../../store/codebooks.ts";
import { count, date, type Route, route } from "../route.ts";
import {
  MergeSchema,
  MergesSchema,
  ReviewEntrySchema,
  ReviewLoggedSchema,
  ReviewQueueSchema,
} from "../schemas/review.ts";

/** The review queue, and reviewers' decisions appended to the log. */
export const REVIEW_ROUTES: Route[] = [
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
  route({
    method: "post",
    path: "/api/review/add",
    summary:
      "Add a stance the machine missed: a passage of a document, whose, which way, on what issue; logged with who and why",
    writes: true,
    body: z.object({
      document: z.string().min(1),
      start: z.int().min(0),
      end: z.int().min(1),
      issue: z.string().min(1),
      actor: z.string().trim().min(1),
      stance: z.enum(["support", "oppose", "neutral"]),
      date: date.optional(),
      reviewer: z.string().trim().min(1, "who reviews?"),
      reason: z.string().optional(),
    }),
    response: ReviewEntrySchema,
    handle: async ({ store, body }) => {
      const { reviewer, reason, ...stance } = body;
      return addStance(store.db, stance, { reviewer, ...(reason ? { reason } : {}) });
    },
  }),
  route({
    method: "post",
    path: "/api/review/add-quote",
    summary:
      "Add a quote the machine missed: a passage of a document, who said it, direct or reported; logged with who and why",
    writes: true,
    body: z.object({
      document: z.string().min(1),
      start: z.int().min(0),
      end: z.int().min(1),
      speaker: z.string().trim().min(1),
      kind: z.enum(["direct", "indirect"]),
      issue: z.string().optional(),
      reviewer: z.string().trim().min(1, "who reviews?"),
      reason: z.string().optional(),
    }),
    response: ReviewEntrySchema,
    handle: async ({ store, body }) => {
      const { reviewer, reason, issue, ...quote } = body;
      return addQuote(
        store.db,
        { ...quote, ...(issue ? { issue } : {}) },
        { reviewer, ...(reason ? { reason } : {}) },
      );
    },
  }),
  route({
    method: "get",
    path: "/api/actors/merges",
    summary: "Every merge of two actors a reviewer made, and whether it was undone",
    response: MergesSchema,
    handle: async ({ store }) => listMerges(store.db),
  }),
  route({
    method: "post",
    path: "/api/actors/merge",
    summary: "Make one actor stand for another (one person under two spellings): logged, undoable",
    writes: true,
    body: z.object({
      from: z.string().trim().min(1),
      into: z.string().trim().min(1),
      reviewer: z.string().trim().min(1, "who reviews?"),
      reason: z.string().optional(),
    }),
    response: MergeSchema,
    handle: async ({ store, body }) =>
      mergeActors(
        store.db,
        { from: body.from, into: body.into },
        { reviewer: body.reviewer, ...(body.reason ? { reason: body.reason } : {}) },
      ),
  }),
  route({
    method: "post",
    path: "/api/actors/unmerge",
    summary: "Undo the merge that holds for an actor",
    writes: true,
    body: z.object({
      actor: z.string().trim().min(1),
      reviewer: z.string().trim().min(1, "who reviews?"),
      reason: z.string().optional(),
    }),
    response: MergeSchema,
    handle: async ({ store, body }) =>
      unmergeActor(store.db, body.actor, {
        reviewer: body.reviewer,
        ...(body.reason ? { reason: body.reason } : {}),
      }),
  }),
];
