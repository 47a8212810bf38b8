import type { Command } from "commander";
import type { Codebook } from "../codebooks/codebook.ts";
import type { Store } from "../store/open.ts";

/** `--issue` of the query commands: a stored codebook's id or the free text it came from. */
export function addIssueOption(command: Command, required = true): Command {
  const description = 'the issue: a codebook id or its free text ("independence of Kosovo")';
  return required
    ? command.requiredOption("--issue <id-or-text>", description)
    : command.option("--issue <id-or-text>", description);
}

export async function issueOf(store: Store, text: string): Promise<Codebook> {
  const { findIssue } = await import("../store/codebooks.ts");
  return findIssue(store.db, text);
}
