import { z } from "zod";
import { checkAgainstRecords } from "../../resolve/check-records.ts";
import { findActor } from "../../store/actors.ts";
import { findIssue } from "../../store/codebooks.ts";
import { listRecords } from "../../store/records.ts";
import { normalSymbol } from "../../world/records.ts";
import { count, date, issue, type Route, route } from "../route.ts";
import { RecordsReportSchema, RecordsSchema } from "../schemas/records.ts";

/** Recorded votes and acts, and the news set against them. */
export const RECORDS_ROUTES: Route[] = [
  route({
    method: "get",
    path: "/api/records",
    summary: "Recorded votes, recognitions and vetoes, newest first, each with its source",
    query: z.object({
      actor: z.string().optional(),
      object: z.string().optional(),
      act: z.string().optional(),
      forum: z.string().optional(),
      from: date.optional(),
      until: date.optional(),
      limit: count(5000, 200),
    }),
    response: RecordsSchema,
    handle: async ({ store, query }) => {
      const actor = query.actor ? (await findActor(store.db, query.actor)).id : undefined;
      return listRecords(store.db, {
        ...(actor ? { actor } : {}),
        ...(query.object
          ? { object: query.object.includes("/") ? normalSymbol(query.object) : query.object }
          : {}),
        ...(query.act ? { act: query.act } : {}),
        ...(query.forum ? { forum: query.forum } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.until ? { until: query.until } : {}),
        limit: query.limit,
      });
    },
  }),
  route({
    method: "get",
    path: "/api/check",
    summary:
      "How far the news can be trusted on an issue: positions read from reports alone against each recorded vote and recognition",
    query: z.object({ issue }),
    response: RecordsReportSchema,
    handle: async ({ store, query }) => checkAgainstRecords(store.db, await findIssue(store.db, query.issue)),
  }),
];
