import robotsModule from "robots-parser";

// The package is CommonJS exporting the function itself, which Node gives as the default import;
// its types describe an ES default export instead.
const robotsParser = robotsModule as unknown as typeof robotsModule.default;

/** What a site's robots.txt lets a user agent do. */
export interface Rules {
  /** Why a page may not be fetched, or undefined when it may. */
  refusal(url: string): string | undefined;
  /** The site's Crawl-delay for the agent, in seconds, if it gives one. */
  delay: number | undefined;
}

/** A robots.txt answer: its status (0 when the site could not be reached) and its text. */
export interface RobotsAnswer {
  status: number;
  text: string;
}

/**
 * The rules a robots.txt answer sets, as RFC 9309 reads them: a missing file (4xx) allows
 * everything; a site that cannot say (5xx, unreachable) allows nothing, since its rules are unknown.
 */
export function rulesFrom(origin: string, answer: RobotsAnswer, agent: string): Rules {
  if (answer.status >= 400 && answer.status < 500) return { refusal: () => undefined, delay: undefined };
  if (answer.status < 200 || answer.status >= 300) {
    const why =
      answer.status === 0
        ? `${origin}/robots.txt could not be fetched, so the site's rules are unknown`
        : `${origin}/robots.txt answered HTTP ${answer.status}, so the site's rules are unknown`;
    return { refusal: () => why, delay: undefined };
  }
  const robots = robotsParser(`${origin}/robots.txt`, answer.text);
  const token = productToken(agent);
  return {
    refusal: (url) =>
      robots.isDisallowed(url, token)
        ? `${origin}/robots.txt does not allow ${token} to fetch this page`
        : undefined,
    delay: robots.getCrawlDelay(token),
  };
}

/** The name robots.txt groups are matched on: "standpoint" of "standpoint/0.1.0 (+contact)". */
export function productToken(agent: string): string {
  return agent.trim().split(/[\s/]/)[0] || agent;
}
