import { StandpointError } from "../../errors.ts";
import { tooLarge } from "../jsonl.ts";
import { readUpTo } from "../streams.ts";
import { type Clock, Pace, SYSTEM_CLOCK } from "./pace.ts";
import { type RobotsAnswer, type Rules, rulesFrom } from "./robots.ts";

export interface FetcherOptions {
  /** Sent with every request, and the name robots.txt rules are matched on. */
  userAgent: string;
  /** The least time between two requests to one host, in seconds; a longer Crawl-delay wins. */
  delay: number;
  /** The largest body read, in bytes. */
  maxBytes: number;
  /** How long one request may take, in seconds. */
  timeout?: number;
  clock?: Clock;
}

/** A page as the web gave it: the address it was found at after redirects, its type and bytes. */
export interface Fetched {
  url: string;
  contentType: string;
  body: Buffer;
}

/** Redirects followed before a page is given up; each hop is paced and checked against robots.txt. */
const MAX_REDIRECTS = 5;
/** A Crawl-delay longer than this is taken as this: a site asking for an hour would stall a run. */
const LONGEST_DELAY = 60;

/**
 * Fetches pages as a polite crawler does: a user agent that names standpoint, one request to a host
 * at a time and `delay` seconds apart, robots.txt fetched once per site and obeyed, redirects
 * followed by hand so that every hop is checked, and bodies read only up to the size limit.
 */
export class Fetcher {
  private readonly pace: Pace;
  private readonly rules = new Map<string, Promise<Rules>>();

  constructor(private readonly options: FetcherOptions) {
    this.pace = new Pace(options.clock ?? SYSTEM_CLOCK);
  }

  async get(url: string): Promise<Fetched> {
    let address = parseUrl(url);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const rules = await this.rulesFor(address.origin);
      const refusal = rules.refusal(address.href);
      if (refusal) throw new StandpointError("input", refusal, url);
      const response = await this.request(address, rules.delay, url);
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        address = parseUrl(new URL(location, address).href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new StandpointError("input", `HTTP ${response.status} ${response.statusText}`.trim(), url);
      }
      return {
        url: address.href,
        contentType: response.headers.get("content-type") ?? "",
        body: await this.readBody(response, url),
      };
    }
    throw new StandpointError("input", `more than ${MAX_REDIRECTS} redirects`, url);
  }

  private rulesFor(origin: string): Promise<Rules> {
    let rules = this.rules.get(origin);
    if (!rules) {
      rules = this.robots(origin).then((answer) => rulesFrom(origin, answer, this.options.userAgent));
      this.rules.set(origin, rules);
    }
    return rules;
  }

  private async robots(origin: string): Promise<RobotsAnswer> {
    try {
      // A site's robots.txt is often moved (http to https, to a www host): RFC 9309 follows up to five redirects.
      const response = await this.request(new URL("/robots.txt", origin), undefined, origin, "follow");
      if (!response.ok) {
        await response.body?.cancel();
        return { status: response.status, text: "" };
      }
      const body = await readUpTo(streamOf(response), 512 * 1024);
      return { status: response.status, text: body?.toString("utf8") ?? "" };
    } catch {
      return { status: 0, text: "" };
    }
  }

  private request(
    address: URL,
    crawlDelay: number | undefined,
    where: string,
    redirect: RequestRedirect = "manual",
  ): Promise<Response> {
    const gap = () => 1000 * Math.min(LONGEST_DELAY, Math.max(this.options.delay, crawlDelay ?? 0));
    return this.pace.turn(address.host, gap, async () => {
      try {
        return await fetch(address, {
          redirect,
          headers: { "user-agent": this.options.userAgent, accept: ACCEPT },
          signal: AbortSignal.timeout(1000 * (this.options.timeout ?? 30)),
        });
      } catch (error) {
        throw new StandpointError("input", `cannot fetch: ${networkReason(error)}`, where);
      }
    });
  }

  private async readBody(response: Response, where: string): Promise<Buffer> {
    const max = this.options.maxBytes;
    const declared = Number(response.headers.get("content-length"));
    if (declared > max) {
      await response.body?.cancel();
      throw tooLarge(declared, max, where);
    }
    const body = await readUpTo(streamOf(response), max);
    if (!body) throw tooLarge(undefined, max, where);
    return body;
  }
}

const ACCEPT =
  "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8";

function streamOf(response: Response): AsyncIterable<Uint8Array> {
  return (response.body ?? []) as unknown as AsyncIterable<Uint8Array>;
}

function parseUrl(url: string): URL {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    throw new StandpointError("input", "not a web address", url);
  }
  if (address.protocol !== "http:" && address.protocol !== "https:")
    throw new StandpointError("input", `not an http or https address (${address.protocol})`, url);
  address.hash = "";
  return address;
}

/** Why a request failed, in a few words: undici hides the system error under `cause`. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === "TimeoutError") return "no answer in time";
  if (cause?.code === "ECONNREFUSED") return "connection refused";
  if (cause?.code === "ENOTFOUND") return "no such host";
  return cause?.message ?? (error as Error).message;
}
