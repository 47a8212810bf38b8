import { StandpointError } from "../errors.ts";
import { type Article, type Format, type MetaLayer, mergeLayers, outletFromUrl } from "./article.ts";
import { decodeText, normaliseText } from "./decode.ts";
import { hashText } from "./hash.ts";
import { declaredCharset, readHtml } from "./html.ts";
import { textMetadata } from "./text-meta.ts";

/** Bytes of one document (an HTML page or plain text) to an article. */
export function articleFromBytes(
  bytes: Uint8Array,
  kind: "html" | "text",
  format: Format,
  where: string,
  layers: MetaLayer[],
  fallbackId: string | undefined,
  charset?: string,
): Article {
  if (kind === "html") {
    const declared = charset ?? declaredCharset(Buffer.from(bytes.subarray(0, 2048)).toString("latin1"));
    return articleFromHtml(decodeText(bytes, where, declared), format, where, layers, fallbackId);
  }
  return articleFromText(decodeText(bytes, where, charset), format, where, layers, fallbackId);
}

export function articleFromHtml(
  html: string,
  format: Format,
  where: string,
  layers: MetaLayer[],
  fallbackId?: string,
): Article {
  const page = readHtml(html, where);
  // The page's own byline and dateline, left in the article text, come after its markup.
  const fromText: MetaLayer = { source: "text", meta: textMetadata(page.text) };
  const article = compose(page.text, format, where, [...layers, ...page.layers, fromText], fallbackId);
  article.warnings.push(...page.warnings);
  if (page.truncated) article.extra.truncated = true;
  return article;
}

export function articleFromText(
  raw: string,
  format: Format,
  where: string,
  layers: MetaLayer[],
  fallbackId?: string,
): Article {
  const text = normaliseText(raw);
  return compose(text, format, where, [...layers, { source: "text", meta: textMetadata(text) }], fallbackId);
}

function compose(
  text: string,
  format: Format,
  where: string,
  layers: MetaLayer[],
  fallbackId?: string,
): Article {
  if (!text.trim()) throw new StandpointError("input", "empty document (no text)", where);
  refuseNul(text, "the text", where);
  const { meta, provenance } = mergeLayers(layers);
  for (const [field, value] of Object.entries(meta)) refuseNul(value, `the ${field}`, where);
  if (!meta.outlet) {
    const outlet = outletFromUrl(meta.url);
    if (outlet) {
      meta.outlet = outlet;
      provenance.outlet = "url";
    }
  }
  const id = meta.id ?? fallbackId ?? `stdin-${hashText(text).slice(0, 12)}`;
  if (!meta.id) provenance.id = fallbackId ? "file-name" : "text-hash";
  meta.id = id;
  return { id, text, format, source: where, meta, provenance, extra: {}, warnings: [] };
}

/** NUL is no character of any text; PostgreSQL refuses it, so both stores refuse it alike. */
function refuseNul(value: unknown, what: string, where: string): void {
  if (typeof value !== "string") return;
  const at = value.indexOf("\0");
  if (at >= 0) throw new StandpointError("input", `${what} has a NUL character at ${at}`, where);
}
