/**
 * Every rule of extraction is named once: `named` refuses a second rule of the same id as the
 * modules defining them load, so an id `--explain` prints leads to exactly one rule.
 */

const IDS = new Set<string>();

/** A rule with its id, checked unique among all rules defined so far. */
export function named<T extends { readonly id: string } = { readonly id: string }>(
  id: string,
  rule?: Omit<T, "id">,
): T {
  if (IDS.has(id)) throw new Error(`two extraction rules are named ${id}`);
  IDS.add(id);
  return { ...rule, id } as T;
}

/** The ids of the rules defined so far. */
export function ruleIds(): ReadonlySet<string> {
  return IDS;
}
