import { describe, expect, it } from "vitest";
import { listActors } from "../../src/resolve/actors.ts";
import { compareOutlets } from "../../src/resolve/compare.ts";
import { positions } from "../../src/resolve/positions.ts";
import { findQuotes } from "../../src/resolve/quotes.ts";
import { timeline } from "../../src/resolve/timeline.ts";
import { findActor } from "../../src/store/actors.ts";
import { findIssue } from "../../src/store/codebooks.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, storePerTest } from "../helpers/backends.ts";
import { articlesFile, ingestPaths } from "../helpers/ingest.ts";

const ARTICLES = [
  {
    id: "a1",
    outlet: "Harbour Gazette",
    published: "2008-02-17",
    text: 'BELGRADE — Serbian Prime Minister Vojislav Koštunica said on Sunday that Serbia would never recognise Kosovo\'s independence. "This false state will be annulled," Koštunica told a rally in Belgrade. Secretary of State Condoleezza Rice said the United States would recognise Kosovo.',
  },
  {
    id: "a2",
    outlet: "Balkan Wire",
    published: "2008-02-18",
    text: "BELGRADE — Kostunica said on Monday that the declaration of Kosovo's independence was null and void. Ms Rice said Washington had recognised Kosovo's independence. \"This false state will be annulled,\" Kostunica said.",
  },
  {
    id: "a3",
    outlet: "Balkan Wire",
    published: "2008-03-02",
    text: "MOSCOW — Russia's Foreign Minister Sergei Lavrov said on Sunday that Russia would never recognise Kosovo. The Kremlin said the talks should resume.",
  },
];

describe.each(BACKENDS)("questions asked of the store on %s", (backend) => {
  let store: Store;
  storePerTest(
    backend,
    (opened) => {
      store = opened;
    },
    (opened) => ingestPaths(opened, [articlesFile(ARTICLES)], { issue: ["independence of Kosovo"] }),
  );

  it("knows one actor by its names across documents: diacritics, surname, code, adjective", async () => {
    expect((await findActor(store.db, "Kostunica")).id).toBe("person:vojislav-kostunica");
    expect((await findActor(store.db, "Vojislav Koštunica")).id).toBe("person:vojislav-kostunica");
    expect((await findActor(store.db, "Rice")).id).toBe("person:condoleezza-rice");
    expect((await findActor(store.db, "RUS")).id).toBe("state:RUS");
    expect((await findActor(store.db, "Russian Federation")).id).toBe("state:RUS");
    expect((await findActor(store.db, "serbian")).id).toBe("state:SRB");
    await expect(findActor(store.db, "Atlantis")).rejects.toThrow(/unknown actor: Atlantis/);
    const rice = (await listActors(store.db, { search: "rice" }))[0];
    expect(rice?.id).toBe("person:condoleezza-rice");
    expect(rice?.linked).toContain("person:rice");
  });

  it("finds quotes by speaker under any of his names, newest first", async () => {
    const quotes = await findQuotes(store, { speaker: "Kostunica" });
    expect(quotes.map((q) => [q.document, q.speaker?.id])).toEqual([
      ["a2", "person:vojislav-kostunica"],
      ["a2", "person:vojislav-kostunica"],
      ["a1", "person:vojislav-kostunica"],
      ["a1", "person:vojislav-kostunica"],
    ]);
    const rice = await findQuotes(store, { speaker: "Condoleezza Rice" });
    expect(rice.map((q) => q.document)).toEqual(["a2", "a1"]);
  });

  it("finds quotes by a state, its officials included, and by outlet, dates and words", async () => {
    const serbia = await findQuotes(store, { actor: "Serbia" });
    expect(new Set(serbia.map((q) => q.speaker?.id))).toEqual(new Set(["person:vojislav-kostunica"]));
    const russia = await findQuotes(store, { actor: "Russia" });
    expect(russia.map((q) => q.speaker?.id)).toContain("person:sergei-lavrov");
    // Each quote says whose state its speaker speaks for and which issues it bears on, for facets.
    expect(new Set(serbia.map((q) => q.state?.id))).toEqual(new Set(["state:SRB"]));
    expect(russia.find((q) => q.speaker?.id === "person:sergei-lavrov")?.state).toEqual({
      id: "state:RUS",
      name: "Russia",
    });
    expect(russia.some((q) => q.issues.includes("kosovo-independence"))).toBe(true);
    expect(
      (await findQuotes(store, { outlet: "balkan wire" })).every((q) => q.outlet === "Balkan Wire"),
    ).toBe(true);
    await expect(findQuotes(store, { outlet: "Nowhere Post" })).rejects.toThrow(
      /unknown outlet: Nowhere Post/,
    );
    const february = await findQuotes(store, { from: "2008-02-18", to: "2008-02" });
    expect(new Set(february.map((q) => q.document))).toEqual(new Set(["a2"]));
    // Diacritics either way, stems of words.
    expect((await findQuotes(store, { search: "annul" })).map((q) => q.document).sort()).toEqual([
      "a1",
      "a2",
    ]);
    expect((await findQuotes(store, { search: '"false state"' })).length).toBe(2);
    expect((await findQuotes(store, { search: "Koštunica", speaker: "Rice" })).length).toBe(0);
    expect((await findQuotes(store, { issue: "kosovo-independence" })).length).toBeGreaterThan(3);
    // Words and an issue together: the issue tests what the words find, dates and order kept.
    const annul = await findQuotes(store, { search: "annul" });
    expect(await findQuotes(store, { search: "annul", issue: "kosovo-independence" })).toEqual(annul);
    expect(await findQuotes(store, { search: "annul", issue: "abkhazia-independence" })).toEqual([]);
    expect(
      (await findQuotes(store, { search: "annul", issue: "kosovo-independence", from: "2008-02-18" })).map(
        (q) => q.document,
      ),
    ).toEqual(["a2"]);
  });

  it("pages a state's quotes as one list of whole quotes, newest first", async () => {
    const all = await findQuotes(store, { actor: "Russia" });
    expect(all.length).toBeGreaterThan(1);
    expect(all.every((q) => q.text.length > 0)).toBe(true);
    for (const [limit, offset] of [
      [1, 0],
      [1, 1],
      [50, 1],
    ] as const)
      expect(await findQuotes(store, { actor: "Russia", limit, offset })).toEqual(
        all.slice(offset, offset + limit),
      );
  });

  it("knows an outlet first stored after an earlier search asked for it", async () => {
    await expect(findQuotes(store, { outlet: "Nowhere Post" })).rejects.toThrow(/unknown outlet/);
    await ingestPaths(
      store,
      [
        articlesFile([
          {
            id: "a4",
            outlet: "Nowhere Post",
            published: "2008-03-03",
            text: "PRISTINA — Kosovo's Prime Minister Hashim Thaci said on Monday that the new state would be a good neighbour.",
          },
        ]),
      ],
      { issue: ["independence of Kosovo"] },
    );
    expect((await findQuotes(store, { outlet: "nowhere post" })).map((q) => q.document)).toContain("a4");
  });

  it("counts an official's words for his state, his role known from another article", async () => {
    const list = await positions(store.db, "kosovo-independence", { evidence: 5 });
    expect(list.map((p) => p.actor.id)).not.toContain("person:vojislav-kostunica");
    const serbia = list.find((p) => p.actor.id === "state:SRB");
    expect(serbia?.evidence.map((e) => [e.document, e.via_name])).toContainEqual([
      "a2",
      "Vojislav Koštunica",
    ]);
  });

  it("takes an issue by its id or the free text it came from", async () => {
    expect((await findIssue(store.db, "independence of Kosovo")).id).toBe("kosovo-independence");
    expect((await findIssue(store.db, "kosovo-independence")).id).toBe("kosovo-independence");
    expect((await findIssue(store.db, "Kosovo's independence")).id).toBe("kosovo-independence");
    await expect(findIssue(store.db, "independence of Atlantis")).rejects.toThrow(
      /unknown issue: independence of Atlantis \(stored issues: kosovo-independence\)/,
    );
  });

  it("builds a timeline and compares outlets", async () => {
    const entries = await timeline(store.db, "kosovo-independence");
    const dates = entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(
      entries.some((e) => e.kind === "stance" && e.actor.id === "state:SRB" && e.stance === "oppose"),
    ).toBe(true);
    expect(entries.some((e) => e.kind === "event")).toBe(true);
    const outlets = await compareOutlets(store.db, "kosovo-independence");
    expect(outlets.map((o) => o.outlet)).toEqual(["Balkan Wire", "Harbour Gazette"]);
    const gazette = outlets.find((o) => o.outlet === "Harbour Gazette");
    // The same words in both outlets are not "only here".
    expect(gazette?.only_here.some((q) => q.text.includes("false state"))).toBe(false);
    expect(gazette?.speakers[0]?.id).toBe("person:vojislav-kostunica");
  });
});
