import { readFileSync } from "node:fs";
import { StandpointError } from "../errors.ts";
import { dataPath } from "../paths.ts";
import { keyOf } from "../world/fold.ts";
import { lookupName, phrasesStartingWith } from "../world/gazetteer.ts";
import { organizationInfo } from "../world/organizations.ts";
import { stateInfo } from "../world/states.ts";
import { type Codebook, parseCodebook } from "./codebook.ts";
import { DISPUTE_KINDS, type DisputeKind } from "./kinds.ts";

interface Template {
  id: string;
  label: string;
  /** Phrases that show a text is about the template's issue for {T}. */
  about: string[];
  /** Phrases that show it only with an owner other than the state {T} belongs to: "Israel's sovereignty over {T}". */
  aboutOwned?: string[];
  /** Phrases that show it only for a {T} that is no state: "the separatist regions of {T}" name {T}'s regions. */
  aboutDisputed?: string[];
  /** Phrases ending in the state a place would join, which show its annexation by that state: "a referendum on joining {BY}". */
  aboutJoining?: string[];
  /** Words that, anywhere in a text, make a disputed place it names once the issue: "separatists". */
  aboutWords?: string[];
  /** Words that make a state's independence the issue of a text written as it won it: "independence". */
  aboutWinning?: string[];
  propositions: string[];
  support: string[];
  oppose: string[];
  neutral: string[];
  negators: string[];
  hedges: string[];
  conditionals: string[];
}

export { DISPUTE_KINDS, type DisputeKind };

/**
 * What free text asks about: "independence of Abkhazia", "Kosovo's independence", "annexation of
 * Crimea by Russia", "UNESCO membership of Kosovo", "membership of Palestine in the UN", "autonomy
 * of Corsica".
 */
const FREE_TEXT: Record<DisputeKind, RegExp[]> = {
  membership: [
    /^(?:the\s+)?(?:membership|admission)\s+of\s+(?<target>.+?)\s+(?:in|to|into|of)\s+(?:the\s+)?(?<body>.+)$/i,
    /^(?<target>.+?)(?:['’]s)?\s+(?:membership|admission)\s+(?:of|in|to|into)\s+(?:the\s+)?(?<body>.+)$/i,
    /^(?:the\s+)?(?<body>.+?)\s+membership\s+(?:of|for)\s+(?<target>.+)$/i,
  ],
  independence: [
    /^(?:the\s+)?(?:independence|recognition|statehood|secession|status)\s+(?:of|for)\s+(?<target>.+)$/i,
    /^(?<target>.+?)(?:['’]s)?\s+(?:independence|recognition|statehood|secession)$/i,
  ],
  autonomy: [
    /^(?:the\s+)?(?:autonomy|self-rule|autonomous status)\s+(?:of|for|in)\s+(?<target>.+)$/i,
    /^(?<target>.+?)(?:['’]s)?\s+(?:autonomy|self-rule)$/i,
  ],
  annexation: [
    /^(?:the\s+)?(?:annexation|incorporation)\s+of\s+(?<target>.+?)(?:\s+by\s+(?<by>.+))?$/i,
    /^(?<target>.+?)(?:['’]s)?\s+annexation(?:\s+by\s+(?<by>.+))?$/i,
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
export function aboutPatterns(
  kind: DisputeKind,
): Record<"about" | "owned" | "disputed" | "joining" | "words" | "winning", string[]> {
  const template = readTemplate(kind);
  return {
    about: template.about,
    owned: template.aboutOwned ?? [],
    disputed: template.aboutDisputed ?? [],
    joining: template.aboutJoining ?? [],
    words: template.aboutWords ?? [],
    winning: template.aboutWinning ?? [],
  };
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

/** The kind of dispute free text asks about, its target and, for an annexation, who annexes; for a membership, the body. */
function readFreeText(
  text: string,
): { kind: DisputeKind; target: string; by?: string; body?: string } | undefined {
  const read = DISPUTE_KINDS.flatMap((kind) =>
    FREE_TEXT[kind].flatMap((re) => {
      const groups = re.exec(text.trim())?.groups;
      const target = groups?.target?.trim();
      if (!target) return [];
      const by = groups?.by?.trim();
      const body = groups?.body?.trim();
      return [{ kind, target, ...(by ? { by } : {}), ...(body ? { body } : {}) }];
    }),
  );
  // "UNESCO membership of Kosovo" reads both ways: the body is the one the gazetteer knows.
  return read.find((r) => r.body === undefined || bodyNamed(r.body)) ?? read[0];
}

/** The gazetteer's body a name in free text names, if any: "the UN", "UNESCO". */
function bodyNamed(name: string) {
  const entry = lookupName(name);
  return entry?.kind === "organization" ? organizationInfo(entry.code) : undefined;
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
      `not a codebook id or an issue standpoint can read: ${JSON.stringify(text)} (try "independence of Abkhazia", "annexation of Crimea" or "UN membership of Palestine")`,
      "--issue",
    );
  }
  const { kind, target, by, body } = asked;
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
  // "membership of Kosovo in UNESCO": the body it would join, by the gazetteer's name.
  const org = body === undefined ? undefined : bodyNamed(body);
  const bodyName = org?.name ?? body ?? "";
  const bodySlug = org ? org.id.toLowerCase() : slugOf(bodyName);
  // The schema drops the `about` phrases: they find issues, they are no part of a codebook.
  return parseCodebook(
    {
      ...template,
      id: template.id.replace("{slug}", slugOf(name)).replace("{body}", bodySlug) + suffix,
      label:
        template.label.replace("{T}", name).replace("{ORG}", bodyName) +
        (annexer === undefined ? "" : ` by ${annexer}`),
      target: [...names],
      parent: [...parents],
      by: annexer === undefined ? [] : [annexer],
      body: body === undefined ? [] : [bodyName],
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
