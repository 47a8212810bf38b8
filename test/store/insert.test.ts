import { describe, expect, it } from "vitest";
import { insertRows } from "../../src/store/insert.ts";
import type { Store } from "../../src/store/open.ts";
import { BACKENDS, storePerTest } from "../helpers/backends.ts";

const alias = (alias: string, actor_id = "state:srb") => ({ alias, actor_id });

describe.each(BACKENDS)("multi-row inserts (%s)", (backend) => {
  let store: Store;
  storePerTest(backend, (s) => {
    store = s;
  });
  const aliases = async () =>
    (await store.db.selectFrom("actor_aliases").select(["alias", "actor_id"]).orderBy("alias").execute()).map(
      (r) => `${r.alias}=${r.actor_id}`,
    );

  it("stores the values of each insert, a shape built once serving later values", async () => {
    await insertRows(store.db, "actor_aliases", [alias("serbia"), alias("belgrade")]);
    await insertRows(store.db, "actor_aliases", [
      alias("kosovo", "state:xkx"),
      alias("pristina", "state:xkx"),
    ]);
    expect(await aliases()).toEqual([
      "belgrade=state:srb",
      "kosovo=state:xkx",
      "pristina=state:xkx",
      "serbia=state:srb",
    ]);
  });

  it("skips rows that clash on the given columns, and fails on a clash not allowed for", async () => {
    await insertRows(store.db, "actor_aliases", [alias("serbia")]);
    await insertRows(store.db, "actor_aliases", [alias("serbia"), alias("srbija")], ["alias", "actor_id"]);
    expect(await aliases()).toEqual(["serbia=state:srb", "srbija=state:srb"]);
    await expect(insertRows(store.db, "actor_aliases", [alias("serbia")])).rejects.toThrow();
  });

  it("gives the asked column of the rows inserted, not of those skipped", async () => {
    await insertRows(store.db, "actor_aliases", [alias("serbia")]);
    for (let round = 0; round < 2; round++) {
      const added = await insertRows(
        store.db,
        "actor_aliases",
        [alias("serbia"), alias(`srbija${round}`)],
        ["alias", "actor_id"],
        "alias",
      );
      expect(added).toEqual([`srbija${round}`]);
    }
  });

  it("splits rows past the parameter limit into several statements", async () => {
    const many = Array.from({ length: 40_000 }, (_, i) => alias(`a${i}`));
    await insertRows(store.db, "actor_aliases", many);
    const n = await store.db
      .selectFrom("actor_aliases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(40_000);
  });

  it("reads rows whose columns differ from the first row's by their own columns", async () => {
    await insertRows(store.db, "actors", [
      { id: "person:a-b", name: "A B", kind: "person", country: null, same_as: null, initials: "ab" },
    ]);
    await insertRows(store.db, "actors", [
      { id: "person:c-d", name: "C D", kind: "person", country: "SRB", same_as: null, initials: "cd" },
      { id: "person:e-f", name: "E F", kind: "person", country: undefined, same_as: null, initials: "ef" },
    ]);
    const rows = await store.db.selectFrom("actors").select(["id", "country"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: "person:a-b", country: null },
      { id: "person:c-d", country: "SRB" },
      { id: "person:e-f", country: null },
    ]);
  });
});
