import { describe, expect, it } from "vitest";
import type { Article } from "../../src/ingest/article.ts";
import { saveArticle, saveBatch } from "../../src/ingest/save.ts";
import { countDocuments, getDocument, getDuplicate, listDocuments } from "../../src/store/documents.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, storePerTest, type TestStore, testStore } from "../helpers/backends.ts";

const STORY = [
  "The Security Council ended an emergency meeting on Kosovo on Monday without taking any decision,",
  "with Russia and China opposing the declaration of independence and the United States, Britain and",
  "France backing it. Serbian President Boris Tadic asked the members to declare the act null and void",
  "and said that Serbia would never accept an independent Kosovo. The Secretary-General said the mission",
  "would go on working under Resolution 1244 and urged all sides to refrain from violence in the days ahead.",
].join(" ");

function article(id: string, text: string, meta: Article["meta"] = {}): Article {
  return {
    id,
    text,
    format: "text",
    source: `${id}.txt`,
    meta: { id, ...meta },
    provenance: {},
    extra: {},
    warnings: [],
  };
}

describe.each(BACKENDS)("storing documents on %s", (backend) => {
  let place: TestStore;
  let store: Store;
  storePerTest(backend, (opened, where) => {
    store = opened;
    place = where;
  });

  it("adds a document once and finds the same again unchanged", async () => {
    expect(
      await saveArticle(store.db, article("a", STORY, { outlet: "Wire", published: "2008-02" })),
    ).toEqual({ status: "added", id: "a" });
    expect(
      await saveArticle(store.db, article("a", STORY, { outlet: "Wire", published: "2008-02" })),
    ).toEqual({ status: "unchanged", id: "a" });
    const doc = await getDocument(store.db, "a");
    expect(doc).toMatchObject({
      text: STORY,
      chars: STORY.length,
      outlet: "Wire",
      published: "2008-02",
      format: "text",
    });
    expect(await countDocuments(store.db)).toEqual({ documents: 1, duplicates: 0 });
  });

  it("replaces a document whose text or metadata changed, and what was derived from it", async () => {
    await saveArticle(store.db, article("a", STORY));
    const bandsBefore = await store.db
      .selectFrom("document_bands")
      .selectAll()
      .where("document_id", "=", "a")
      .execute();
    expect(bandsBefore.length).toBeGreaterThan(0);
    const changed = STORY.replace("Monday", "Tuesday")
      .replace("violence", "provocation")
      .replace("Secretary-General", "chief");
    expect((await saveArticle(store.db, article("a", changed))).status).toBe("replaced");
    expect((await getDocument(store.db, "a"))?.text).toBe(changed);
    const bandsAfter = await store.db
      .selectFrom("document_bands")
      .select("band")
      .where("document_id", "=", "a")
      .execute();
    expect(bandsAfter.map((b) => b.band).sort()).not.toEqual(bandsBefore.map((b) => b.band).sort());
    expect((await saveArticle(store.db, article("a", changed, { title: "New title" }))).status).toBe(
      "replaced",
    );
    expect((await getDocument(store.db, "a"))?.title).toBe("New title");
    expect(await countDocuments(store.db)).toEqual({ documents: 1, duplicates: 0 });
  });

  it("records the same text under another id as a duplicate, not a second document", async () => {
    await saveArticle(store.db, article("a", STORY));
    expect(await saveArticle(store.db, article("b", STORY, { outlet: "Other" }))).toEqual({
      status: "duplicate",
      id: "b",
      duplicateOf: "a",
    });
    expect(await saveArticle(store.db, article("b", STORY, { outlet: "Other" }))).toMatchObject({
      status: "unchanged",
      duplicateOf: "a",
    });
    expect(await countDocuments(store.db)).toEqual({ documents: 1, duplicates: 1 });
    expect(await getDuplicate(store.db, "b")).toMatchObject({ duplicate_of: "a", outlet: "Other" });
  });

  it("keeps the old text when the first of two copies changes: the duplicate becomes a document", async () => {
    await saveArticle(store.db, article("a", STORY));
    await saveArticle(store.db, article("b", STORY, { outlet: "B" }));
    await saveArticle(store.db, article("c", STORY, { outlet: "C" }));
    const changed = `${STORY} A late paragraph was added to this version of the report.`;
    expect((await saveArticle(store.db, article("a", changed))).status).toBe("replaced");
    expect(await getDocument(store.db, "b")).toMatchObject({ text: STORY, outlet: "B" });
    expect(await getDuplicate(store.db, "c")).toMatchObject({ duplicate_of: "b" });
    expect(await countDocuments(store.db)).toEqual({ documents: 2, duplicates: 1 });
  });

  it("groups a syndicated near-copy under the first document and regroups when that changes", async () => {
    await saveArticle(store.db, article("wire", STORY));
    const copy = STORY.replace("refrain from violence in the days ahead.", "refrain from violence.");
    expect(await saveArticle(store.db, article("copy", copy))).toEqual({
      status: "added",
      id: "copy",
      nearCopyOf: "wire",
    });
    const other = "Russia said the talks should continue. ".repeat(20);
    expect(await saveArticle(store.db, article("other", other))).toEqual({ status: "added", id: "other" });
    const docs = await listDocuments(store.db);
    expect(docs.find((d) => d.id === "copy")?.near_copy_of).toBe("wire");
    await saveArticle(store.db, article("wire", other.replace("Russia", "China")));
    expect((await getDocument(store.db, "copy"))?.near_copy_of).toBeNull();
  });

  it("makes a new text under a former duplicate's id a document of its own", async () => {
    await saveArticle(store.db, article("a", STORY));
    await saveArticle(store.db, article("b", STORY));
    const own = `${STORY} This outlet added its own closing paragraph about the reactions in Belgrade.`;
    expect((await saveArticle(store.db, article("b", own))).status).toBe("replaced");
    expect(await countDocuments(store.db)).toEqual({ documents: 2, duplicates: 0 });
  });

  it("stores a batch as it stores its articles one at a time: copies within it, and heirs", async () => {
    const changed = `${STORY} A late paragraph was added to this version of the report.`;
    const other = "Russia said the talks should continue. ".repeat(20);
    // Each batch is one that an error would not send back to one transaction an article.
    const batches = [
      [article("x", other), article("y", other), article("a", STORY), article("b", STORY, { outlet: "B" })],
      [article("a", changed), article("c", STORY, { outlet: "C" })],
    ];
    const snapshot = async (db: Store["db"]) => ({
      documents: (
        await db.selectFrom("documents").select(["id", "hash", "outlet"]).orderBy("id").execute()
      ).map((d) => `${d.id} ${d.hash.slice(0, 8)} ${d.outlet}`),
      duplicates: (
        await db.selectFrom("duplicates").select(["id", "duplicate_of"]).orderBy("id").execute()
      ).map((d) => `${d.id} of ${d.duplicate_of}`),
    });
    const one = [];
    for (const a of batches.flat()) one.push(await saveArticle(store.db, a));
    expect(one.map((r) => r.status)).toEqual([
      "added",
      "duplicate",
      "added",
      "duplicate",
      "replaced",
      "duplicate",
    ]);
    const expected = await snapshot(store.db);
    const place = testStore(backend);
    const fresh = await place.open();
    try {
      const together = [];
      for (const batch of batches) together.push(...(await saveBatch(fresh.db, batch)));
      expect(together).toEqual(one);
      expect(await snapshot(fresh.db)).toEqual(expected);
    } finally {
      await fresh.close();
      await place.dispose();
    }
  });

  it("opens an existing store again without migrating twice", async () => {
    await saveArticle(store.db, article("a", STORY));
    const again = await place.open();
    expect(await countDocuments(again.db)).toEqual({ documents: 1, duplicates: 0 });
    await again.close();
  });
});
