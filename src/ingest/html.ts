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

/** Real pages nest a few dozen levels; Readability's time grows with depth times size, and a
 * hostile page 100,000 levels deep would take minutes and overflow the stack. */
const MAX_READABLE_DEPTH = 512;

/** linkedom's parse time grows with the square of the nesting (80,000 levels: 2.7 s; 200,000:
 * over 30 s), so a page nested deeper than this is never parsed into a tree. */
const MAX_PARSED_DEPTH = 4096;
const VOID_TAGS = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));

interface PageText {
  text: string;
  /** The page ends before its closing tags: what was found is stored, marked as truncated. */
  truncated: boolean;
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
  const truncated = isTruncated(html);
  if (truncated) warnings.push("truncated HTML (the page ends before </body></html>); stored the text found");
  if (tagDepthOver(html, MAX_PARSED_DEPTH)) {
    warnings.push(`HTML nested over ${MAX_PARSED_DEPTH} levels deep; read as text without its markup`);
    const text = flatText(html);
    if (!text) throw new StandpointError("input", "no article text in the page", where);
    return { text, truncated, layers: [], warnings };
  }
  const { document } = parseHTML(
    html.includes("<html") ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  const layers: MetaLayer[] = [jsonLdLayer(document), htmlMetaLayer(document)];
  const fallback = document.body ? blockText(document.body) : "";
  let article: ReturnType<Readability<string>["parse"]> = null;
  if (document.body && deeperThan(document.body, MAX_READABLE_DEPTH)) {
    warnings.push(`HTML nested over ${MAX_READABLE_DEPTH} levels deep; stored the whole body's text`);
  } else {
    try {
      // Readability changes the DOM it reads, so it gets its own copy.
      article = new Readability(parseHTML(document.toString()).document as unknown as Document, {
        charThreshold: 200,
      }).parse();
    } catch {
      article = null;
    }
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
  return { text, truncated, layers, warnings };
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

/**
 * Text of an element with block elements as paragraphs and `<br>` as a line break. Walked with a
 * stack of its own, not by recursion, so a page nested 100,000 levels deep is read like any other.
 */
function blockText(root: Node): string {
  const parts: string[] = [];
  const stack: Array<Node | "\n\n"> = [root];
  while (stack.length) {
    const node = stack.pop() as Node | "\n\n";
    if (node === "\n\n") {
      parts.push(node);
      continue;
    }
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? "").replace(/\s+/g, " "));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) continue;
    if (tag === "br") {
      parts.push("\n");
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      parts.push("\n\n");
      stack.push("\n\n");
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return normaliseText(
    parts
      .join("")
      .replace(/[ \t]*\n[ \t]*/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .replace(/ {2,}/g, " ")
      .trim(),
  );
}

/** Whether an element nests deeper than `limit`, walked without recursion. */
function deeperThan(root: Node, limit: number): boolean {
  const stack: Array<[Node, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [Node, number];
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) stack.push([children[i] as Node, depth + 1]);
  }
  return false;
}

/** Whether the tags of a page, counted open minus closed, ever nest deeper than `limit`. */
function tagDepthOver(html: string, limit: number): boolean {
  let depth = 0;
  for (const tag of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (tag[1]) depth = Math.max(0, depth - 1);
    else if (!tag[3] && !VOID_TAGS.has((tag[2] as string).toLowerCase()) && ++depth > limit) return true;
  }
  return false;
}

/** A page's text without a tree: skipped elements dropped, blocks as paragraphs, entities decoded
 * by parsing what is left, which has no tags and so no depth. */
function flatText(html: string): string {
  const stripped = withoutSkipped(html)
    .replace(/<br\b[^>]*>/gi, "\n")
    .replace(/<\/?([a-zA-Z][\w-]*)[^>]*>/g, (_, name: string) =>
      BLOCK.has(name.toLowerCase()) ? "\n\n" : "",
    )
    .replace(/</g, "&lt;");
  const { document } = parseHTML(`<!doctype html><html><body><pre>${stripped}</pre></body></html>`);
  return normaliseText(
    (document.body?.textContent ?? "")
      .replace(/[ \t]+/g, " ")
      .replace(/ *\n */g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
  );
}

/** The page without comments and the contents of skipped elements; each search for an end goes
 * forward only, so the time stays linear however many are left open. */
function withoutSkipped(html: string): string {
  const lower = html.toLowerCase();
  const kept: string[] = [];
  let at = 0;
  for (;;) {
    const open = /<!--|<([a-z][\w-]*)/g;
    open.lastIndex = at;
    let match = open.exec(lower);
    while (match?.[1] && !SKIP.has(match[1]) && match[1] !== "head") match = open.exec(lower);
    if (!match) break;
    kept.push(html.slice(at, match.index));
    const close = match[1] ? `</${match[1]}` : "-->";
    const end = lower.indexOf(close, match.index + match[0].length);
    if (end === -1) return kept.join("");
    at = lower.indexOf(">", end) + 1 || html.length;
  }
  kept.push(html.slice(at));
  return kept.join("");
}
