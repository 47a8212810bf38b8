import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timeline } from "../../src/resolve/timeline.ts";
import type { Store } from "../../src/store/open.ts";
import { type TestStore, testStore } from "../helpers/backends.ts";
import { ROOT } from "../helpers/cli.ts";
import { ingestPaths } from "../helpers/ingest.ts";

describe("the timeline of the sample articles", () => {
  let place: TestStore;
  let store: Store;
  beforeAll(async () => {
    place = testStore("sqlite");
    store = await place.open();
    await ingestPaths(store, [join(ROOT, "examples", "articles")]);
  });
  afterAll(async () => {
    await store.close();
    await place.dispose();
  });

  it("lists an edited syndicated copy's sentence once, under both outlets", async () => {
    const events = (await timeline(store.db, "kosovo-independence", { from: "2008-10" })).filter(
      (e) => e.kind === "event",
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.kind === "event" && events[0].sources.map((s) => s.outlet).sort()).toEqual([
      "Balkan Wire",
      "Harbour Gazette",
    ]);
  });

  it("takes no byline for an event", async () => {
    const events = await timeline(store.db, "kosovo-independence");
    expect(
      events
        .filter((e) => e.kind === "event" && /^By\s/.test(e.text))
        .map((e) => e.kind === "event" && e.text),
    ).toEqual([]);
  });
});
