import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { requirement } from "./requirement.ts";

/** ../shared beside the project: the seed articles and their gold labels, when present. */
export const SHARED = fileURLToPath(new URL("../../../shared", import.meta.url));
export const SEEDS = `${SHARED}/fixtures/seeds`;
export const HAVE_SEEDS = requirement(
  SEEDS,
  existsSync(SEEDS) ? undefined : "absent",
  "the tests on the seed articles",
);
