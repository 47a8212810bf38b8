import { z } from "zod";
import { compareOutlets } from "../../resolve/compare.ts";
import { positions } from "../../resolve/positions.ts";
import { findQuotes } from "../../resolve/quotes.ts";
import { timeline } from "../../resolve/timeline.ts";
import { findActor } from "../../store/actors.ts";
import { findIssue } from "../../store/codebooks.ts";
import { mapData } from "../map-data.ts";
import { count, date, issue, type Route, route } from "../route.ts";
import { MapDataSchema, PositionsSchema, TimelineSchema } from "../schemas/positions.ts";
import { OutletComparisonSchema, QuotesSchema } from "../schemas/quotes.ts";

/** The record of a dispute: quotes, positions and the map, the timeline, outlets compared. */
export const RECORD_ROUTES: Route[] = [
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
    // An outlet can carry thousands of quotes no other did: the answer lists the first `top`.
    query: z.object({ issue, top: count(1000, 20) }),
    response: OutletComparisonSchema,
    handle: async ({ store, query }) =>
      (await compareOutlets(store.db, (await findIssue(store.db, query.issue)).id)).map((p) => ({
        ...p,
        only_here: p.only_here.slice(0, query.top),
        only_here_total: p.only_here.length,
      })),
  }),
];
