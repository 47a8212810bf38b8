import { asStandpointError, StandpointError } from "../../errors.ts";
import { type Article, idFromUrl, type MetaLayer, type ReadItem } from "../article.ts";
import { articleFromBytes } from "../to-article.ts";
import { type FeedEntry, feedEntries, kindOf } from "./feed.ts";
import type { Fetched, Fetcher } from "./fetcher.ts";

/**
 * Reads one web address: an article page becomes one article; a feed, every page it links to
 * (entries dated before `since` passed over), each fetched in turn and stored under its own URL.
 * A page that cannot be fetched or read is an error for that page alone.
 */
export async function* readWeb(
  url: string,
  fetcher: Fetcher,
  options: { since?: string },
): AsyncGenerator<ReadItem> {
  let fetched: Fetched;
  try {
    fetched = await fetcher.get(url);
  } catch (error) {
    yield { error: asStandpointError(error, "input", url), bytes: 0 };
    return;
  }
  if (kindOf(fetched.contentType, fetched.body) !== "feed") {
    yield pageItem(fetched, url);
    return;
  }
  let entries: FeedEntry[];
  try {
    entries = feedEntries(fetched.body.toString("utf8"), fetched.url);
  } catch (error) {
    yield { error: asStandpointError(error, "input", url), bytes: fetched.body.length };
    return;
  }
  if (!entries.length) {
    yield {
      error: new StandpointError("input", "the feed links to no pages", url),
      bytes: fetched.body.length,
    };
    return;
  }
  for (const entry of entries) {
    if (options.since && entry.date && entry.date.slice(0, 10) < options.since) continue;
    try {
      const page = await fetcher.get(entry.url);
      const item = pageItem(page, entry.url);
      if ("article" in item) fillFromFeed(item.article, entry, fetched.url);
      yield item;
    } catch (error) {
      yield { error: asStandpointError(error, "input", entry.url), bytes: 0 };
    }
  }
}

/** A fetched page as an article; the address it was found at names it and is its source. */
function pageItem(page: Fetched, asked: string): ReadItem {
  try {
    const kind = kindOf(page.contentType, page.body);
    if (kind === "feed") throw new StandpointError("input", "a feed where an article was expected", asked);
    if (!kind)
      throw new StandpointError(
        "input",
        `not an article or a feed (content type ${page.contentType.split(";")[0]})`,
        asked,
      );
    const charset = /charset=([\w-]+)/i.exec(page.contentType)?.[1];
    const layers: MetaLayer[] = [{ source: "web", meta: { id: idFromUrl(page.url), url: page.url } }];
    const article: Article = articleFromBytes(page.body, kind, kind, page.url, layers, undefined, charset);
    article.extra.fetched = new Date().toISOString();
    return { article, bytes: page.body.length };
  } catch (error) {
    return { error: asStandpointError(error, "input", asked), bytes: page.body.length };
  }
}

/** The page speaks for itself; what it does not say (a date, a title) the feed's entry gives. */
function fillFromFeed(article: Article, entry: FeedEntry, feedUrl: string): void {
  for (const field of ["title", "published", "author"] as const) {
    const value = entry.meta[field];
    if (value && !article.meta[field]) {
      article.meta[field] = value;
      article.provenance[field] = "feed";
    }
  }
  article.extra.feed = feedUrl;
}
