/**
 * npm run bench:power — time for exact Shapley–Shubik and Banzhaf indices of (a) the Security
 * Council, (b) the General Assembly of 193, (c) the EU-27 double majority, (d) a weighted game of 200
 * players with total weight 100,000 (quota: a simple majority of weight). Median of five runs, one core.
 */
import { forumById, membersAt } from "../src/forums/data.ts";
import { gameOf } from "../src/forums/games.ts";
import { banzhafIndices, type Game, powerIndices } from "../src/forums/power.ts";
import { random } from "./generate.ts";

function median(run: () => unknown, times = 5): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)] as number;
}

function forumGame(id: string, at: string, rule: Parameters<typeof gameOf>[3]): Game {
  const forum = forumById(id);
  return gameOf(forum, at, membersAt(forum, at), rule);
}

function weighted200(): Game {
  const rand = random(200);
  const raw = Array.from({ length: 200 }, () => 0.2 + rand());
  const sum = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((r) => Math.max(1, Math.round((r / sum) * 100_000)));
  const total = weights.reduce((a, b) => a + b, 0);
  const quota = Math.floor(total / 2) + 1;
  return {
    players: weights.map((w, i) => ({ id: `p${i}`, weight: w })),
    cap: quota,
    wins: (_size, weight) => weight >= quota,
    sizeFree: true,
  };
}

const cases: Array<[string, Game, number]> = [
  ["(a) Security Council, 2008 (15)", forumGame("unsc", "2008", "substantive"), 100],
  ["(b) General Assembly, 2024 (193)", forumGame("unga", "2024", "simple"), 100],
  ["(c) EU Council, 2024 QMV (27)", forumGame("eu-council", "2024", "qmv"), 100],
];
console.log(`bench:power (node ${process.version}, one core; median of 5 runs)`);
for (const [name, game, goal] of cases) {
  const ms = median(() => powerIndices(game));
  console.log(
    `  ${name.padEnd(36)} both indices ${ms.toFixed(1).padStart(8)} ms  (goal < ${goal} ms: ${ms < goal ? "met" : "missed"})`,
  );
}
const big = weighted200();
const bz = median(() => banzhafIndices(big));
console.log(
  `  ${"(d) weighted, 200 players, 100,000".padEnd(36)} Banzhaf      ${bz.toFixed(1).padStart(8)} ms  (goal < 2000 ms: ${bz < 2000 ? "met" : "missed"})`,
);
const ss = median(() => powerIndices(big));
console.log(
  `  ${"".padEnd(36)} both indices ${ss.toFixed(1).padStart(8)} ms  (goal < 2000 ms: ${ss < 2000 ? "met" : "missed"})`,
);
