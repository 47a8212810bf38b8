/**
 * Training pairs from the real-news labels: each (actor, sentence) pair of a labelled article on an
 * issue the labels name, marked with the stance the labels give it where the sentence holds the
 * label's evidence, and as no stance where the article labels none for that actor. Pairs of an
 * actor whose stance the labels put in another sentence are left out: they show nothing either way.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Analysis, analyse } from "../src/pipeline/document.ts";
import { candidates } from "../src/stances/learned/features.ts";
import type { Example } from "../src/stances/learned/train.ts";
import { fold } from "../src/world/fold.ts";

export interface GoldStance {
  actor: string;
  issue: string;
  stance: "support" | "oppose" | "neutral";
  key: string;
}

export interface Article {
  id: string;
  dispute: string;
  text: string;
  published: string | null;
  outlet: string | null;
  stances: GoldStance[];
  line: Record<string, unknown>;
}

const root = fileURLToPath(new URL("..", import.meta.url));
export const REALNEWS = join(root, "bench", "realnews");

/** The labelled articles of the given disputes whose texts are in `textsDir`, with the texts. */
export function loadArticles(
  textsDir: string,
  disputes: string[],
): { articles: Article[]; missing: string[] } {
  const articles: Article[] = [];
  const missing: string[] = [];
  for (const line of readFileSync(join(REALNEWS, "gold.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const g = JSON.parse(line) as Record<string, unknown> & Omit<Article, "text" | "line">;
    if (!disputes.includes(g.dispute)) continue;
    const path = join(textsDir, `${g.id}.txt`);
    if (!existsSync(path)) {
      missing.push(g.id);
      continue;
    }
    articles.push({
      id: g.id,
      dispute: g.dispute,
      text: readFileSync(path, "utf8"),
      published: g.published ?? null,
      outlet: g.outlet ?? null,
      stances: g.stances ?? [],
      line: g,
    });
  }
  return { articles, missing };
}

export function splitDisputes(name: string): string[] {
  const splits = JSON.parse(readFileSync(join(REALNEWS, "splits.json"), "utf8")) as Record<string, string[]>;
  return splits[name] ?? [];
}

/** An article read by the rules alone: what the model is trained beside. */
export function analyseArticle(article: Article): Analysis {
  return analyse(
    { id: article.id, text: article.text, published: article.published, outlet: article.outlet },
    { model: null },
  );
}

/** The labelled pairs of one article. */
export function examplesOf(article: Article, analysis: Analysis): Example[] {
  const { doc, books, found } = analysis;
  const out: Example[] = [];
  const folded = fold(article.text).replace(/\s+/g, " ");
  for (const book of books) {
    const golds = article.stances.filter((g) => issueMatches(g.issue, book.codebook.id));
    if (!golds.length) continue;
    const ruled = found.stances.filter((s) => s.issue === book.codebook.id);
    for (const c of candidates(
      doc,
      book,
      ruled,
      found.unheld.filter((u) => u.issue === book.codebook.id),
    )) {
      const names = [c.actor, c.entity, ...(c.via !== undefined ? [c.via] : [])].flatMap((e) => {
        const entity = doc.entities.get(e);
        return [entity.name, ...entity.aliases];
      });
      const theirs = golds.filter((g) => nameMatches(g.actor, names));
      if (!theirs.length) {
        out.push({ features: c.features, label: 0 });
        continue;
      }
      const sentence = doc.sentences[c.sentence] as { start: number; end: number };
      const shown = theirs.find((g) => g.stance !== "neutral" && keyIn(doc.text, folded, g.key, sentence));
      if (shown) out.push({ features: c.features, label: shown.stance === "support" ? 1 : 2 });
    }
  }
  return out;
}

/** Whether the label's evidence starts inside the sentence. */
function keyIn(text: string, folded: string, key: string, sentence: { start: number; end: number }): boolean {
  const piece = fold(text.slice(sentence.start, sentence.end)).replace(/\s+/g, " ");
  const k = fold(key).replace(/\s+/g, " ");
  return folded.includes(k) && (piece.includes(k) || piece.includes(k.slice(0, Math.min(k.length, 24))));
}

/** Issues match when they share two words (or all, for shorter names), as the scorer matches them. */
export function issueMatches(gold: string, predicted: string): boolean {
  const words = (s: string) =>
    new Set(
      fold(s)
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length > 2),
    );
  const g = words(gold);
  const p = [...words(predicted)];
  let shared = 0;
  for (const w of g) if (p.some((x) => x === w || x.startsWith(w.slice(0, 6)))) shared++;
  return shared >= Math.min(2, g.size);
}

/** A label's actor is one of these names: the same once folded, or a person's with the same surname. */
function nameMatches(gold: string, names: string[]): boolean {
  const g = fold(gold).toLowerCase().trim();
  const last = (s: string) => s.split(/\s+/).filter(Boolean).pop() ?? "";
  return names.some((n) => {
    const p = fold(n).toLowerCase().trim();
    return p === g || (g.includes(" ") && last(p) === last(g) && last(p).length > 2);
  });
}
