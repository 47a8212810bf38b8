import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { StandpointError } from "../errors.ts";
import type { MetaLayer } from "./article.ts";
import { normaliseText } from "./decode.ts";
import { htmlMetaLayer, jsonLdLayer } from "./html-meta.ts";

const BLOCK = new Set(
  "address article aside blockquote dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul".split(
    " ",
  ),
);
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "iframe",
  "button",
  "select",
  "object",
]);

interface PageText {
  text: string;
  layers: MetaLayer[];
  warnings: string[];
}

/** The charset an HTML page declares in its first bytes, if any. */
export function declaredCharset(head: string): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

/**
 * The article in an HTML page: text via Readability (whole body if Readability finds no article),
 * with paragraphs kept as blank lines; metadata from meta tags, JSON-LD, `<time>` and the byline.
 */
export function readHtml(html: string, where: string): PageText {
  const warnings: string[] = [];
  if (isTruncated(html))
    warnings.push("truncated HTML (the page ends before </body></html>); stored the text found");
  const { document } = parseHTML(
    html.includes("<html") ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  const layers: MetaLayer[] = [jsonLdLayer(document), htmlMetaLayer(document)];
  const fallback = document.body ? blockText(document.body) : "";
  let article: ReturnType<Readability<string>["parse"]> = null;
  try {
    // Readability changes the DOM it reads, so it gets its own copy.
    article = new Readability(parseHTML(document.toString()).document as unknown as Document, {
      charThreshold: 200,
    }).parse();
  } catch {
    article = null;
  }
  let text = "";
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    text = blockText(content.body);
  }
  // Readability can keep only a fragment of a short or unusual page; the body is then better.
  if (text.length < 0.3 * fallback.length) text = fallback;
  if (!text) throw new StandpointError("input", "no article text in the page", where);
  layers.push({
    source: "readability",
    meta: {
      title: article?.title ?? undefined,
      author: article?.byline?.replace(/^by\s+/i, "") ?? undefined,
    },
  });
  return { text, layers, warnings };
}

function isTruncated(html: string): boolean {
  return /<(html|body)[\s>]/i.test(html) && !/<\/(html|body)\s*>/i.test(html);
}

interface Node {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
}

/** Text of an element with block elements as paragraphs and `<br>` as a line break. */
function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? "").replace(/\s+/g, " "));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === "br") {
      parts.push("\n");
      return;
    }
    const block = BLOCK.has(tag);
    if (block) parts.push("\n\n");
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as Node);
    if (block) parts.push("\n\n");
  };
  walk(root);
  return normaliseText(
    parts
      .join("")
      .replace(/[ \t]*\n[ \t]*/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .replace(/ {2,}/g, " ")
      .trim(),
  );
}
