import { describe, expect, it } from "vitest";
import type { Article } from "../../src/ingest/article.ts";
import { extractAndStore } from "../../src/ingest/derive.ts";
import { saveArticle } from "../../src/ingest/save.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, storePerTest } from "../helpers/backends.ts";

const TEXT =
  "UNITED NATIONS, Feb. 18 — Serbian President Boris Tadic told the Council that Serbia would never accept an independent Kosovo. “Only human lives,” Tadic said, “are destroyed by force.”";

function article(text: string): Article {
  return {
    id: "council",
    text,
    format: "text",
    source: "council.txt",
    meta: { id: "council", published: "2008-02-18" },
    provenance: {},
    extra: {},
    warnings: [],
  };
}

describe.each(BACKENDS)("extraction stored on %s", (backend) => {
  let store: Store;
  storePerTest(backend, (opened) => {
    store = opened;
  });

  it("keeps actors, mentions, roles, quotes and dates with their offsets and rules", async () => {
    await saveArticle(store.db, article(TEXT), extractAndStore);
    const actors = await store.db.selectFrom("actors").selectAll().orderBy("id").execute();
    expect(actors).toContainEqual({
      id: "person:boris-tadic",
      name: "Boris Tadic",
      kind: "person",
      country: "SRB",
      same_as: null,
      initials: "bt",
    });
    expect(actors).toContainEqual({
      id: "state:SRB",
      name: "Serbia",
      kind: "state",
      country: "SRB",
      same_as: null,
      initials: null,
    });
    const quotes = await store.db.selectFrom("quotes").selectAll().orderBy("start").execute();
    expect(quotes.map((q) => [q.kind, q.speaker_id, q.cue])).toEqual([
      ["indirect", "person:boris-tadic", "told"],
      ["direct", "person:boris-tadic", "said"],
    ]);
    const direct = quotes[1];
    expect(JSON.parse(direct?.spans ?? "[]")).toHaveLength(2);
    expect(TEXT.slice(direct?.speaker_start ?? 0, direct?.speaker_end ?? 0)).toBe("Tadic");
    const roles = await store.db.selectFrom("roles").selectAll().execute();
    expect(roles).toContainEqual(
      expect.objectContaining({
        actor_id: "person:boris-tadic",
        title: "President",
        of_actor_id: "state:SRB",
      }),
    );
    const dates = await store.db.selectFrom("dates").selectAll().execute();
    expect(dates.map((d) => [d.text, d.value])).toEqual([["Feb. 18", "2008-02-18"]]);
    const mentions = await store.db
      .selectFrom("mentions")
      .selectAll()
      .where("actor_id", "=", "person:boris-tadic")
      .execute();
    for (const m of mentions) expect(TEXT.slice(m.start, m.end)).toBe(m.text);
  });

  it("stores a resolved pronoun as a pronoun, whichever rule placed it", async () => {
    const text = "Boris Tadic spoke to the Council.\n\n“Serbia will not accept it,” he said.";
    await saveArticle(store.db, article(text), extractAndStore);
    const pronouns = await store.db
      .selectFrom("mentions")
      .select(["text", "form", "rule"])
      .where("actor_id", "=", "person:boris-tadic")
      .where("form", "=", "pronoun")
      .execute();
    expect(pronouns).toEqual([{ text: "he", form: "pronoun", rule: "narrating-subject-m" }]);
  });

  it("replaces what was extracted when the text changes, and leaves it when nothing did", async () => {
    await saveArticle(store.db, article(TEXT), extractAndStore);
    await saveArticle(store.db, article(TEXT), extractAndStore);
    expect(await store.db.selectFrom("quotes").selectAll().execute()).toHaveLength(2);
    await saveArticle(
      store.db,
      article("Russia said the declaration was illegal and had to be annulled at once."),
      extractAndStore,
    );
    const quotes = await store.db.selectFrom("quotes").select(["speaker_id", "document_id"]).execute();
    expect(quotes).toEqual([{ speaker_id: "state:RUS", document_id: "council" }]);
    const dates = await store.db.selectFrom("dates").selectAll().execute();
    expect(dates).toEqual([]);
  });
});
