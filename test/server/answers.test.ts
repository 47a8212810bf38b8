import { describe, expect, it } from "vitest";
import { Answers } from "../../src/server/answers.ts";
import { bumpGeneration } from "../../src/store/cache.ts";
import { openStore } from "../../src/store/open.ts";

describe("answers kept between reads", () => {
  it("computes once for readers at once, drops the oldest past its budget, recomputes after a write, keeps no failure", async () => {
    const store = await openStore(":memory:");
    const answers = new Answers(store.db, 100);
    let computed = 0;
    const sixty = async () => {
      computed++;
      return "x".repeat(60);
    };
    const three = await Promise.all([
      answers.get("a", sixty),
      answers.get("a", sixty),
      answers.get("a", sixty),
    ]);
    expect(new Set(three)).toEqual(new Set([JSON.stringify("x".repeat(60))]));
    expect(computed).toBe(1);
    await answers.get("b", sixty);
    await answers.get("b", sixty);
    expect(computed).toBe(2);
    await answers.get("a", sixty);
    expect(computed).toBe(3);
    await bumpGeneration(store.db);
    await answers.get("a", sixty);
    expect(computed).toBe(4);
    await expect(answers.get("bad", async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await answers.get("bad", async () => 1)).toBe("1");
    await store.close();
  });
});
