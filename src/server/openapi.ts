import { z } from "zod";
import type { Route } from "./route.ts";

/** The OpenAPI 3.1 document of the routes, their inputs from the same zod schemas that validate them. */
export function openApi(routes: Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, "{$1}");
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
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[r.method] = {
      summary: r.summary,
      parameters,
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
        "200": { description: "JSON" },
        "400": { description: "a bad request: `{ error, code }`" },
        "404": { description: "an unknown id, issue, actor or forum" },
        ...(r.writes ? { "401": { description: "a write without the server's token" } } : {}),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "standpoint",
      version: "0.1.0",
      description: "Positions, quotes, timelines and forums from a corpus of news.",
    },
    paths,
    components: { securitySchemes: { token: { type: "http", scheme: "bearer" } } },
  };
}
