import { parseFeed } from "@rowanmanning/feed-parser";
import { StandpointError } from "../../errors.ts";
import type { Meta } from "../article.ts";

/** One entry of a feed: the page it links to and what the feed says of it. */
export interface FeedEntry {
  url: string;
  /** The entry's date (published, else updated), as an ISO date-time. */
  date?: string;
  meta: Meta;
}

export type PageKind = "feed" | "html" | "text";

/** What a fetched body is, by its declared type and, where that is vague, by its first bytes. */
export function kindOf(contentType: string, body: Buffer): PageKind | undefined {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (/^application\/(rss|atom|rdf)\+xml$/.test(type)) return "feed";
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/plain") return "text";
  if (type && !/^(application|text)\/xml$/.test(type) && type !== "application/octet-stream")
    return undefined;
  const head = body
    .subarray(0, 1024)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  if (/<(rss|feed|rdf:RDF)[\s>]/.test(head)) return "feed";
  if (/^\s*<(!doctype html|html)/i.test(head)) return "html";
  return type ? undefined : "text";
}

/** The entries of an RSS or Atom feed with a link, in the feed's order, links made absolute. */
export function feedEntries(xml: string, feedUrl: string): FeedEntry[] {
  let items: ReturnType<typeof parseFeed>["items"];
  try {
    items = parseFeed(xml).items;
  } catch (error) {
    throw new StandpointError(
      "input",
      `not a readable RSS or Atom feed: ${(error as Error).message}`,
      feedUrl,
    );
  }
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  for (const item of items) {
    const url = absolute(item.url, feedUrl);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const when = item.published ?? item.updated;
    const date = when && !Number.isNaN(when.getTime()) ? when.toISOString() : undefined;
    const meta: Meta = { url };
    if (item.title) meta.title = item.title;
    if (date) meta.published = date.slice(0, 10);
    const author = item.authors.map((a) => a.name).find(Boolean);
    if (author) meta.author = author;
    entries.push({ url, meta, ...(date ? { date } : {}) });
  }
  return entries;
}

function absolute(link: string | null, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    url.hash = "";
    return url.href;
  } catch {
    return undefined;
  }
}
