import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addStance } from "../../src/resolve/added-stances.ts";
import { positions } from "../../src/resolve/positions.ts";
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
});
