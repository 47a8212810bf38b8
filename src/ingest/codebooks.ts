import type { Codebook } from "../codebooks/codebook.ts";
import { resolveCodebooks } from "../codebooks/resolve.ts";
import { listCodebooks, saveCodebooks } from "../store/codebooks.ts";
import type { Store } from "../store/open.ts";

/**
 * The codebooks an ingest or extraction works with. `--codebook` and `--issue` name them (and
 * are stored for later); with neither, those a user gave before, and the issues each text is
 * found to be about (`detect`). Issues detected in other texts are not applied: a text's
 * extraction then depends on the text and the user's choices only, never on what was ingested
 * before it, so a corpus ingested in parts, or again after a kill, gives the same store.
 */
export async function chooseCodebooks(
  store: Store,
  options: { issue?: string[]; codebook?: string[] },
): Promise<{ books: Codebook[]; detect: boolean; added: Codebook[] }> {
  if (!options.issue?.length && !options.codebook?.length)
    return { books: await listCodebooks(store.db, "given"), detect: true, added: [] };
  const stored = await listCodebooks(store.db);
  const books = resolveCodebooks(options, stored);
  const added = books.filter((b) => !stored.some((s) => s.id === b.id));
  await saveCodebooks(store.db, books);
  return { books, detect: false, added };
}
