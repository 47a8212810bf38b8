/**
 * Training of the pair model: multinomial logistic regression (none, support, oppose) by AdaGrad
 * with an L2 penalty, in a fixed order so the same examples give the same weights on any machine.
 */
import type { PairModelFile } from "./model.ts";

/** A pair with its features and what the labels say it shows: 0 none, 1 support, 2 oppose. */
export interface Example {
  features: string[];
  label: 0 | 1 | 2;
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  /** Features seen in fewer examples than this are left out. */
  minCount: number;
}

/** Chosen by `npm run bench:learned` on the dev split, leave-disputes-out (7 Dec 2026). */
export const TRAIN_DEFAULTS: TrainOptions = { epochs: 6, rate: 0.2, l2: 0.005, minCount: 2 };

/** Weights for each feature kept, [support, oppose]. */
export function train(
  examples: Example[],
  options: TrainOptions = TRAIN_DEFAULTS,
): Map<string, [number, number]> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const weights = new Map<string, [number, number]>();
  const squares = new Map<string, [number, number]>();
  for (const [f, n] of counts)
    if (n >= options.minCount) {
      weights.set(f, [0, 0]);
      squares.set(f, [1e-8, 1e-8]);
    }
  const order = examples.map((_, i) => i);
  let seed = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // A seeded Fisher–Yates shuffle: the same order every run.
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const i of order) step(examples[i] as Example, weights, squares, options);
  }
  return weights;
}

function step(
  example: Example,
  weights: Map<string, [number, number]>,
  squares: Map<string, [number, number]>,
  options: TrainOptions,
): void {
  const kept = example.features.filter((f) => weights.has(f));
  let s = 0;
  let o = 0;
  for (const f of kept) {
    const w = weights.get(f) as [number, number];
    s += w[0];
    o += w[1];
  }
  const top = Math.max(0, s, o);
  const z = Math.exp(-top) + Math.exp(s - top) + Math.exp(o - top);
  const error = [
    Math.exp(s - top) / z - (example.label === 1 ? 1 : 0),
    Math.exp(o - top) / z - (example.label === 2 ? 1 : 0),
  ];
  for (const f of kept) {
    const w = weights.get(f) as [number, number];
    const g2 = squares.get(f) as [number, number];
    for (const c of [0, 1] as const) {
      const g = (error[c] as number) + options.l2 * w[c];
      g2[c] += g * g;
      w[c] -= (options.rate * g) / Math.sqrt(g2[c]);
    }
  }
}

/** The model file: weights rounded and the negligible left out, with what it was trained on. */
export function modelFile(
  weights: Map<string, [number, number]>,
  threshold: number,
  about: Record<string, unknown>,
): PairModelFile {
  const kept: Record<string, [number, number]> = {};
  const round = (x: number) => Math.round(x * 1000) / 1000;
  for (const [f, [s, o]] of [...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (Math.abs(s) >= 0.005 || Math.abs(o) >= 0.005) kept[f] = [round(s), round(o)];
  return { about, threshold, weights: kept };
}
