import type { Meta, MetaLayer } from "./article.ts";
import { metaDate } from "./meta-date.ts";

/** `<meta>` names and properties that carry each field, most specific first. */
const META_TAGS: Record<"title" | "author" | "published" | "outlet" | "url", string[]> = {
  title: ["og:title", "twitter:title", "title", "dc.title", "headline"],
  author: ["author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author"],
  published: [
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "og:article:published_time",
  ],
  outlet: ["og:site_name", "application-name", "publisher", "dc.publisher"],
  url: ["og:url"],
};

type Doc = {
  querySelectorAll(selector: string): Iterable<{
    getAttribute(name: string): string | null;
    textContent: string | null;
  }>;
};

function metaTags(document: Doc): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of document.querySelectorAll("meta")) {
    const key = (
      el.getAttribute("property") ??
      el.getAttribute("name") ??
      el.getAttribute("itemprop")
    )?.toLowerCase();
    const content = el.getAttribute("content")?.trim();
    if (key && content && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

const first = (tags: Map<string, string>, names: string[]): string | undefined =>
  names.map((n) => tags.get(n)).find((v) => v !== undefined);

/** The page's `<meta>`, `<link rel=canonical>`, `<time>` and `<title>` as one metadata layer. */
export function htmlMetaLayer(document: Doc): MetaLayer {
  const tags = metaTags(document);
  const author = first(tags, META_TAGS.author);
  const timeEl = [...document.querySelectorAll("time")][0];
  const titleEl = [...document.querySelectorAll("title")][0];
  const canonical =
    [...document.querySelectorAll("link[rel=canonical]")][0]?.getAttribute("href") ?? undefined;
  const meta: Meta = {
    title: first(tags, META_TAGS.title) ?? titleEl?.textContent?.trim() ?? undefined,
    author: author && !/^https?:/.test(author) ? author.replace(/^by\s+/i, "") : undefined,
    published:
      metaDate(first(tags, META_TAGS.published)) ??
      metaDate(timeEl?.getAttribute("datetime") ?? undefined) ??
      metaDate(timeEl?.textContent ?? undefined),
    outlet: first(tags, META_TAGS.outlet),
    url: /^https?:/.test(canonical ?? "") ? canonical : first(tags, META_TAGS.url),
  };
  return { source: "html-meta", meta };
}

/** Schema.org JSON-LD (NewsArticle and kin) as a metadata layer; broken blocks are passed over. */
export function jsonLdLayer(document: Doc): MetaLayer {
  const meta: Meta = {};
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    for (const node of flattenLd(data)) {
      const type = [node["@type"]].flat().map(String).join(" ");
      if (!/Article|Report|Posting|WebPage/i.test(type)) continue;
      meta.title ??= text(node.headline) ?? text(node.name);
      meta.author ??= names(node.author);
      meta.published ??= metaDate(text(node.datePublished) ?? text(node.dateCreated));
      meta.outlet ??= names(node.publisher);
      meta.url ??= text(node.url) ?? text(node.mainEntityOfPage);
    }
  }
  return { source: "json-ld", meta };
}

type LdNode = Record<string, unknown>;
const MAX_LD_DEPTH = 16;

/** JSON-LD's nodes, through arrays and `@graph`, in document order; real pages nest a few levels,
 * so deeper ones (a hostile page's thousands) are passed over rather than followed. */
function flattenLd(data: unknown): LdNode[] {
  const nodes: LdNode[] = [];
  const stack: Array<{ value: unknown; depth: number }> = [{ value: data, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (depth > MAX_LD_DEPTH) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], depth: depth + 1 });
    } else if (value && typeof value === "object") {
      nodes.push(value as LdNode);
      stack.push({ value: (value as LdNode)["@graph"], depth: depth + 1 });
    }
  }
  return nodes;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (value && typeof value === "object" && "@id" in value) return text((value as LdNode)["@id"]);
  return undefined;
}

function names(value: unknown): string | undefined {
  const list = [value].flat().map((v) => (v && typeof v === "object" ? text((v as LdNode).name) : text(v)));
  const found = list.filter((v): v is string => Boolean(v) && !/^https?:/.test(v as string));
  return found.length ? found.join(", ") : undefined;
}
