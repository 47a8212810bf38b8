import { keyOf } from "../world/fold.ts";

/** The first letter of each word of a name, folded: two spellings of one name share them. */
export function initialsOf(name: string): string {
  return keyOf(name)
    .split(" ")
    .filter(Boolean)
    .map((w) => w[0])
    .join("");
}
