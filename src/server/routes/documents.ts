import { z } from "zod";
import { listActors } from "../../resolve/actors.ts";
import { documentView } from "../../resolve/document.ts";
import { listCodebooks } from "../../store/codebooks.ts";
import { countDocuments, listDocuments } from "../../store/documents.ts";
import { stancesByIssue } from "../../store/stances.ts";
import { lookupName } from "../../world/gazetteer.ts";
import { count, type Route, route } from "../route.ts";
import { ActorsSchema, DocumentListSchema, DocumentViewSchema, IssuesSchema } from "../schemas/documents.ts";

/** The states and territories the gazetteer knows among a codebook's target names, by code. */
function placesOf(names: string[]): string[] {
  return [
    ...new Set(
      names.flatMap((n) => {
        const entry = lookupName(n);
        return entry?.kind === "state" ? [entry.code] : [];
      }),
    ),
  ];
}

/** The stored documents, a document with its extractions, the issues and the actors. */
export const DOCUMENT_ROUTES: Route[] = [
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
    summary: "The issues the store has codebooks for, with how many stances each has",
    response: IssuesSchema,
    handle: async ({ store }) => {
      const counts = await stancesByIssue(store.db);
      return (await listCodebooks(store.db)).map((b) => ({
        id: b.id,
        label: b.label,
        target: b.target,
        places: placesOf(b.target),
        source: b.source ?? null,
        stances: counts.get(b.id) ?? 0,
      }));
    },
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
];
