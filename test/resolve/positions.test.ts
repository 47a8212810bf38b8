import { describe, expect, it } from "vitest";
import { deriveWith } from "../../src/ingest/derive.ts";
import { rederive } from "../../src/ingest/save.ts";
import { positions } from "../../src/resolve/positions.ts";
import { compiled } from "../../src/stances/issues.ts";
import { listCodebooks } from "../../src/store/codebooks.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, storePerTest } from "../helpers/backends.ts";
import { articlesFile, ingestPaths } from "../helpers/ingest.ts";
import { HAVE_SEEDS, SEEDS } from "../helpers/shared.ts";

const ISSUE = "kosovo-independence";

/** Three reports on Russia's position over time, the last with an envoy against his minister. */
const OVER_TIME = [
  {
    id: "ru-1",
    outlet: "Wire One",
    published: "2007-06-01",
    text: "MOSCOW — Russia said on Friday that it could accept Kosovo's independence if Belgrade agreed. Russian officials said the talks on Kosovo's status should go on.",
  },
  {
    id: "ru-2",
    outlet: "Wire Two",
    published: "2008-02-18",
    text: "MOSCOW — Russia condemned Kosovo's declaration of independence on Monday. Foreign Minister Sergei Lavrov said Moscow would never recognise the independence of Kosovo.",
  },
  {
    id: "ru-3",
    outlet: "Wire One",
    published: "2008-03-01",
    text: "UNITED NATIONS — Russian Ambassador Vitaly Churkin said on Saturday that Russia would recognise Kosovo's independence. Russian Foreign Minister Sergei Lavrov said on Saturday that Moscow would never recognise Kosovo.",
  },
];

describe.each(BACKENDS)("positions on %s", (backend) => {
  let store: Store;
  storePerTest(backend, (opened) => {
    store = opened;
  });

  it.skipIf(!HAVE_SEEDS)(
    "puts the Council's members where the seed articles put them on 18 February 2008",
    async () => {
      await ingestPaths(store, [SEEDS]);
      const list = await positions(store.db, ISSUE, { at: "2008-02-18" });
      const by = new Map(list.map((p) => [p.actor.id, p]));
      for (const code of ["USA", "GBR", "FRA"]) expect(by.get(`state:${code}`)?.stance).toBe("support");
      for (const code of ["RUS", "CHN", "VNM", "ZAF", "SRB", "BLR"])
        expect(by.get(`state:${code}`)?.stance).toBe("oppose");
      const texts = await store.db.selectFrom("documents").select(["id", "text"]).execute();
      const text = new Map(texts.map((t) => [t.id, t.text]));
      for (const p of list) {
        expect(p.evidence.length).toBeGreaterThan(0);
        for (const e of p.evidence)
          e.spans.forEach(([start, end], i) => {
            expect(text.get(e.document as string)?.slice(start, end)).toBe(e.text[i]);
          });
      }
    },
  );

  it("follows an actor's stance over time and shows evidence against it", async () => {
    await ingestPaths(store, [articlesFile(OVER_TIME)], { issue: ["independence of Kosovo"] });
    const early = await positions(store.db, ISSUE, { at: "2007-12" });
    expect(early.find((p) => p.actor.id === "state:RUS")?.stance).toBe("neutral");
    const now = (await positions(store.db, ISSUE)).find((p) => p.actor.id === "state:RUS");
    expect(now?.stance).toBe("oppose");
    expect(now?.since).toBe("2008-02-18");
    expect(now?.changes.map((c) => c.stance)).toEqual(["neutral", "oppose"]);
    // The envoy said the opposite of his minister on the same day: shown, not hidden.
    expect(now?.conflicts.map((c) => [c.stance, c.via_name])).toContainEqual(["support", "Vitaly Churkin"]);
    expect(now?.evidence.some((e) => e.via_name === "Sergei Lavrov")).toBe(true);
  });

  it("keeps stances and their ids when the documents are extracted again", async () => {
    await ingestPaths(store, [articlesFile(OVER_TIME)], { issue: ["independence of Kosovo"] });
    const before = await store.db.selectFrom("stances").select(["id", "key"]).orderBy("id").execute();
    const days = await store.db
      .selectFrom("stance_days")
      .selectAll()
      .orderBy("actor_id")
      .orderBy("date")
      .execute();
    const derive = deriveWith((await listCodebooks(store.db)).map(compiled), false);
    for (const id of ["ru-1", "ru-2", "ru-3"]) await rederive(store.db, id, derive);
    expect(await store.db.selectFrom("stances").select(["id", "key"]).orderBy("id").execute()).toEqual(
      before,
    );
    expect(
      await store.db.selectFrom("stance_days").selectAll().orderBy("actor_id").orderBy("date").execute(),
    ).toEqual(days);
  });
});
