import type { Codebook } from "../codebooks/codebook.ts";
import { resolveCodebooks } from "../codebooks/resolve.ts";
import { listCodebooks, saveCodebooks } from "../store/codebooks.ts";
import type { Store } from "../store/open.ts";

/**
 * The codebooks an ingest or extraction works with. `--codebook` and `--issue` name them (and
 * are stored for later); with neither, those already stored, and the issues each text is found
 * to be about (`detect`).
 */
export async function chooseCodebooks(
  store: Store,
  options: { issue?: string[]; codebook?: string[] },
): Promise<{ books: Codebook[]; detect: boolean; added: Codebook[] }> {
  const stored = await listCodebooks(store.db);
  if (!options.issue?.length && !options.codebook?.length) return { books: stored, detect: true, added: [] };
  const books = resolveCodebooks(options, stored);
  const added = books.filter((b) => !stored.some((s) => s.id === b.id));
  await saveCodebooks(store.db, books);
  return { books, detect: false, added };
}
