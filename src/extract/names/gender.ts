import { COMMON_GIVEN_NAMES, GIVEN_NAMES } from "../lexicons.ts";
import type { Token } from "../types.ts";

/** The gender a given name implies, where the lexicons give one. */
export function genderOf(first: Token): "m" | "f" | undefined {
  const g = GIVEN_NAMES.get(first.key) ?? COMMON_GIVEN_NAMES.get(first.key);
  return g === "m" || g === "f" ? g : undefined;
}
