import { describe, expect, it } from "vitest";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, storePerTest } from "../helpers/backends.ts";
import { articlesFile, ingestPaths } from "../helpers/ingest.ts";

const first = {
  id: "belgrade",
  published: "2008-02-18",
  text: 'BELGRADE — Serbia will never recognise Kosovo\'s independence, Prime Minister Vojislav Kostunica said on Monday. "This false state will not stand," he said.',
};
const second = {
  id: "belgrade",
  published: "2008-02-19",
  text: 'MADRID — Spain will not recognise Kosovo, Foreign Minister Miguel Angel Moratinos said on Tuesday. "We will not recognise it," he said.',
};
const other = {
  id: "london",
  published: "2008-02-18",
  text: 'LONDON — Britain recognised Kosovo on Monday, Foreign Secretary David Miliband said. "Kosovo is a state," he said.',
};

describe.each(BACKENDS)("a batch's extracted rows, written as it ends (%s)", (backend) => {
  let store: Store;
  storePerTest(backend, (s) => {
    store = s;
  });
  const speakers = async () => [
    ...new Set(
      (
        await store.db
          .selectFrom("quotes")
          .innerJoin("actors", "actors.id", "quotes.speaker_id")
          .select(["quotes.document_id", "actors.name"])
          .orderBy("quotes.document_id")
          .orderBy("actors.name")
          .execute()
      ).map((r) => `${r.document_id}: ${r.name}`),
    ),
  ];
  const counts = async () => {
    const days = await store.db.selectFrom("stance_days").select(["actor_id", "stance", "n"]).execute();
    const stances = await store.db.selectFrom("stances").select(["actor_id", "stance"]).execute();
    return {
      days: days.filter((d) => Number(d.n) > 0).reduce((sum, d) => sum + Number(d.n), 0),
      stances: stances.length,
    };
  };

  it("keeps only the last text of an id given twice in one batch, its quotes and its counts", async () => {
    const results = await ingestPaths(store, [articlesFile([first, other, second])], {
      issue: ["independence of Kosovo"],
    });
    expect(results.map((r) => ("status" in r ? r.status : "error"))).toEqual(["added", "added", "replaced"]);
    expect(await speakers()).toEqual(["belgrade: Miguel Angel Moratinos", "london: David Miliband"]);
    const { days, stances } = await counts();
    expect(stances).toBeGreaterThan(0);
    expect(days).toBe(stances);
  });

  it("stores what an ingest of the articles one at a time stores", async () => {
    await ingestPaths(store, [articlesFile([first, other])], { issue: ["independence of Kosovo"] });
    const together = { speakers: await speakers(), counts: await counts() };
    for (const table of ["quotes", "stances", "stance_days", "mentions", "documents"] as const)
      await store.db.deleteFrom(table).execute();
    for (const article of [first, other])
      await ingestPaths(store, [articlesFile([article])], { issue: ["independence of Kosovo"] });
    expect({ speakers: await speakers(), counts: await counts() }).toEqual(together);
  });

  it("groups a near-copy with a document stored earlier in the same batch", async () => {
    const story =
      "The talks on the status of the province resumed on Monday in the capital, where the delegations met for six hours without agreement on any of the points raised by the mediators last week, and will meet again in ten days.";
    const results = await ingestPaths(store, [
      articlesFile([
        { id: "wire", text: story },
        { id: "reprint", text: `${story} More talks are planned.` },
      ]),
    ]);
    expect(results.map((r) => ("nearCopyOf" in r ? r.nearCopyOf : undefined))).toEqual([undefined, "wire"]);
  });
});
