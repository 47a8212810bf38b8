import { readFileSync } from "node:fs";
import { StandpointError } from "../errors.ts";
import { dataPath, once } from "../paths.ts";
import { keyOf } from "../world/fold.ts";
import { phrasesStartingWith } from "../world/gazetteer.ts";
import { stateInfo } from "../world/states.ts";
import { type Codebook, parseCodebook } from "./codebook.ts";

interface Template {
  id: string;
  label: string;
  /** Phrases that show a text is about {T}'s independence. */
  about: string[];
  propositions: string[];
  support: string[];
  oppose: string[];
  neutral: string[];
  negators: string[];
  hedges: string[];
  conditionals: string[];
}

const TEMPLATE_PATH = dataPath("codebooks", "independence.json");
const readTemplate = once(() => JSON.parse(readFileSync(TEMPLATE_PATH, "utf8")) as Template);

/** The phrases, with {T} for the target, that show a text is about a target's independence. */
export function aboutPatterns(): string[] {
  return readTemplate().about;
}

/** What free text asks about: "independence of Abkhazia", "Kosovo's independence", "recognition of Palestine". */
const FREE_TEXT = [
  /^(?:the\s+)?(?:independence|recognition|statehood|secession|status)\s+(?:of|for)\s+(.+)$/i,
  /^(.+?)(?:['’]s)?\s+(?:independence|recognition|statehood|secession)$/i,
];

/**
 * The default codebook for an independence or recognition dispute, with its target named in free
 * text: `--issue "independence of Abkhazia"`. The target's other names, its adjective and the
 * state it would leave come from the gazetteer.
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

function makeDefaultCodebook(text: string): Codebook {
  const target = FREE_TEXT.map((re) => re.exec(text.trim())?.[1])
    .find(Boolean)
    ?.trim();
  if (!target) {
    throw new StandpointError(
      "invalid",
      `not a codebook id or an issue standpoint can read: ${JSON.stringify(text)} (try "independence of Abkhazia")`,
      "--issue",
    );
  }
  const template = readTemplate();
  const names = new Set([target.replace(/^the\s+/i, "")]);
  const parents = new Set<string>();
  const entry = [...(phrasesStartingWith(keyOf(target).split(" ")[0] ?? "") ?? [])].find(
    (p) => p.entry.kind === "state" && p.keys.join(" ") === keyOf(target).replace(/'s\b/, " 's"),
  )?.entry;
  if (entry) {
    names.add(entry.name);
    const parent = parentOf(entry.code);
    if (parent) parents.add(parent);
  }
  const name = entry?.name ?? target;
  const slug = keyOf(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  // The schema drops `about`: it finds issues, it is no part of a codebook.
  return parseCodebook(
    {
      ...template,
      id: template.id.replace("{slug}", slug),
      label: template.label.replace("{T}", name),
      target: [...names],
      parent: [...parents],
      source: text,
    },
    TEMPLATE_PATH,
  );
}

/** The state a disputed entity is claimed by or would leave (states.tsv, column parent). */
export function parentOf(code: string): string | undefined {
  const parent = stateInfo(code)?.parent;
  return parent ? stateInfo(parent)?.name : undefined;
}
