import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** ../shared beside the project: the seed articles and their gold labels, when present. */
export const SHARED = fileURLToPath(new URL("../../../shared", import.meta.url));
export const SEEDS = `${SHARED}/fixtures/seeds`;
export const HAVE_SEEDS = existsSync(SEEDS);
if (!HAVE_SEEDS) console.warn(`${SEEDS} is absent: tests on the seed articles are skipped`);
