import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addQuote } from "../../src/resolve/added-quotes.ts";
import { documentView } from "../../src/resolve/document.ts";
import { findQuotes } from "../../src/resolve/quotes.ts";
import { decide, listForReview } from "../../src/resolve/review.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { ROOT } from "../helpers/cli.ts";
import { ingestPaths } from "../helpers/ingest.ts";

const DOC = "2008-02-19-first-recognitions";

describe.each(BACKENDS)("a quote the machine missed, added by a reviewer (%s)", (backend) => {
  let place: TestStore;
  let store: Store;
  beforeAll(async () => {
    place = testStore(backend);
    store = await place.open();
    await ingestPaths(store, [join(ROOT, "examples", "articles")]);
  });
  afterAll(async () => {
    await store.close();
    await place.dispose();
  });

  it("is listed with the machine's quotes, found by its speaker, issue, outlet and words, and shown in its document", async () => {
    const text = (
      await store.db.selectFrom("documents").select("text").where("id", "=", DOC).executeTakeFirstOrThrow()
    ).text;
    const start = text.indexOf("Speaking during a visit");
    const end = start + "Speaking during a visit to Tanzania".length;
    const row = await addQuote(
      store.db,
      {
        document: DOC,
        start,
        end,
        speaker: "George W. Bush",
        kind: "indirect",
        issue: "kosovo-independence",
      },
      { reviewer: "ana", reason: "test" },
    );
    const source = { db: store.db, backend: store.backend };
    const bySpeaker = await findQuotes(source, { speaker: "George W. Bush" });
    expect(bySpeaker.map((q) => q.id)).toContain(row.id);
    const found = bySpeaker.find((q) => q.id === row.id);
    expect(found).toMatchObject({
      document: DOC,
      kind: "indirect",
      outlet: "Continental Post",
      rule: "review:added by ana",
    });
    expect(
      (await findQuotes(source, { issue: "kosovo-independence", search: "Tanzania visit" })).map((q) => q.id),
    ).toContain(row.id);
    expect((await findQuotes(source, { speaker: "Vladimir Putin" })).map((q) => q.id)).not.toContain(row.id);
    const view = await documentView(store.db, DOC);
    expect(view?.quotes.find((q) => q.id === row.id)).toMatchObject({
      start,
      end,
      speaker_name: "George W. Bush",
    });
  });

  it("refuses an unknown speaker and a passage outside the text", async () => {
    const base = { document: DOC, start: 0, end: 5, speaker: "George W. Bush", kind: "direct" as const };
    await expect(
      addQuote(store.db, { ...base, speaker: "Nobody Atall" }, { reviewer: "ana" }),
    ).rejects.toThrow(/unknown actor/);
    await expect(addQuote(store.db, { ...base, end: 100_000 }, { reviewer: "ana" })).rejects.toThrow(
      /not a passage of/,
    );
  });

  it("is reviewed like the machine's quotes: its speaker edited, then rejected everywhere", async () => {
    const text = (
      await store.db.selectFrom("documents").select("text").where("id", "=", DOC).executeTakeFirstOrThrow()
    ).text;
    const start = text.indexOf("Tanzania");
    const row = await addQuote(
      store.db,
      { document: DOC, start, end: start + "Tanzania".length, speaker: "George W. Bush", kind: "direct" },
      { reviewer: "ana" },
    );
    const source = { db: store.db, backend: store.backend };
    await decide(store.db, [row.id], {
      action: "edit",
      reviewer: "ben",
      edits: { speaker: "Vladimir Putin" },
    });
    expect((await findQuotes(source, { speaker: "Vladimir Putin" })).map((q) => q.id)).toContain(row.id);
    expect((await findQuotes(source, { speaker: "George W. Bush" })).map((q) => q.id)).not.toContain(row.id);
    const listed = (await listForReview(store.db, { kind: "quote", status: "edited" })).find(
      (i) => i.id === row.id,
    );
    expect(listed).toMatchObject({ kind: "quote", rule: "review:added by ana", text: "Tanzania" });

    await decide(store.db, [row.id], { action: "reject", reviewer: "ben" });
    expect((await findQuotes(source, { speaker: "Vladimir Putin" })).map((q) => q.id)).not.toContain(row.id);
    expect((await documentView(store.db, DOC))?.quotes.map((q) => q.id)).not.toContain(row.id);
  });
});
