import { z } from "zod";
import type { Route } from "./route.ts";
import { API_SCHEMAS } from "./schemas/common.ts";

const COMPONENTS = "#/components/schemas/";

/** The named answer schemas as OpenAPI components, referring to one another by name. */
function components(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(API_SCHEMAS, { io: "output", uri: (id) => `${COMPONENTS}${id}` });
  // Each comes out as a document of its own; as a component it takes neither a dialect nor an $id.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema, $id, ...schema }]) => [id, schema]));
}

/** A route's answer, by the name its schema is registered under. */
function responseRef(r: Route): { $ref: string } {
  const id = API_SCHEMAS.get(r.response)?.id;
  if (!id)
    throw new Error(`the response schema of ${r.method} ${r.path} has no name (see schemas/common.ts)`);
  return { $ref: `${COMPONENTS}${id}` };
}

/** A route's query and path parameters, each with its schema. */
function parametersOf(r: Route): unknown[] {
  const parameters: unknown[] = [];
  for (const [where, schema] of [
    ["query", r.query],
    ["path", r.params],
  ] as const) {
    if (!schema) continue;
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {}))
      parameters.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema: property,
      });
  }
  return parameters;
}

/** A route's operation: its inputs, its answers, and the token a write needs. */
function operationOf(r: Route): Record<string, unknown> {
  return {
    summary: r.summary,
    parameters: parametersOf(r),
    ...(r.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: z.toJSONSchema(r.body, { io: "input", unrepresentable: "any" }),
              },
            },
          },
        }
      : {}),
    ...(r.writes ? { security: [{ token: [] }] } : {}),
    responses: {
      "200": { description: "JSON", content: { "application/json": { schema: responseRef(r) } } },
      "400": { description: "a bad request: `{ error, code }`" },
      "404": { description: "an unknown id, issue, actor or forum" },
      ...(r.writes ? { "401": { description: "a write without the server's token" } } : {}),
    },
  };
}

/** The OpenAPI 3.1 document of the routes: inputs and answers from the zod schemas that check them. */
export function openApi(routes: Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, "{$1}");
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[r.method] = operationOf(r);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "standpoint",
      version: "0.1.0",
      description: "Positions, quotes, timelines and forums from a corpus of news.",
    },
    paths,
    components: {
      schemas: components(),
      securitySchemes: { token: { type: "http", scheme: "bearer" } },
    },
  };
}
