import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addStance } from "../../src/resolve/added-stances.ts";
import { positions } from "../../src/resolve/positions.ts";
import { decide, listForReview } from "../../src/resolve/review.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, type TestStore, testStore } from "../helpers/backends.ts";
import { ROOT } from "../helpers/cli.ts";
import { ingestPaths } from "../helpers/ingest.ts";

const DOC = "2008-02-19-first-recognitions";

describe.each(BACKENDS)("a stance the machine missed, added by a reviewer (%s)", (backend) => {
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

  it("counts like any reviewed evidence, with its passage, its article and who added it", async () => {
    const text = (
      await store.db.selectFrom("documents").select("text").where("id", "=", DOC).executeTakeFirstOrThrow()
    ).text;
    const start = text.indexOf("Tanzania");
    expect((await positions(store.db, "kosovo-independence")).some((p) => p.actor.id === "state:TZA")).toBe(
      false,
    );
    const row = await addStance(
      store.db,
      {
        document: DOC,
        start,
        end: start + "Tanzania".length,
        issue: "independence of Kosovo",
        actor: "Tanzania",
        stance: "neutral",
      },
      { reviewer: "ana", reason: "the host of the visit took no side" },
    );
    expect(row).toMatchObject({ reviewer: "ana", item_kind: "stance-added", action: "add" });
    const tanzania = (await positions(store.db, "kosovo-independence")).find(
      (p) => p.actor.id === "state:TZA",
    );
    expect(tanzania).toMatchObject({ stance: "neutral", since: "2008-02-19", counts: { neutral: 1 } });
    expect(tanzania?.evidence).toEqual([
      expect.objectContaining({
        kind: "report",
        document: DOC,
        text: ["Tanzania"],
        review: "accepted",
        rule: "review:added by ana",
      }),
    ]);
  });

  it("refuses an unknown document, a passage outside the text, an unknown actor or issue, a missing reviewer", async () => {
    const base = {
      document: DOC,
      start: 0,
      end: 5,
      issue: "kosovo-independence",
      actor: "Serbia",
      stance: "oppose" as const,
    };
    const by = { reviewer: "ana" };
    await expect(addStance(store.db, { ...base, document: "nope" }, by)).rejects.toThrow(
      /no such document: nope/,
    );
    await expect(addStance(store.db, { ...base, end: 100_000 }, by)).rejects.toThrow(/not a passage of/);
    await expect(addStance(store.db, { ...base, actor: "Atlantis" }, by)).rejects.toThrow(
      /unknown actor: Atlantis/,
    );
    await expect(addStance(store.db, { ...base, issue: "independence of Atlantis" }, by)).rejects.toThrow(
      /unknown issue/,
    );
    await expect(addStance(store.db, base, { reviewer: "" })).rejects.toThrow(/reviewer/);
  });

  it("is reviewed like the machine's stances: listed, edited, rejected and brought back", async () => {
    const text = (
      await store.db.selectFrom("documents").select("text").where("id", "=", DOC).executeTakeFirstOrThrow()
    ).text;
    const start = text.indexOf("Bush");
    const row = await addStance(
      store.db,
      {
        document: DOC,
        start,
        end: start + 4,
        issue: "kosovo-independence",
        actor: "Egypt",
        stance: "support",
      },
      { reviewer: "ana" },
    );
    const egypt = async () =>
      (await positions(store.db, "kosovo-independence")).find((p) => p.actor.id === "state:EGY");
    const listed = await listForReview(store.db, { kind: "stance", status: "accepted", limit: 500 });
    expect(listed.find((i) => i.id === row.id)).toMatchObject({
      status: "accepted",
      rule: "review:added by ana",
      values: { actor: "state:EGY", stance: "support", issue: "kosovo-independence" },
      text: "Bush",
    });
    expect(
      (await listForReview(store.db, { status: "unreviewed", limit: 500 })).map((i) => i.id),
    ).not.toContain(row.id);

    await decide(store.db, [row.id], { action: "edit", reviewer: "ben", edits: { stance: "oppose" } });
    expect(await egypt()).toMatchObject({ stance: "oppose" });
    expect((await egypt())?.evidence).toEqual([
      expect.objectContaining({ review: "edited", text: ["Bush"] }),
    ]);
    const edited = (await listForReview(store.db, { status: "edited", limit: 500 })).find(
      (i) => i.id === row.id,
    );
    expect(edited).toMatchObject({
      values: { stance: "oppose" },
      machine: { stance: "support" },
      reviewed_by: "ben",
    });

    await decide(store.db, [row.id], {
      action: "reject",
      reviewer: "ben",
      reason: "Egypt is not named here",
    });
    expect(await egypt()).toBeUndefined();
    expect((await listForReview(store.db, { status: "rejected", limit: 500 })).map((i) => i.id)).toContain(
      row.id,
    );

    await decide(store.db, [row.id], { action: "accept", reviewer: "ana" });
    expect(await egypt()).toMatchObject({ stance: "oppose" });
  });
});
