import { describe, expect, it } from "vitest";
import { storeContents } from "../../fuzz/contents.ts";
import { BACKENDS, testStore } from "../helpers/backends.ts";
import { articlesFile, ingestPaths, type TestArticle } from "../helpers/ingest.ts";

// Texts about several disputes, each naming others in passing: what one text is found to be
// about must not change what is read in another, whatever was ingested before it.
const ARTICLES: TestArticle[] = [
  {
    id: "k1",
    published: "2008-02-18",
    text: "BELGRADE — Serbia said on Monday it would never recognise Kosovo's independence. Britain recognised Kosovo's independence. Russia condemned the declaration of independence by Kosovo.",
  },
  {
    id: "a1",
    published: "2008-08-26",
    text: "MOSCOW — Russia recognised the independence of Abkhazia on Tuesday. Georgia condemned Russia's recognition of Abkhazia. Moscow said the West had opened the door when it backed Kosovo. Serbia said it opposed any recognition of Kosovo.",
  },
  {
    id: "c1",
    published: "2017-10-27",
    text: "MADRID — Spain rejected the declaration of independence by Catalonia. Belgium said it would not recognise Catalonia's independence. Officials in Madrid compared the vote with Kosovo and said Spain would never recognise Kosovo.",
  },
  {
    id: "w1",
    published: "2020-12-10",
    text: "RABAT — The United States recognised Moroccan sovereignty over Western Sahara. Algeria rejected the move. The Polisario Front said it backed the independence of Western Sahara, as it had once watched Abkhazia.",
  },
  {
    id: "k2",
    published: "2008-02-19",
    text: "PRISTINA — France recognised Kosovo's independence on Tuesday. Spain said it would not recognise Kosovo. Georgia, facing Abkhazia, said it opposed the independence of Kosovo.",
  },
];

async function ingestInParts(backend: "sqlite" | "postgres", parts: TestArticle[][]) {
  const place = testStore(backend);
  const store = await place.open();
  try {
    for (const part of parts) await ingestPaths(store, [articlesFile(part)]);
    return await storeContents(store);
  } finally {
    await store.close();
    await place.dispose();
  }
}

describe.each(BACKENDS)("ingesting a corpus in parts on %s", (backend) => {
  it("gives the store one ingest of the whole gives, for every split and every rerun", async () => {
    const whole = await ingestInParts(backend, [ARTICLES]);
    expect(whole.stances.length).toBeGreaterThan(5);
    expect(whole.books.every((b) => b.origin === "detected")).toBe(true);
    for (let cut = 1; cut < ARTICLES.length; cut++) {
      // Two successive ingests, and a run killed after `cut` documents then run again whole.
      expect(
        await ingestInParts(backend, [ARTICLES.slice(0, cut), ARTICLES.slice(cut)]),
        `split ${cut}`,
      ).toEqual(whole);
      expect(await ingestInParts(backend, [ARTICLES.slice(0, cut), ARTICLES]), `rerun ${cut}`).toEqual(whole);
    }
    const reversed = await ingestInParts(
      backend,
      [...ARTICLES].reverse().map((a) => [a]),
    );
    expect(reversed).toEqual(whole);
  }, 120_000);
});
