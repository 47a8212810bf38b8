import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { StandpointError } from "../errors.ts";
import { PACKAGE_ROOT } from "../paths.ts";
import { keyOf } from "../world/fold.ts";
import { phrasesStartingWith } from "../world/gazetteer.ts";
import { stateInfo } from "../world/states.ts";

const patterns = z.array(z.string().min(1, "a pattern may not be empty"));

/** A codebook as a user writes it: an issue, its target, and cue patterns for each stance. */
export const CodebookSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens"),
  label: z.string().min(1),
  /** The target's names: the entity whose independence or status is disputed. */
  target: z.array(z.string().min(1)).min(1),
  /** The states the target would leave, for "territorial integrity of …" cues. */
  parent: z.array(z.string().min(1)).default([]),
  /** Phrases that name the disputed proposition: "{T}'s independence", "the declaration". */
  propositions: patterns.min(1),
  support: patterns,
  oppose: patterns,
  neutral: patterns.default([]),
  negators: z.array(z.string()).default([]),
  hedges: z.array(z.string()).default([]),
  conditionals: z.array(z.string()).default([]),
  /** The free text this codebook was made from ("independence of Abkhazia"), if any. */
  source: z.string().optional(),
});
export type Codebook = z.infer<typeof CodebookSchema>;

/** Parses and checks a codebook; a problem names the file and the field. */
export function parseCodebook(data: unknown, where: string): Codebook {
  const result = CodebookSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "(top level)";
  throw new StandpointError("invalid", `field ${field}: ${issue?.message ?? "invalid"}`, where);
}

export function readCodebook(path: string): Codebook {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    throw new StandpointError("input", `cannot read codebook: ${(error as Error).message}`, path);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new StandpointError("input", `malformed JSON: ${(error as Error).message}`, path);
  }
  return parseCodebook(data, path);
}

interface Template {
  id: string;
  label: string;
  propositions: string[];
  support: string[];
  oppose: string[];
  neutral: string[];
  negators: string[];
  hedges: string[];
  conditionals: string[];
}

const TEMPLATE_PATH = join(PACKAGE_ROOT, "data", "codebooks", "independence.json");
let template: Template | undefined;

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
export function defaultCodebook(text: string): Codebook {
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
  template ??= JSON.parse(readFileSync(TEMPLATE_PATH, "utf8")) as Template;
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
