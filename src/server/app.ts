import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorCode, StandpointError } from "../errors.ts";
import { PACKAGE_ROOT } from "../paths.ts";
import type { Store } from "../store/open.ts";
import { openApi } from "./openapi.ts";
import { jsonBody, parse } from "./route.ts";
import { ROUTES } from "./routes.ts";

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  usage: 400,
  input: 400,
  invalid: 400,
  too_large: 413,
  not_found: 404,
  store: 500,
};

/** Nothing from elsewhere, no inline script; Observable Plot styles its SVG inline. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

export interface AppOptions {
  /** Required of write calls when set (the server listens beyond loopback). */
  token?: string;
  /** Where the built web app is (default: dist/web of the package). */
  webRoot?: string;
}

function fail(c: Context, error: StandpointError) {
  return c.json({ error: error.line(), code: error.code }, STATUS[error.code]);
}

/** The HTTP API over a store, and the web app beside it. */
export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();
  const web = options.webRoot ?? join(PACKAGE_ROOT, "dist", "web");

  app.use("*", async (c, next) => {
    // Percent-escapes that do not decode to UTF-8 are a bad request, not a crash later on.
    try {
      decodeURIComponent(new URL(c.req.url).pathname + new URL(c.req.url).search);
    } catch {
      return fail(c, new StandpointError("input", "the request's address is not UTF-8", "url"));
    }
    await next();
    c.header("Content-Security-Policy", CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
  });

  app.onError((error, c) => {
    if (error instanceof StandpointError) return fail(c, error);
    return c.json({ error: `unexpected error: ${(error as Error).message}`, code: "internal" }, 500);
  });

  app.get("/api/openapi.json", (c) => c.json(openApi(ROUTES)));
  for (const r of ROUTES) {
    app[r.method](r.path, async (c) => {
      if (r.writes && options.token && c.req.header("authorization") !== `Bearer ${options.token}`)
        return c.json(
          { error: "this server takes writes only with its token (Authorization: Bearer …)", code: "usage" },
          401,
        );
      const query = parse(r.query, c.req.query(), "query");
      const params = parse(r.params, c.req.param(), "path");
      const body = r.body ? parse(r.body, await jsonBody(c), "body") : undefined;
      return c.json(await r.handle({ store, query, params, body }));
    });
  }
  app.all("/api/*", (c) =>
    fail(c, new StandpointError("not_found", `no such API route: ${c.req.method} ${c.req.path}`)),
  );

  // The app: files of dist/web; any other path is a view of the app and gets its page.
  app.get("*", (c) => {
    const index = join(web, "index.html");
    if (!existsSync(index)) return c.text("the web app is not built: run `npm run build`", 503);
    const path = normalize(join(web, decodeURIComponent(c.req.path)));
    const inside = path.startsWith(web.endsWith(sep) ? web : `${web}${sep}`);
    const file = inside && existsSync(path) && extname(path) ? path : index;
    return c.body(readFileSync(file), 200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    });
  });
  return app;
}
