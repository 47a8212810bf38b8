import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMerges, mergeActors, unmergeActor } from "../../src/resolve/merges.ts";
import { findQuotes } from "../../src/resolve/quotes.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { articlesFile, ingestPaths } from "../helpers/ingest.ts";

/** One man under two names the machine cannot tell are his, in two reports. */
const ARTICLES = [
  {
    id: "one",
    published: "1999-06-10",
    text: 'WASHINGTON — "Kosovo will be free," President Bill Clinton said on Thursday.',
  },
  {
    id: "two",
    published: "1999-06-11",
    text: 'WASHINGTON — "We back the settlement for Kosovo," President William Jefferson Clinton said on Friday.',
  },
];

describe.each(BACKENDS)("merging two actors (%s)", (backend) => {
  let place: TestStore;
  let store: Store;
  beforeAll(async () => {
    place = testStore(backend);
    store = await place.open();
    await ingestPaths(store, [articlesFile(ARTICLES)], { issue: ["independence of Kosovo"] });
  });
  afterAll(async () => {
    await store.close();
    await place.dispose();
  });
  const spoken = async (speaker: string) =>
    (await findQuotes({ db: store.db, backend: store.backend }, { speaker })).map((q) => q.document).sort();

  it("counts one actor's quotes for the other, logs who and why, and undoes it", async () => {
    expect(await spoken("Bill Clinton")).toEqual(["one"]);
    const merge = await mergeActors(
      store.db,
      { from: "William Jefferson Clinton", into: "Bill Clinton" },
      { reviewer: "ana", reason: "one president, two names" },
    );
    expect(merge).toMatchObject({ reviewer: "ana", into: "person:bill-clinton", undone: null });
    expect(await spoken("Bill Clinton")).toEqual(["one", "two"]);
    await unmergeActor(store.db, merge.from, { reviewer: "bo" });
    expect(await spoken("Bill Clinton")).toEqual(["one"]);
    const log = await listMerges(store.db);
    expect(log.map((m) => [m.from, m.reviewer, m.reason, m.undone?.reviewer])).toEqual([
      [merge.from, "ana", "one president, two names", "bo"],
    ]);
  });

  it("refuses a merge across kinds, of an actor with itself, without a reviewer, and an undo with nothing to undo", async () => {
    await expect(
      mergeActors(store.db, { from: "Bill Clinton", into: "Kosovo" }, { reviewer: "ana" }),
    ).rejects.toThrow(/is a person and state:XKX a state/);
    await expect(
      mergeActors(store.db, { from: "Bill Clinton", into: "person:bill-clinton" }, { reviewer: "ana" }),
    ).rejects.toThrow(/already one actor/);
    await expect(
      mergeActors(store.db, { from: "William Jefferson Clinton", into: "Bill Clinton" }, { reviewer: " " }),
    ).rejects.toThrow(/reviewer/);
    await expect(unmergeActor(store.db, "person:bill-clinton", { reviewer: "ana" })).rejects.toThrow(
      /no merge holds/,
    );
  });
});
