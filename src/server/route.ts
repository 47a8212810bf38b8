import type { Context } from "hono";
import { z } from "zod";
import { StandpointError } from "../errors.ts";
import type { Store } from "../store/open.ts";

/**
 * One API route: its inputs and its answer as zod schemas (which validate and document it) and its
 * handler, whose return type is checked against the answer's schema.
 */
export interface Route<
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: "get" | "post";
  /** Hono path syntax: /api/documents/:id */
  path: string;
  summary: string;
  query?: Q;
  params?: P;
  body?: B;
  /** Writes to the store: needs the token when the server listens beyond loopback. */
  writes?: boolean;
  /** The JSON of a 200: a named schema (see schemas/common.ts), strict so that the tests catch drift. */
  response: R;
  /** Returns what the response schema accepts (its input type: the tests parse the JSON with it). */
  handle(input: {
    store: Store;
    query: z.infer<Q>;
    params: z.infer<P>;
    body: z.infer<B>;
  }): Promise<z.input<R>>;
}

export function route<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  r: Route<Q, P, B, R>,
): Route {
  return r as unknown as Route;
}

/** A zod error as the one-line message of a 400: the first problem, naming the field. */
function invalid(error: z.ZodError, where: string): StandpointError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : where;
  return new StandpointError("invalid", `${field}: ${issue?.message ?? "invalid"}`, where);
}

export function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(result.error, where);
  return result.data;
}

/** NUL is no character of any text, and PostgreSQL refuses it: a body carrying one is refused whole. */
const NUL_IN_BODY = new StandpointError("input", "the request body has a NUL character", "body");

/** The request's body as JSON, refusing bytes that are not UTF-8. */
export async function jsonBody(c: Context): Promise<unknown> {
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new StandpointError("input", "the request body is not UTF-8", "body");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text || "null", (key, value) => {
      if (key.includes("\0") || (typeof value === "string" && value.includes("\0"))) throw NUL_IN_BODY;
      return value;
    });
  } catch (error) {
    if (error === NUL_IN_BODY) throw error;
    throw new StandpointError("input", `the request body is not JSON: ${(error as Error).message}`, "body");
  }
  return parsed;
}

/** Shared query fields. */
export const date = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
  .refine((v) => {
    const [y, m, d] = v.split("-").map(Number);
    if (m !== undefined && (m < 1 || m > 12)) return false;
    if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y as number, m as number, 0)).getUTCDate()))
      return false;
    return true;
  }, "no such day");
export const count = (max: number, fallback: number) =>
  z.coerce.number().int().min(0).max(max).default(fallback);
export const issue = z.string().min(1, "give an issue: a codebook id or its free text");
