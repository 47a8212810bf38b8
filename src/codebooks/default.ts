import { readFileSync } from "node:fs";
import { StandpointError } from "../errors.ts";
import { dataPath } from "../paths.ts";
import { keyOf } from "../world/fold.ts";
import { phrasesStartingWith } from "../world/gazetteer.ts";
import { stateInfo } from "../world/states.ts";
import { type Codebook, parseCodebook } from "./codebook.ts";

interface Template {
  id: string;
  label: string;
  /** Phrases that show a text is about the template's issue for {T}. */
  about: string[];
  /** Phrases that show it only with an owner other than the state {T} belongs to: "Israel's sovereignty over {T}". */
  aboutOwned?: string[];
  /** Phrases that show it only for a {T} that is no state: "the separatist regions of {T}" name {T}'s regions. */
  aboutDisputed?: string[];
  propositions: string[];
  support: string[];
  oppose: string[];
  neutral: string[];
  negators: string[];
  hedges: string[];
  conditionals: string[];
}

/**
 * The kinds of dispute a default codebook covers, each with its template and the free text that
 * asks for it; the more specific first, as where two issues about one target read the same words
 * the first holds them.
 */
export const DISPUTE_KINDS = ["annexation", "independence"] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];

/** What free text asks about: "independence of Abkhazia", "Kosovo's independence", "annexation of Crimea by Russia". */
const FREE_TEXT: Record<DisputeKind, RegExp[]> = {
  independence: [
    /^(?:the\s+)?(?:independence|recognition|statehood|secession|status)\s+(?:of|for)\s+(.+)$/i,
    /^(.+?)(?:['’]s)?\s+(?:independence|recognition|statehood|secession)$/i,
  ],
  annexation: [
    /^(?:the\s+)?(?:annexation|incorporation)\s+of\s+(.+?)(?:\s+by\s+(.+))?$/i,
    /^(.+?)(?:['’]s)?\s+annexation(?:\s+by\s+(.+))?$/i,
  ],
};

const templatePath = (kind: DisputeKind) => dataPath("codebooks", `${kind}.json`);
const templates = new Map<DisputeKind, Template>();

function readTemplate(kind: DisputeKind): Template {
  let template = templates.get(kind);
  if (!template) {
    template = JSON.parse(readFileSync(templatePath(kind), "utf8")) as Template;
    templates.set(kind, template);
  }
  return template;
}

/** The phrases, with {T} for the target, that show a text is about a target's independence or annexation. */
export function aboutPatterns(kind: DisputeKind): Record<"about" | "owned" | "disputed", string[]> {
  const template = readTemplate(kind);
  return { about: template.about, owned: template.aboutOwned ?? [], disputed: template.aboutDisputed ?? [] };
}

/**
 * The default codebook for an independence, recognition or annexation dispute, with its target
 * named in free text: `--issue "independence of Abkhazia"`, `--issue "annexation of Crimea"`. The
 * target's other names, its adjective and the state it would leave or was taken from come from
 * the gazetteer.
 */
const made = new Map<string, Codebook>();

export function defaultCodebook(text: string): Codebook {
  const key = text.trim().toLowerCase();
  let book = made.get(key);
  if (!book) {
    book = makeDefaultCodebook(text);
    made.set(key, book);
  }
  return book;
}

/** The kind of dispute free text asks about, its target and, for an annexation, who annexes. */
function readFreeText(text: string): { kind: DisputeKind; target: string; by?: string } | undefined {
  for (const kind of DISPUTE_KINDS)
    for (const re of FREE_TEXT[kind]) {
      const m = re.exec(text.trim());
      const target = m?.[1]?.trim();
      if (target) return { kind, target, ...(m?.[2] ? { by: m[2].trim() } : {}) };
    }
  return undefined;
}

/** The gazetteer's state or place a name in free text names, if any. */
function placeNamed(name: string) {
  const key = keyOf(name.replace(/^the\s+/i, ""));
  return [...(phrasesStartingWith(key.split(" ")[0] ?? "") ?? [])].find(
    (p) => p.entry.kind === "state" && p.keys.join(" ") === key.replace(/'s\b/, " 's"),
  )?.entry;
}

const slugOf = (name: string) =>
  keyOf(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function makeDefaultCodebook(text: string): Codebook {
  const asked = readFreeText(text);
  if (!asked) {
    throw new StandpointError(
      "invalid",
      `not a codebook id or an issue standpoint can read: ${JSON.stringify(text)} (try "independence of Abkhazia" or "annexation of Crimea")`,
      "--issue",
    );
  }
  const { kind, target, by } = asked;
  const template = readTemplate(kind);
  const names = new Set([target.replace(/^the\s+/i, "")]);
  const parents = new Set<string>();
  const entry = placeNamed(target);
  if (entry) {
    names.add(entry.name);
    const parent = parentOf(entry.code);
    if (parent) parents.add(parent);
  }
  const name = entry?.name ?? target;
  // "annexation of Donetsk by Russia": the annexing state belongs to the issue's name.
  const annexer = by === undefined ? undefined : (placeNamed(by)?.name ?? by);
  const suffix = annexer === undefined ? "" : `-by-${slugOf(annexer)}`;
  // The schema drops the `about` phrases: they find issues, they are no part of a codebook.
  return parseCodebook(
    {
      ...template,
      id: template.id.replace("{slug}", slugOf(name)) + suffix,
      label: template.label.replace("{T}", name) + (annexer === undefined ? "" : ` by ${annexer}`),
      target: [...names],
      parent: [...parents],
      by: annexer === undefined ? [] : [annexer],
      source: text,
    },
    templatePath(kind),
  );
}

/** The state a disputed entity is claimed by or would leave (states.tsv, column parent). */
export function parentOf(code: string): string | undefined {
  const parent = stateInfo(code)?.parent;
  return parent ? stateInfo(parent)?.name : undefined;
}
