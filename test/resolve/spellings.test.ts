import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { listActors } from "../../src/resolve/actors.ts";
import { findQuotes } from "../../src/resolve/quotes.ts";
import { MIGRATIONS } from "../../src/store/migrations/index.ts";
import { openStore, type Store } from "../../src/store/open.ts";
import { connectSqlite } from "../../src/store/sqlite/connect.ts";
import { BACKENDS, storePerTest } from "../helpers/backends.ts";
import { articlesFile, ingestPaths } from "../helpers/ingest.ts";

const ARTICLES = [
  {
    id: "s1",
    outlet: "Harbour Gazette",
    published: "2014-03-17",
    text: "KIEV — Ukrainian Foreign Minister Andrii Deshchytsia said on Monday that Ukraine would never accept the vote. Ivan Petrov, a lawyer, said the count was flawed.",
  },
  {
    id: "s2",
    outlet: "Balkan Wire",
    published: "2014-03-18",
    text: "KIEV — Acting Foreign Minister Andriy Deshchytsya said on Tuesday that the referendum was illegal. Ivana Petrova, a lawyer, said the count was fair.",
  },
];

describe.each(BACKENDS)("one person under two spellings on %s", (backend) => {
  let store: Store;
  storePerTest(
    backend,
    (opened) => {
      store = opened;
    },
    (opened) => ingestPaths(opened, [articlesFile(ARTICLES)]),
  );

  it("links a name a letter or two apart to the person stored first, not a name that only gains an ending", async () => {
    const people = await listActors(store.db, { kind: "person" });
    const minister = people.find((p) => p.id === "person:andrii-deshchytsia");
    expect(minister?.linked).toEqual(["person:andriy-deshchytsya"]);
    expect(minister?.aliases).toContain("andriy deshchytsya");
    expect(people.map((p) => p.id)).toEqual(
      expect.arrayContaining(["person:ivan-petrov", "person:ivana-petrova"]),
    );
    const quotes = await findQuotes(store, { speaker: "Andriy Deshchytsya" });
    expect(quotes.map((q) => q.document).sort()).toEqual(["s1", "s2"]);
  });
});

describe("a store from before persons' initials were kept", () => {
  it("gives its persons their initials when opened, so a new spelling still finds them", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "standpoint-initials-")), "old.db");
    const { db } = connectSqlite(file, false);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    expect((await migrator.migrateTo("004_codebook_origin")).error).toBeUndefined();
    await sql`INSERT INTO actors (id, name, kind, country) VALUES ('person:andrii-deshchytsia', 'Andrii Deshchytsia', 'person', 'UKR')`.execute(
      db,
    );
    await db.destroy();
    const store = await openStore(file);
    try {
      const row = await store.db
        .selectFrom("actors")
        .select("initials")
        .where("id", "=", "person:andrii-deshchytsia")
        .executeTakeFirst();
      expect(row?.initials).toBe("ad");
      await ingestPaths(store, [articlesFile([ARTICLES[1] as (typeof ARTICLES)[number]])]);
      const people = await listActors(store.db, { kind: "person" });
      expect(people.find((p) => p.id === "person:andrii-deshchytsia")?.linked).toEqual([
        "person:andriy-deshchytsya",
      ]);
    } finally {
      await store.close();
    }
  });
});
