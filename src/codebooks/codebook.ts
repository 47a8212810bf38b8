import { readFileSync } from "node:fs";
import { z } from "zod";
import { StandpointError } from "../errors.ts";

const patterns = z.array(
  z
    .string()
    .min(1, "a pattern may not be empty")
    .refine(
      (p) => !/[([][^)\]]*\{/.test(p),
      "a slot such as {P} may not stand inside ( ) or [ ]: write two patterns",
    ),
);

/** A codebook as a user writes it: an issue, its target, and cue patterns for each stance. */
export const CodebookSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens"),
  label: z.string().min(1),
  /** The target's names: the entity whose independence or status is disputed. */
  target: z.array(z.string().min(1)).min(1),
  /** The states the target would leave, for "territorial integrity of …" cues. */
  parent: z.array(z.string().min(1)).default([]),
  /** The state that annexes or claims the target, for "recognise Israel's sovereignty over …" cues. */
  by: z.array(z.string().min(1)).default([]),
  /** The body the target would join, for "Kosovo's bid to join UNESCO" cues. */
  body: z.array(z.string().min(1)).default([]),
  /** Phrases that name the disputed proposition: "{T}'s independence", "the declaration". */
  propositions: patterns.min(1),
  support: patterns,
  oppose: patterns,
  neutral: patterns.default([]),
  negators: z.array(z.string()).default([]),
  /** Phrases that describe an actor by its side: "pro-independence party", "unionist leader". */
  descriptors: z
    .object({ support: patterns.default([]), oppose: patterns.default([]) })
    .default({ support: [], oppose: [] }),
  /** Words that undo the act named after them: "withdrew its recognition", "revocation of". */
  reversals: z.array(z.string()).default([]),
  hedges: z.array(z.string()).default([]),
  conditionals: z.array(z.string()).default([]),
  /**
   * Recorded decisions that bear on the issue beyond those standpoint knows (data/records/
   * resolutions.json): a vote on `symbol` is a position (`stance`) or a question of its own
   * (`own-issue`, compared in `standpoint check` as a lean only); `yes` is the stance a yes shows.
   */
  records: z
    .object({
      votes: z
        .array(
          z.object({
            symbol: z.string().min(1),
            bears: z.enum(["stance", "own-issue"]),
            yes: z.enum(["support", "oppose"]),
            note: z.string().default(""),
          }),
        )
        .default([]),
    })
    .default({ votes: [] }),
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
