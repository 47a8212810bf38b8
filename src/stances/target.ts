import type { Doc } from "../extract/doc.ts";
import type { CompiledCodebook } from "./compile.ts";

function targetAt(doc: Doc, book: CompiledCodebook, k: number): boolean {
  return book.targetKeys.some((seq) => seq.every((w, i) => doc.tokens[k + i]?.key === w));
}

/** How many times a text names the target. */
export function targetMentions(doc: Doc, book: CompiledCodebook): number {
  let n = 0;
  for (let k = 0; k < doc.tokens.length; k++) if (targetAt(doc, book, k)) n++;
  return n;
}

/** Whether tokens first … last-1 name the target. */
export function mentionsTarget(doc: Doc, book: CompiledCodebook, first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (targetAt(doc, book, k)) return true;
  return false;
}

/** The tokens where a name of the target starts. */
export function targetStarts(doc: Doc, book: CompiledCodebook): number[] {
  const out: number[] = [];
  for (let k = 0; k < doc.tokens.length; k++) if (targetAt(doc, book, k)) out.push(k);
  return out;
}
