import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../../src/records/import.ts";
import { createApp } from "../../src/server/app.ts";
import type { Route } from "../../src/server/route.ts";
import { ROUTES } from "../../src/server/routes.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { ROOT } from "../helpers/cli.ts";
import { articlesFile, ingestPaths } from "../helpers/ingest.ts";
import { SHARED } from "../helpers/shared.ts";
import { drifts } from "./drift.ts";

const ARTICLES = [
  {
    id: "council",
    outlet: "Wire One",
    published: "2008-02-18",
    text: "UNITED NATIONS — Russian Ambassador Vitaly Churkin said Russia would never recognise Kosovo's independence. Britain recognised Kosovo's independence on Monday. China condemned Kosovo's declaration of independence.",
  },
];

describe.each(BACKENDS)("the HTTP API on %s", (backend) => {
  let place: TestStore;
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    place = testStore(backend);
    store = await place.open();
    await ingestPaths(store, [articlesFile(ARTICLES)], { issue: ["independence of Kosovo"] });
    app = createApp(store);
  });
  afterAll(async () => {
    await store.close();
    await place.dispose();
  });
  const json = async (path: string, init?: RequestInit) => {
    const response = await app.request(path, init);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & unknown[] };
  };

  it("answers the questions the CLI answers", async () => {
    const positions = await json("/api/positions?issue=independence%20of%20Kosovo&at=2008-02-18");
    expect(positions.status).toBe(200);
    const list = (
      positions.body as unknown as { positions: Array<{ actor: { id: string }; stance: string }> }
    ).positions;
    expect(list.find((p) => p.actor.id === "state:RUS")?.stance).toBe("oppose");
    const quotes = await json("/api/quotes?speaker=Churkin");
    expect((quotes.body as unknown as unknown[]).length).toBe(1);
    const doc = await json("/api/documents/council");
    expect((doc.body as unknown as { quotes: unknown[] }).quotes.length).toBeGreaterThan(0);
    const project = await json(
      "/api/forums/unsc/project?issue=kosovo-independence&at=2008-02-18&assume=CHN=abstain",
    );
    expect(project.status).toBe(200);
    expect((project.body as unknown as { vetoes: string[] }).vetoes).toEqual(["RUS"]);
    const power = await json("/api/forums/unsc/power?at=2008");
    expect(
      (power.body as unknown as { members: Array<{ shapley_shubik: string }> }).members[0]?.shapley_shubik,
    ).toBe("421/2145");
    for (const path of [
      "/api/documents",
      "/api/actors",
      "/api/issues",
      "/api/timeline?issue=kosovo-independence",
      "/api/compare?issue=kosovo-independence",
      "/api/review",
      "/api/map",
      "/api/forums",
    ])
      expect((await app.request(path)).status, path).toBe(200);
  });

  it("describes itself in an OpenAPI document, each answer by a named schema", async () => {
    const doc = (await json("/api/openapi.json")).body as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/quotes", "/api/positions", "/api/forums/{forum}/project", "/api/review"]),
    );
    for (const r of ROUTES) {
      const answer = doc.paths[r.path.replace(/:(\w+)/g, "{$1}")]?.[r.method]?.responses["200"];
      expect(answer?.content, `${r.method} ${r.path}`).toEqual({
        "application/json": { schema: { $ref: expect.stringMatching(/^#\/components\/schemas\/\w+$/) } },
      });
    }
    // Every reference, in answers and inside components alike, is to a component there is.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]*"/g) ?? [];
    for (const ref of refs)
      expect(Object.keys(doc.components.schemas), ref).toContain(ref.split("/").pop()?.slice(0, -1));
  });

  it("gives bad requests a 4xx with a JSON error, never a 500", async () => {
    const cases: Array<[string, number, RegExp, RequestInit?]> = [
      ["/api/positions?issue=kosovo-independence&at=2008-02-30", 400, /at: no such day/],
      ["/api/positions?issue=kosovo-independence&at=yesterday", 400, /not a date/],
      ["/api/quotes?limit=-5", 400, /limit/],
      ["/api/quotes?from=2008-1", 400, /from: not a date/],
      ["/api/forums/nato/project?issue=kosovo-independence&at=2008", 404, /unknown forum: nato/],
      ["/api/forums/unsc/project?issue=kosovo-independence&at=1900", 400, /unsc did not exist on 1900/],
      [
        "/api/forums/unsc/project?issue=kosovo-independence&at=2008&assume=XXX=yes",
        400,
        /XXX is not a member/,
      ],
      ["/api/positions?issue=atlantis", 404, /unknown issue: atlantis/],
      ["/api/quotes?actor=Atlantis", 404, /unknown actor: Atlantis/],
      ["/api/documents/missing", 404, /no document/],
      ["/api/quotes?search=%C3%28", 400, /not UTF-8/],
      ["/api/nothing", 404, /no such API route/],
      [
        "/api/review",
        400,
        /not JSON/,
        { method: "POST", body: "{oops", headers: { "Content-Type": "application/json" } },
      ],
      [
        "/api/review",
        400,
        /not UTF-8/,
        {
          method: "POST",
          body: new Uint8Array([0x7b, 0xff, 0x7d]),
          headers: { "Content-Type": "application/json" },
        },
      ],
      [
        "/api/review",
        404,
        /no quote or stance with id s-none/,
        {
          method: "POST",
          body: JSON.stringify({ ids: ["s-none"], action: "reject", reviewer: "ana" }),
          headers: { "Content-Type": "application/json" },
        },
      ],
    ];
    for (const [path, status, message, init] of cases) {
      const response = await app.request(path, init);
      const body = (await response.json()) as { error: string };
      expect(response.status, path).toBe(status);
      expect(body.error, path).toMatch(message);
    }
  });

  it("takes writes with the token only, when it has one", async () => {
    const guarded = createApp(store, { token: "s3cret" });
    const id = (
      (await json("/api/positions?issue=kosovo-independence&actor=China")).body as unknown as {
        positions: Array<{ evidence: Array<{ id: string }> }>;
      }
    ).positions[0]?.evidence[0]?.id;
    const body = JSON.stringify({ ids: [id], action: "reject", reviewer: "ana", reason: "test" });
    const headers = { "Content-Type": "application/json" };
    expect((await guarded.request("/api/review", { method: "POST", body, headers })).status).toBe(401);
    const ok = await guarded.request("/api/review", {
      method: "POST",
      body,
      headers: { ...headers, Authorization: "Bearer s3cret" },
    });
    expect(ok.status).toBe(200);
    const after = await json("/api/positions?issue=kosovo-independence");
    expect(
      (after.body as unknown as { positions: Array<{ actor: { id: string } }> }).positions.map(
        (p) => p.actor.id,
      ),
    ).not.toContain("state:CHN");
  });

  it("sends the app's script and large answers gzipped to a browser that takes gzip", async () => {
    const web = mkdtempSync(join(tmpdir(), "standpoint-web-"));
    writeFileSync(join(web, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(web, "app.js"), `console.log(${JSON.stringify("x".repeat(50_000))});`);
    const served = createApp(store, { webRoot: web });
    const script = await served.request("/app.js", { headers: { "Accept-Encoding": "gzip" } });
    expect(script.headers.get("content-encoding")).toBe("gzip");
    expect((await script.arrayBuffer()).byteLength).toBeLessThan(5_000);
    const plain = await served.request("/app.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    const answer = await served.request("/api/positions?issue=kosovo-independence", {
      headers: { "Accept-Encoding": "gzip" },
    });
    expect(answer.headers.get("content-encoding")).toBe("gzip");
    rmSync(web, { recursive: true, force: true });
  });

  it("serves no file from outside the app's folder", async () => {
    for (const path of ["/..%2f..%2fpackage.json", "/../../package.json", "/%2e%2e/%2e%2e/package.json"]) {
      const body = await (await app.request(path)).text();
      expect(body, path).not.toContain('"name": "standpoint"');
    }
  });

  it("refuses other host names, writes from other sites and oversized or NUL-bearing requests", async () => {
    const review = JSON.stringify({ ids: ["s-none"], action: "reject", reviewer: "ana" });
    const cases: Array<[string, number, RegExp, RequestInit?]> = [
      [
        "/api/issues",
        403,
        /does not answer to the host name evil\.example/,
        { headers: { Host: "evil.example" } },
      ],
      [
        "/api/review",
        415,
        /takes a JSON body/,
        { method: "POST", body: review, headers: { "Content-Type": "text/plain" } },
      ],
      [
        "/api/review",
        403,
        /from another site/,
        {
          method: "POST",
          body: review,
          headers: { "Content-Type": "application/json", Origin: "http://evil.example" },
        },
      ],
      [
        "/api/review",
        403,
        /from another site/,
        {
          method: "POST",
          body: review,
          headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "cross-site" },
        },
      ],
      [
        "/api/review",
        413,
        /over 1048576 bytes/,
        {
          method: "POST",
          body: "x".repeat(2 * 1024 * 1024),
          headers: { "Content-Type": "application/json" },
        },
      ],
      [
        "/api/review",
        400,
        /has a NUL character/,
        {
          method: "POST",
          body: JSON.stringify({ ids: ["s\u0000"], action: "reject", reviewer: "ana" }),
          headers: { "Content-Type": "application/json" },
        },
      ],
      ["/api/quotes?search=%00", 400, /has a NUL character/],
      ["/api/quotes?speaker=a%00b", 400, /has a NUL character/],
      ["/api/quotes?search=%22", 400, /no word to look for/],
      ["/api/quotes?search=%22%22", 400, /no word to look for/],
      ["/api/quotes?search=%22%20%22", 400, /no word to look for/],
    ];
    for (const [path, status, message, init] of cases) {
      const response = await app.request(path, init);
      const body = (await response.json()) as { error: string };
      expect(response.status, path).toBe(status);
      expect(body.error, path).toMatch(message);
      expect(response.headers.get("content-security-policy"), path).toMatch(/default-src 'self'/);
    }
    const same = await app.request("/api/review", {
      method: "POST",
      body: review,
      headers: {
        "Content-Type": "application/json",
        Origin: "http://localhost",
        "Sec-Fetch-Site": "same-origin",
      },
    });
    expect(same.status).toBe(404);
  });

  it("sends a Content-Security-Policy with every answer", async () => {
    const response = await app.request("/api/issues");
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'; script-src 'self'/);
  });
});

/** A quote no one is found to have said, on an issue given as free text. */
const UNATTRIBUTED = {
  id: "sukhumi",
  outlet: "Harbour Gazette",
  published: "2008-08-26",
  text: 'Abkhazia vote\n\nSUKHUMI — Crowds gathered in the square on Tuesday.\n\n"This is a day of shame for the region, and it will not be forgotten."\n\nGeorgia said it would never recognise the independence of Abkhazia.',
};

/** Requests that between them ask every route, with answers of every shape there is to check. */
const REQUESTS = [
  "/api/documents",
  "/api/documents?limit=2&offset=3",
  "/api/documents/2008-02-18-security-council-meeting",
  "/api/documents/hg-2008-10-09-icj-vote",
  "/api/documents/sukhumi",
  "/api/issues",
  "/api/actors",
  "/api/actors?kind=person&search=churkin",
  "/api/quotes?limit=500",
  "/api/quotes?actor=Russia&issue=kosovo-independence",
  "/api/quotes?search=independence&from=2008-02&to=2008",
  "/api/positions?issue=kosovo-independence",
  "/api/positions?issue=kosovo-independence&at=2008-02-17&evidence=0",
  "/api/positions?issue=independence%20of%20Abkhazia&actor=Georgia",
  "/api/map",
  "/api/timeline?issue=kosovo-independence",
  "/api/timeline?issue=kosovo-independence&from=2008-02-18&to=2008-02",
  "/api/compare?issue=kosovo-independence",
  "/api/forums",
  "/api/forums/unsc/project?issue=kosovo-independence&at=2008-02-18",
  "/api/forums/unsc/project?issue=kosovo-independence&at=2008-02-18&assume=CHN=yes,RUS=yes",
  "/api/forums/unga/project?issue=kosovo-independence&at=2008&rule=important",
  "/api/forums/eu-council/project?issue=kosovo-independence&at=2008-02-20&rule=qmv",
  "/api/forums/contact-group/project?issue=kosovo-independence&at=2008",
  "/api/forums/unsc/power",
  "/api/forums/unga/power?at=2008",
  "/api/forums/eu-council/power?at=2008&rule=qmv",
  "/api/forums?issue=kosovo-independence",
  "/api/forums/unga/project?issue=kosovo-independence&at=2008-10-08",
  "/api/positions?issue=kosovo-independence&at=2008-03-31",
  "/api/records?object=A/RES/63/3&limit=20",
  "/api/records?actor=Japan",
  "/api/check?issue=kosovo-independence",
  "/api/actors/merges",
  "/api/review",
  "/api/review?kind=quote&status=edited",
  "/api/review?kind=stance&status=reviewed",
];

describe.each(BACKENDS)("the HTTP API's answers on %s", (backend) => {
  let place: TestStore;
  let store: Store;
  const answers: Array<{ route: Route; request: string; answer: unknown }> = [];
  const routeOf = (method: string, path: string) =>
    ROUTES.find((r) => r.method === method && new RegExp(`^${r.path.replace(/:\w+/g, "[^/]+")}$`).test(path));

  beforeAll(async () => {
    place = testStore(backend);
    store = await place.open();
    await ingestPaths(store, [join(ROOT, "examples", "articles")], {
      codebook: [join(ROOT, "examples", "codebooks", "kosovo-independence.json")],
    });
    await ingestPaths(store, [articlesFile([UNATTRIBUTED])], { issue: ["independence of Abkhazia"] });
    // Records beside the reports: the Assembly's roll calls and the example recognitions.
    await importRecords(store.db, [
      join(SHARED, "data", "un"),
      join(ROOT, "examples", "records", "kosovo-recognitions.csv"),
    ]);
    const app = createApp(store);
    const ask = async (request: string, body?: unknown) => {
      const response = await app.request(
        request,
        body
          ? { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }
          : {},
      );
      const answer = await response.json();
      expect(response.status, `${request}: ${JSON.stringify(answer)}`).toBe(200);
      const route = routeOf(body ? "post" : "get", new URL(request, "http://x").pathname);
      if (!route) throw new Error(`no route answers ${request}`);
      answers.push({ route, request, answer });
      return answer as Array<{ id: string }>;
    };
    // Decisions of each kind first, so that later answers carry reviewed values and statuses.
    const [s1, s2, s3] = await ask("/api/review?kind=stance&issue=kosovo-independence");
    const [q1, q2] = await ask("/api/review?kind=quote");
    const decide = (ids: Array<string | undefined>, action: string, edits?: Record<string, string>) =>
      ask("/api/review", { ids, action, reviewer: "ana", reason: "test", ...(edits ? { edits } : {}) });
    await decide([s1?.id, q1?.id], "accept");
    await decide([s2?.id], "reject");
    await decide([s3?.id], "edit", { stance: "neutral", date: "2008-03-01" });
    await decide([q2?.id], "edit", { speaker: "Jane Roe" });
    const merged = (await ask("/api/actors/merge", {
      from: "Tadić",
      into: "Vojislav Koštunica",
      reviewer: "ana",
      reason: "test",
    })) as unknown as { from: string };
    await ask("/api/actors/unmerge", { actor: merged.from, reviewer: "bo" });
    await ask("/api/actors/merge", { from: "Tadić", into: "Vojislav Koštunica", reviewer: "ana" });
    await ask("/api/review/add", {
      document: "2008-02-19-first-recognitions",
      start: 0,
      end: 10,
      issue: "kosovo-independence",
      actor: "Tanzania",
      stance: "neutral",
      reviewer: "ana",
      reason: "test",
    });
    await ask("/api/review/add-quote", {
      document: "2008-02-18-security-council-meeting",
      start: 0,
      end: 14,
      speaker: "Vitaly Churkin",
      kind: "indirect",
      reviewer: "ana",
    });
    for (const request of REQUESTS) await ask(request);
  });
  afterAll(async () => {
    await store.close();
    await place.dispose();
  });

  it("answers each route as its response schema says", () => {
    const asked = new Set(answers.map((a) => a.route));
    for (const r of ROUTES) expect(asked.has(r), `${r.method} ${r.path} is asked`).toBe(true);
    for (const { route, request, answer } of answers) {
      const problems = route.response.safeParse(answer).error?.issues;
      expect(problems?.map((p) => `${p.path.join(".")}: ${p.message}`) ?? [], request).toEqual([]);
    }
  });

  it("tells each answer from one with a field more, a field missing or a value of another type", () => {
    for (const { route, request, answer } of answers)
      for (const [change, drifted] of drifts(answer))
        expect(route.response.safeParse(drifted).success, `${request}: ${change}`).toBe(false);
  });
});
