import type { Doc } from "./doc.ts";
import { SPEECH_VERBS } from "./lexicons.ts";
import type { QuotedRegion } from "./quote-marks.ts";
import type { Token } from "./types.ts";

/**
 * What a quoted region is: speech standing on its own (a direct quote), a fragment quoted inside a
 * reported clause ('condemned it as “a grave violation”'), a scare quote ('so-called “independence”')
 * or the title of a work ('“Orange Is the New Black” star').
 */
export type RegionKind = "speech" | "fragment" | "scare" | "title";

const TERMINAL_INSIDE = /[.!?,;:…\u2014-]["'\u201d\u2019\u00bb]?$/;

export function classifyRegion(doc: Doc, region: QuotedRegion): RegionKind {
  const { tokens, text } = doc;
  const first = doc.tokenAt(region.inner.start);
  const last = doc.tokenAt(region.inner.end);
  const words = tokens.slice(first, last).filter((t) => t.kind === "word" || t.kind === "number");
  if (!words.length) return "scare";
  const innerText = text.slice(region.inner.start, region.inner.end).trimEnd();
  const terminal = TERMINAL_INSIDE.test(innerText) || region.closing !== "mark";
  const before = text.slice(doc.paragraphs[region.paragraph]?.start ?? 0, region.start).trimEnd();
  const introduced =
    before === "" || /[.!?:,]["'\u201d\u2019)]?$/.test(before) || /[\u2014\u2013]$/.test(before);
  const cueAfter = speechVerbAfter(doc, doc.tokenAt(region.end));
  const capitalised = words.filter((w) => w.upper).length;
  if (!terminal && words.length >= 2 && capitalised / words.length >= 0.75 && !cueAfter) return "title";
  if (region.continues) return "speech";
  if (introduced && (words.length >= 3 || terminal || cueAfter)) return "speech";
  if (terminal && cueAfter) return "speech";
  if (words.length >= 8 && terminal) return "speech";
  const verbBefore = speechVerbBefore(doc, first);
  if (verbBefore || words.length > 3) return "fragment";
  return "scare";
}

/** A speech verb within a few tokens after a quote's end, as in `," he said` or `," said the envoy`. */
export function speechVerbAfter(doc: Doc, from: number): number | undefined {
  const { tokens } = doc;
  const paragraph = doc.sentences[tokens[from - 1]?.sentence ?? -1]?.paragraph;
  for (let k = from; k < Math.min(tokens.length, from + 14); k++) {
    const t = tokens[k] as Token;
    if (doc.sentences[t.sentence]?.paragraph !== paragraph) return undefined;
    if (
      t.text === "." ||
      t.text === "!" ||
      t.text === "?" ||
      t.text === '"' ||
      /^[\u201c\u201d]$/.test(doc.text[t.start] ?? "")
    ) {
      if (k > from) return undefined;
      continue;
    }
    if (SPEECH_VERBS.has(t.key) && !doc.insideQuote(t.start)) return k;
  }
  return undefined;
}

function speechVerbBefore(doc: Doc, first: number): boolean {
  const { tokens } = doc;
  const sentence = doc.sentences[(tokens[first] as Token | undefined)?.sentence ?? -1];
  if (!sentence) return false;
  for (let k = first - 1; k >= sentence.first; k--)
    if (SPEECH_VERBS.has((tokens[k] as Token).key)) return true;
  return false;
}
