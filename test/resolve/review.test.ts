import { describe, expect, it } from "vitest";
import { deriveWith } from "../../src/ingest/derive.ts";
import { rederive } from "../../src/ingest/save.ts";
import { positions } from "../../src/resolve/positions.ts";
import { findQuotes } from "../../src/resolve/quotes.ts";
import { decide, listForReview } from "../../src/resolve/review.ts";
import { compiled } from "../../src/stances/issues.ts";
import { listCodebooks } from "../../src/store/codebooks.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, storePerTest } from "../helpers/backends.ts";
import { articlesFile, ingestPaths } from "../helpers/ingest.ts";

const ISSUE = "kosovo-independence";
const ARTICLES = [
  {
    id: "council",
    outlet: "Wire One",
    published: "2008-02-18",
    text: "UNITED NATIONS — Britain recognised Kosovo's independence on Monday. China condemned Kosovo's declaration of independence. \"The Council has not said its last word,\" an Asian diplomat said.",
  },
];

describe.each(BACKENDS)("review on %s", (backend) => {
  let store: Store;
  storePerTest(
    backend,
    (opened) => {
      store = opened;
    },
    (opened) => ingestPaths(opened, [articlesFile(ARTICLES)], { issue: ["independence of Kosovo"] }),
  );

  const stanceOf = async (actor: string) =>
    (
      await store.db
        .selectFrom("stances")
        .select(["id", "key"])
        .where("actor_id", "=", actor)
        .executeTakeFirst()
    )?.id;
  const extractAgain = async () =>
    rederive(store.db, "council", deriveWith((await listCodebooks(store.db)).map(compiled), false));

  it("leaves a rejected stance out of positions, also after the text is extracted again", async () => {
    const id = (await stanceOf("state:CHN")) as string;
    await decide(store.db, [id], { action: "reject", reviewer: "ana", reason: "wrong state" });
    const ids = async () => (await positions(store.db, ISSUE)).map((p) => p.actor.id);
    expect(await ids()).not.toContain("state:CHN");
    await extractAgain();
    expect(await ids()).not.toContain("state:CHN");
    expect(await ids()).toContain("state:GBR");
    const rejected = await listForReview(store.db, { status: "rejected" });
    expect(rejected.map((r) => [r.id, r.reviewed_by, r.reason])).toEqual([[id, "ana", "wrong state"]]);
  });

  it("uses edited values first: a stance's direction and date, a quote's speaker", async () => {
    const id = (await stanceOf("state:GBR")) as string;
    await decide(store.db, [id], {
      action: "edit",
      reviewer: "ana",
      edits: { stance: "neutral", date: "2008-02-19" },
    });
    await extractAgain();
    const britain = (await positions(store.db, ISSUE)).find((p) => p.actor.id === "state:GBR");
    expect([britain?.stance, britain?.since, britain?.evidence[0]?.review]).toEqual([
      "neutral",
      "2008-02-19",
      "edited",
    ]);
    expect((await positions(store.db, ISSUE, { at: "2008-02-18" })).map((p) => p.actor.id)).not.toContain(
      "state:GBR",
    );

    const [quote] = await findQuotes(store, { search: "last word" });
    expect(quote?.speaker?.name).toBe("an Asian diplomat");
    await decide(store.db, [quote?.id as string], {
      action: "edit",
      reviewer: "ana",
      edits: { speaker: "Wang Guangya" },
    });
    await extractAgain();
    const found = await findQuotes(store, { speaker: "Wang Guangya" });
    expect(found.map((q) => [q.id, q.speaker?.name, q.review])).toEqual([
      [quote?.id, "Wang Guangya", "edited"],
    ]);
  });

  it("only appends to the log, checks everything before writing anything, and names what is wrong", async () => {
    const id = (await stanceOf("state:GBR")) as string;
    await decide(store.db, [id], { action: "accept", reviewer: "ana" });
    const first = await store.db.selectFrom("review_log").selectAll().execute();
    await expect(decide(store.db, [id, "s-nope"], { action: "reject", reviewer: "ana" })).rejects.toThrow(
      /no quote or stance with id s-nope/,
    );
    await expect(
      decide(store.db, [id], { action: "edit", reviewer: "ana", edits: { stance: "maybe" } }),
    ).rejects.toThrow(/not a stance: maybe/);
    await expect(
      decide(store.db, [id], { action: "edit", reviewer: "ana", edits: { date: "2008-02-30" } }),
    ).rejects.toThrow(/not a date: 2008-02-30/);
    await expect(
      decide(store.db, [id], { action: "edit", reviewer: "ana", edits: { speaker: "Someone" } }),
    ).rejects.toThrow(/a stance has no field speaker/);
    const quote = await store.db.selectFrom("quotes").select("id").executeTakeFirstOrThrow();
    await expect(
      decide(store.db, [quote.id], { action: "edit", reviewer: "ana", edits: { speaker: "   " } }),
    ).rejects.toThrow(/give a name/);
    expect(await store.db.selectFrom("review_log").selectAll().execute()).toEqual(first);
    await decide(store.db, [id], { action: "reject", reviewer: "ben" });
    const after = await store.db.selectFrom("review_log").selectAll().orderBy("at").orderBy("id").execute();
    expect(after.slice(0, first.length)).toEqual(first);
    expect(after).toHaveLength(first.length + 1);
  });

  it("keeps reading quotes and the review list past SQLite's 32,766 variables of rejected items", async () => {
    const quote = await store.db.selectFrom("quotes").select(["id", "key"]).executeTakeFirstOrThrow();
    await decide(store.db, [quote.id], { action: "reject", reviewer: "ana" });
    const rows = Array.from({ length: 33_000 }, (_, i) => ({
      id: `r-bulk-${i}`,
      at: "2026-01-01T00:00:00.000Z",
      reviewer: "bulk",
      item_kind: "quote",
      item_key: `gone|${i}|${i + 1}`,
      action: "reject",
      field: null,
      value: null,
      reason: null,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await store.db
        .insertInto("review_log")
        .values(rows.slice(i, i + 500))
        .execute();
    expect((await findQuotes(store, {})).map((q) => q.id)).not.toContain(quote.id);
    expect(await listForReview(store.db, { status: "unreviewed", kind: "quote" })).toEqual([]);
    const rejected = await listForReview(store.db, { status: "rejected", kind: "quote" });
    expect(rejected.map((r) => r.id)).toEqual([quote.id]);
  });
});
