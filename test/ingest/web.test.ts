import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedEntries, kindOf } from "../../src/ingest/web/feed.ts";
import { Pace } from "../../src/ingest/web/pace.ts";
import { productToken, rulesFrom } from "../../src/ingest/web/robots.ts";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { jsonLines, runCli } from "../helpers/cli.ts";

const AGENT = "standpoint-test/1.0 (tests)";

function page(title: string, published: string | undefined, body: string): string {
  const date = published ? `<meta property="article:published_time" content="${published}">` : "";
  return `<!doctype html><html><head><title>${title}</title>${date}</head>
<body><article><h1>${title}</h1><p>${body}</p>
<p>Diplomats at the United Nations said the Security Council would meet again next week to discuss the
province, whose status has been under international administration since 1999.</p></article></body></html>`;
}

const PAGES: Record<string, [string, string]> = {
  "/news/a.html": [
    "text/html; charset=utf-8",
    page(
      "Serbia rejects Kosovo declaration",
      "2008-02-18T09:00:00Z",
      'Serbian President Boris Tadic said on Monday that Serbia would "never recognise" the independence of Kosovo, and Russia called the declaration illegal.',
    ),
  ],
  "/news/b.html": [
    "text/html",
    page(
      "Talks on Kosovo stall",
      undefined,
      "Negotiators from Belgrade and Pristina left Vienna without an agreement on the status of the province after a week of talks.",
    ),
  ],
  "/private/c.html": [
    "text/html",
    page("Not for crawlers", "2008-02-17T09:00:00Z", "A page robots.txt keeps out."),
  ],
  "/img.png": ["image/png", "\u0089PNG"],
  "/robots.txt": ["text/plain", "User-agent: *\nDisallow: /private/\n"],
};

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>/</link>
<item><title>Serbia rejects Kosovo declaration</title><link>/news/a.html</link><pubDate>Mon, 18 Feb 2008 09:00:00 GMT</pubDate></item>
<item><title>Talks on Kosovo stall</title><link>/news/b.html</link><pubDate>Sun, 10 Feb 2008 09:00:00 GMT</pubDate></item>
<item><title>Private</title><link>/private/c.html</link><pubDate>Sun, 17 Feb 2008 09:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>/news/gone.html</link><pubDate>Sun, 17 Feb 2008 10:00:00 GMT</pubDate></item>
<item><title>Picture</title><link>/img.png</link><pubDate>Sun, 17 Feb 2008 11:00:00 GMT</pubDate></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Talks on Kosovo stall</title><link href="news/b.html"/><updated>2008-02-10T09:00:00Z</updated></entry>
</feed>`;

interface Seen {
  path: string;
  agent: string | undefined;
}

/** A small site: pages, two feeds, robots.txt, a redirect; it logs every request. */
function site(seen: Seen[], robots = 200): Server {
  return createServer((req: IncomingMessage, res) => {
    const path = req.url ?? "/";
    seen.push({ path, agent: req.headers["user-agent"] });
    if (path === "/robots.txt" && robots === 301)
      return res.writeHead(301, { location: "/moved-robots.txt" }).end();
    if (path === "/moved-robots.txt")
      return res
        .writeHead(200, { "content-type": "text/plain" })
        .end("User-agent: *\nDisallow: /news/b.html\n");
    if (path === "/robots.txt" && robots !== 200) return res.writeHead(robots).end();
    if (path === "/feed.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end(RSS);
    if (path === "/atom.xml") return res.writeHead(200, { "content-type": "text/xml" }).end(ATOM);
    if (path === "/moved") return res.writeHead(301, { location: "/news/a.html" }).end();
    const found = PAGES[path];
    if (!found) return res.writeHead(404).end("not here");
    res.writeHead(200, { "content-type": found[0] }).end(found[1]);
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("pacing requests to a host", () => {
  it("spaces requests to one host by the gap and leaves other hosts alone", async () => {
    let now = 0;
    const slept: number[] = [];
    const pace = new Pace({
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    const started: Array<[string, number]> = [];
    const hit = (host: string) =>
      pace.turn(
        host,
        () => 1000,
        async () => started.push([host, now]),
      );
    await Promise.all([hit("a"), hit("a"), hit("b"), hit("a")]);
    expect(started).toEqual([
      ["a", 0],
      ["b", 0],
      ["a", 1000],
      ["a", 2000],
    ]);
    expect(slept).toEqual([1000, 1000]);
  });
});

describe("robots.txt", () => {
  it("matches the agent's product token and reads its Crawl-delay", () => {
    const rules = rulesFrom(
      "http://x.test",
      {
        status: 200,
        text: "User-agent: standpoint\nDisallow: /wire/\nCrawl-delay: 5\n\nUser-agent: *\nDisallow: /\n",
      },
      "standpoint/0.1.0 (news research)",
    );
    expect(productToken("standpoint/0.1.0 (news research)")).toBe("standpoint");
    expect(rules.delay).toBe(5);
    expect(rules.refusal("http://x.test/news/a.html")).toBeUndefined();
    expect(rules.refusal("http://x.test/wire/a.html")).toMatch(/robots\.txt does not allow standpoint/);
  });

  it("allows all when there is none, and nothing when the site cannot say", () => {
    expect(
      rulesFrom("http://x.test", { status: 404, text: "" }, AGENT).refusal("http://x.test/a"),
    ).toBeUndefined();
    expect(rulesFrom("http://x.test", { status: 503, text: "" }, AGENT).refusal("http://x.test/a")).toMatch(
      /HTTP 503, so the site's rules are unknown/,
    );
    expect(rulesFrom("http://x.test", { status: 0, text: "" }, AGENT).refusal("http://x.test/a")).toMatch(
      /could not be fetched/,
    );
  });
});

describe("feeds", () => {
  it("lists RSS and Atom entries with absolute links, dates and titles", () => {
    const rss = feedEntries(RSS, "http://x.test/feed.xml");
    expect(rss.map((e) => e.url)).toContain("http://x.test/news/a.html");
    expect(rss[0]).toMatchObject({
      date: "2008-02-18T09:00:00.000Z",
      meta: { title: "Serbia rejects Kosovo declaration", published: "2008-02-18" },
    });
    expect(feedEntries(ATOM, "http://x.test/feeds/atom.xml")[0]?.url).toBe("http://x.test/feeds/news/b.html");
  });

  it("tells a feed from a page by type, and by its first bytes where the type is vague", () => {
    expect(kindOf("application/rss+xml", Buffer.from(""))).toBe("feed");
    expect(kindOf("text/xml", Buffer.from(ATOM))).toBe("feed");
    expect(kindOf("text/html; charset=utf-8", Buffer.from("<p>"))).toBe("html");
    expect(kindOf("image/png", Buffer.from(""))).toBeUndefined();
  });

  it("refuses what is not a feed on one line", () => {
    expect(() => feedEntries("<html><body>hi</body></html>", "http://x.test/f")).toThrow(
      /not a readable RSS or Atom feed/,
    );
  });
});

describe.each(BACKENDS)("standpoint ingest URL on %s", (backend) => {
  const seen: Seen[] = [];
  let server: Server;
  let base: string;
  let place: TestStore;
  beforeAll(async () => {
    server = site(seen);
    base = await listen(server);
    place = testStore(backend);
  });
  afterAll(async () => {
    server.close();
    await place.dispose();
  });

  it("follows a feed's links politely, stores each page under its URL and reports each failure", async () => {
    const run = await runCli([
      "ingest",
      `${base}/feed.xml`,
      "--db",
      place.target,
      "--delay",
      "0",
      "--user-agent",
      AGENT,
      "--json",
    ]);
    const lines = jsonLines(run.stdout);
    const stored = lines.filter((l) => l.status === "added").map((l) => l.where);
    expect(stored).toEqual([`${base}/news/a.html`, `${base}/news/b.html`]);
    expect(lines.filter((l) => l.status === "failed").map((l) => l.error)).toEqual([
      `${base}/private/c.html: ${base}/robots.txt does not allow standpoint-test to fetch this page`,
      `${base}/news/gone.html: HTTP 404 Not Found`,
      `${base}/img.png: not an article or a feed (content type image/png)`,
    ]);
    expect(lines.at(-1)?.summary).toMatchObject({ added: 2, failed: 3 });
    expect(run.code).toBe(1);
    expect(seen.map((s) => s.path)).not.toContain("/private/c.html");
    expect(seen.filter((s) => s.path === "/robots.txt")).toHaveLength(1);
    expect(new Set(seen.map((s) => s.agent))).toEqual(new Set([AGENT]));

    const show = async (path: string) =>
      JSON.parse((await runCli(["show", `${base.slice(7)}${path}`, "--db", place.target, "--json"])).stdout);
    const shown = await show("/news/a.html");
    expect(shown.url).toBe(`${base}/news/a.html`);
    expect(shown.title).toBe("Serbia rejects Kosovo declaration");
    expect(shown.published.slice(0, 10)).toBe("2008-02-18");
    expect(shown.outlet).toBe("127.0.0.1");
    const fromFeed = await show("/news/b.html");
    expect(fromFeed.published).toBe("2008-02-10");
    expect(fromFeed.provenance.published).toBe("feed");
    expect(fromFeed.extra.feed).toBe(`${base}/feed.xml`);
  });

  it("takes only entries dated on or after --since, without asking for the rest", async () => {
    seen.length = 0;
    const run = await runCli([
      "ingest",
      `${base}/feed.xml`,
      "--db",
      place.target,
      "--since",
      "2008-02-15",
      "--json",
    ]);
    expect(jsonLines(run.stdout).find((l) => l.where === `${base}/news/a.html`)?.status).toBe("unchanged");
    expect(seen.map((s) => s.path)).not.toContain("/news/b.html");
  });
});

describe("standpoint ingest URL: pages, redirects and sites that cannot say", () => {
  const seen: Seen[] = [];
  let open: Server;
  let closed: Server;
  let base: string;
  let shut: string;
  let place: TestStore;
  beforeAll(async () => {
    open = site(seen);
    closed = site(seen, 503);
    base = await listen(open);
    shut = await listen(closed);
    place = testStore("sqlite");
  });
  afterAll(async () => {
    open.close();
    closed.close();
    await place.dispose();
  });

  it("stores an article page at the address a redirect leads to, and an Atom feed's relative links", async () => {
    const run = await runCli(
      ["ingest", `${base}/moved`, `${base}/atom.xml`, "--db", place.target, "--delay", "0", "--json"],
      {},
    );
    const added = jsonLines(run.stdout).filter((l) => l.status === "added");
    expect(added.map((l) => l.where)).toEqual([`${base}/news/a.html`, `${base}/news/b.html`]);
    expect(run.code).toBe(0);
  });

  it("fetches nothing from a site whose robots.txt fails, and says why", async () => {
    seen.length = 0;
    const run = await runCli(["ingest", `${shut}/news/a.html`, "--db", place.target, "--delay", "0"]);
    expect(run.stderr.trim()).toBe(
      `standpoint: ${shut}/news/a.html: ${shut}/robots.txt answered HTTP 503, so the site's rules are unknown`,
    );
    expect(seen.map((s) => s.path)).toEqual(["/robots.txt"]);
    expect(run.code).toBe(1);
  });

  it("follows a robots.txt that has moved, and obeys it", async () => {
    const moved = site([], 301);
    const at = await listen(moved);
    // A store of its own: the same page from another test's site would be a duplicate here.
    const own = testStore("sqlite");
    try {
      const run = await runCli([
        "ingest",
        `${at}/news/a.html`,
        `${at}/news/b.html`,
        "--db",
        own.target,
        "--delay",
        "0",
      ]);
      expect(run.stdout).toMatch(/1 added/);
      expect(run.stderr.trim()).toBe(
        `standpoint: ${at}/news/b.html: ${at}/robots.txt does not allow standpoint to fetch this page`,
      );
    } finally {
      moved.close();
      await own.dispose();
    }
  });

  it("refuses bad options and unreachable sites on one line each", async () => {
    const since = await runCli(["ingest", "README.md", "--db", place.target, "--since", "2008-02-15"]);
    expect(since.stderr.trim()).toBe("standpoint: --since applies to feeds: give a feed's address");
    const delay = await runCli(["ingest", `${base}/feed.xml`, "--db", place.target, "--delay", "-1"]);
    expect(delay.stderr.trim()).toMatch(/--delay.*not a delay in seconds from 0 to 3600: -1/);
    const refused = await runCli(["ingest", "http://127.0.0.1:1/feed.xml", "--db", place.target]);
    expect(refused.stderr.trim()).toBe(
      "standpoint: http://127.0.0.1:1/feed.xml: http://127.0.0.1:1/robots.txt could not be fetched, so the site's rules are unknown",
    );
  });
});
