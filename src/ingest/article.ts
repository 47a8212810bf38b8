import type { StandpointError } from "../errors.ts";
/** The metadata fields standpoint models for every document. */
export const META_FIELDS = ["id", "title", "outlet", "author", "published", "url", "dateline"] as const;
export type MetaField = (typeof META_FIELDS)[number];
export type Meta = Partial<Record<MetaField, string>>;

export type Format = "text" | "markdown" | "html" | "jsonl" | "warc";

/** One metadata source, named for provenance: sidecar, jsonl, html-meta, json-ld, byline, ... */
export interface MetaLayer {
  source: string;
  meta: Meta;
}

/** An article read from an input, ready to store. */
export interface Article {
  id: string;
  text: string;
  format: Format;
  /** The input it came from: a path, `path:line` for JSON Lines, `path#N` for a WARC record. */
  source: string;
  meta: Meta;
  /** For each metadata field, the layer it was taken from. */
  provenance: Partial<Record<MetaField, string>>;
  extra: Record<string, string | number | boolean>;
  /** Problems that did not stop the article from being stored (a truncated page, say). */
  warnings: string[];
}

/** What reading an input yields: an article, or an error for that article alone; `bytes` is for progress. */
export type ReadItem = { article: Article; bytes: number } | { error: StandpointError; bytes: number };

/** Merges metadata layers, the first layer that has a field winning it. */
export function mergeLayers(layers: MetaLayer[]): Pick<Article, "meta" | "provenance"> {
  const meta: Meta = {};
  const provenance: Partial<Record<MetaField, string>> = {};
  for (const field of META_FIELDS) {
    for (const layer of layers) {
      const value = layer.meta[field]?.trim();
      if (value) {
        meta[field] = value;
        provenance[field] = layer.source;
        break;
      }
    }
  }
  return { meta, provenance };
}

/** The outlet a URL's host names, when nothing better is known: `www.reuters.com` gives `reuters.com`. */
export function outletFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname.replace(/^(www|m|amp|edition|mobile)\./, "");
    return host || undefined;
  } catch {
    return undefined;
  }
}

/** A document id from its address: the URL without its scheme or a last slash. */
export function idFromUrl(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
}

/** Scalar fields a source gave that standpoint does not model, kept as given. */
export function extraFields(
  record: Record<string, unknown>,
  skip: ReadonlySet<string>,
): Record<string, string | number | boolean> {
  const extra: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(record)) {
    if (skip.has(key)) continue;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      extra[key] = value;
  }
  return extra;
}
