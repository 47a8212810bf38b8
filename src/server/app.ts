import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorCode, oneLine, StandpointError } from "../errors.ts";
import { PACKAGE_ROOT } from "../paths.ts";
import type { Store } from "../store/open.ts";
import { Answers } from "./answers.ts";
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
  /**
   * The host names requests may be addressed to (default: loopback names). A page elsewhere can
   * point a name it owns at 127.0.0.1 (DNS rebinding) and read the API: its requests carry that
   * name and are refused. `any` where the server listens beyond loopback and a token guards writes.
   */
  hosts?: string[] | "any";
}

/** The largest request body taken (a review is a few hundred bytes). */
export const MAX_BODY = 1024 * 1024;
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/** Headers every answer carries, errors included. */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

function fail(c: Context, error: StandpointError, status?: ContentfulStatusCode) {
  return c.json({ error: error.line(), code: error.code }, status ?? STATUS[error.code]);
}

/** What makes a request one to refuse before any route sees it, if anything. */
function refusal(c: Context, hosts: string[] | "any"): [StandpointError, ContentfulStatusCode] | undefined {
  const url = new URL(c.req.url);
  const host = (c.req.header("host") ?? url.host).toLowerCase().replace(/:\d+$/, "");
  if (hosts !== "any" && !hosts.includes(host))
    return [
      new StandpointError("usage", `this server does not answer to the host name ${host}`, "Host"),
      403,
    ];
  let address: string;
  try {
    // Percent-escapes that do not decode to UTF-8 are a bad request, not a crash later on.
    address = decodeURIComponent(url.pathname + url.search);
  } catch {
    return [new StandpointError("input", "the request's address is not UTF-8", "url"), 400];
  }
  if (address.includes("\0"))
    return [new StandpointError("input", "the request's address has a NUL character", "url"), 400];
  if (c.req.method === "GET" || c.req.method === "HEAD") return undefined;
  // A page elsewhere can send a form or a text/plain POST without asking: writes are JSON and
  // same-origin only.
  const site = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  const crossSite =
    (site !== undefined && site !== "same-origin" && site !== "none") ||
    (origin !== undefined && !sameOrigin(origin, url));
  if (crossSite) return [new StandpointError("usage", "a write from another site is refused", "Origin"), 403];
  if (!/^application\/json\s*(;|$)/i.test(c.req.header("content-type") ?? ""))
    return [
      new StandpointError("input", "a write takes a JSON body (Content-Type: application/json)", "body"),
      415,
    ];
  return undefined;
}

/** Whether an Origin header names the server itself ("null", a sandboxed page's, does not). */
function sameOrigin(origin: string, url: URL): boolean {
  try {
    return new URL(origin).host === url.host;
  } catch {
    return false;
  }
}

/** The HTTP API over a store, and the web app beside it. */
export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();
  const web = options.webRoot ?? join(PACKAGE_ROOT, "dist", "web");
  const hosts = options.hosts ?? LOOPBACK_HOSTS;
  const answers = new Answers(store.db);

  app.use("*", async (c, next) => {
    const refused = refusal(c, hosts);
    if (refused) c.res = fail(c, ...refused);
    else await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });
  // The app's script (about 390 KB) and large answers go gzipped to a browser that takes it.
  app.use("*", compress());
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY,
      onError: (c) =>
        fail(c, new StandpointError("too_large", `the request body is over ${MAX_BODY} bytes`, "body")),
    }),
  );

  app.onError((error, c) => {
    if (error instanceof StandpointError) return fail(c, error);
    // A driver's message can show the store's layout to anyone who asks: the log keeps it.
    process.stderr.write(
      `standpoint: ${c.req.method} ${c.req.path}: ${oneLine(String((error as Error).message))}\n`,
    );
    return c.json({ error: "internal error (the server's log has the details)", code: "internal" }, 500);
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
      if (r.writes) return c.json(await r.handle({ store, query, params, body }));
      const key = `${r.path}?${JSON.stringify([query, params])}`;
      const json = await answers.get(key, () => r.handle({ store, query, params, body }));
      return c.body(json, 200, { "Content-Type": "application/json" });
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
