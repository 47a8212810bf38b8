import { describe, expect, it } from "vitest";
import { forumById, membersAt } from "../../src/forums/data.ts";
import { gameOf } from "../../src/forums/games.ts";
import { banzhafIndices, type Game, powerIndices } from "../../src/forums/power.ts";

const text = (f: { numerator: bigint; denominator: bigint }) => `${f.numerator}/${f.denominator}`;

/** Shapley–Shubik by walking every ordering: only for tiny games, to check the dynamic programme. */
function bruteShapley(game: Game): string[] {
  const n = game.players.length;
  const pivots = new Array<number>(n).fill(0);
  let orders = 0;
  const permute = (order: number[], rest: number[]) => {
    if (!rest.length) {
      orders++;
      let weight = 0;
      for (let k = 0; k < n; k++) {
        const i = order[k] as number;
        const before = game.wins(k, Math.min(game.cap, weight));
        weight += (game.players[i] as { weight: number }).weight;
        if (!before && game.wins(k + 1, Math.min(game.cap, weight))) {
          pivots[i] = (pivots[i] as number) + 1;
          return;
        }
      }
      return;
    }
    for (const [j, p] of rest.entries()) permute([...order, p], [...rest.slice(0, j), ...rest.slice(j + 1)]);
  };
  permute([], [...Array(n).keys()]);
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  return pivots.map((p) => `${p / gcd(p, orders)}/${orders / gcd(p, orders)}`);
}

describe("exact voting power", () => {
  it("gives the Security Council's known indices since 1966 and for 1946–65", () => {
    const unsc = forumById("unsc");
    const now = powerIndices(gameOf(unsc, "2008-02-18", membersAt(unsc, "2008-02-18"), "substantive"));
    const byCode = new Map(now.map((p) => [p.id, p]));
    expect(text(byCode.get("RUS")?.shapleyShubik as never)).toBe("421/2145");
    expect(text(byCode.get("CRI")?.shapleyShubik as never)).toBe("4/2145");
    expect(text(byCode.get("USA")?.banzhaf as never)).toBe("106/635");
    expect(text(byCode.get("IDN")?.banzhaf as never)).toBe("21/1270");
    const early = powerIndices(gameOf(unsc, "1960", membersAt(unsc, "1960"), "substantive"));
    expect(new Set(early.map((p) => text(p.shapleyShubik)))).toEqual(new Set(["76/385", "1/462"]));
  });

  it("agrees with every ordering walked by hand on small weighted, veto and double-majority games", () => {
    const games: Game[] = [
      { players: [4, 3, 2, 1].map((w, i) => ({ id: `p${i}`, weight: w })), cap: 6, wins: (_s, x) => x >= 6 },
      // Two vetoes among five: both and one more.
      {
        players: [1, 1, 0, 0, 0].map((w, i) => ({ id: `p${i}`, weight: w })),
        cap: 2,
        wins: (s, x) => x >= 2 && s >= 3,
      },
      // A double majority: four of six members and 60 of 100 people.
      {
        players: [40, 25, 15, 10, 6, 4].map((w, i) => ({ id: `p${i}`, weight: w })),
        cap: 60,
        wins: (s, x) => s >= 4 && x >= 60,
      },
    ];
    for (const game of games)
      expect(powerIndices(game).map((p) => text(p.shapleyShubik))).toEqual(bruteShapley(game));
  });

  it("counts Banzhaf swings the same with and without coalition sizes", () => {
    const weights = [13, 11, 9, 7, 6, 5, 4, 3, 2, 2, 1, 1];
    const game: Game = {
      players: weights.map((w, i) => ({ id: `p${i}`, weight: w })),
      cap: 33,
      wins: (_s, x) => x >= 33,
      sizeFree: true,
    };
    expect(banzhafIndices(game).map((p) => p.swings)).toEqual(powerIndices(game).map((p) => p.swings));
  });

  it("reads a weighted game's indices from prefix sums as the full size-by-weight table gives them", () => {
    // A fixed generator: the same games every run, from 7 players (walked by hand) to 90 (five primes).
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const [n, maxWeight] of [
      [7, 9],
      [30, 60],
      [60, 40],
      [90, 25],
      [70, 1],
    ] as const) {
      const weights = Array.from({ length: n }, () => Math.floor(next() * (maxWeight + 1)));
      const total = weights.reduce((a, b) => a + b, 0);
      const quota = Math.max(1, Math.floor(total * (0.3 + next() * 0.5)));
      const game = (sizeFree: boolean): Game => ({
        players: weights.map((w, i) => ({ id: `p${i}`, weight: w })),
        cap: quota,
        wins: (_s, x) => x >= quota,
        ...(sizeFree ? { sizeFree } : {}),
      });
      const fast = powerIndices(game(true)).map((p) => `${text(p.shapleyShubik)} ${p.swings}`);
      expect(fast).toEqual(powerIndices(game(false)).map((p) => `${text(p.shapleyShubik)} ${p.swings}`));
      if (n <= 7)
        expect(powerIndices(game(true)).map((p) => text(p.shapleyShubik))).toEqual(bruteShapley(game(true)));
    }
  });

  it("is exact beyond 52 players (the General Assembly) and sums to one in every forum", () => {
    const unga = forumById("unga");
    const members = membersAt(unga, "2008");
    expect(members).toHaveLength(192);
    const indices = powerIndices(gameOf(unga, "2008", members, "important"));
    expect(new Set(indices.map((p) => text(p.shapleyShubik)))).toEqual(new Set(["1/192"]));
    for (const [id, at, rule] of [
      ["eu-council", "2024", "qmv"],
      ["eu-council", "2008", "qmv"],
      ["contact-group", "2008", "consensus"],
    ] as const) {
      const forum = forumById(id);
      const all = powerIndices(gameOf(forum, at, membersAt(forum, at), rule));
      const sum = all.reduce(
        (acc, p) => ({
          n: acc.n * p.shapleyShubik.denominator + p.shapleyShubik.numerator * acc.d,
          d: acc.d * p.shapleyShubik.denominator,
        }),
        { n: 0n, d: 1n },
      );
      expect(sum.n).toBe(sum.d);
    }
  });

  it("gives more power to more populous EU members under the double majority", () => {
    const eu = forumById("eu-council");
    const members = membersAt(eu, "2024");
    const indices = powerIndices(gameOf(eu, "2024", members, "qmv"));
    const byPopulation = members
      .map((m, i) => ({
        pop: m.population ?? 0,
        ss: Number(
          ((indices[i]?.shapleyShubik.numerator ?? 0n) * 10n ** 12n) /
            (indices[i]?.shapleyShubik.denominator ?? 1n),
        ),
      }))
      .sort((a, b) => b.pop - a.pop);
    for (let i = 1; i < byPopulation.length; i++)
      expect(byPopulation[i - 1]?.ss).toBeGreaterThanOrEqual(byPopulation[i]?.ss as number);
  });
});
