/**
 * A multinomial logistic model over the features of an actor–sentence pair: no stance, support or
 * oppose. Its weights are project data (data/models/), trained here from our own labels by
 * `npm run train:stances`; see the file's `about` for what it was trained on.
 */
import { once, readDataJson } from "../../paths.ts";

/** The stances a pair may show; "none" is the reference class with no weights of its own. */
export const CLASSES = ["support", "oppose"] as const;
export type PairStance = (typeof CLASSES)[number];

export interface PairModel {
  /** The least probability of a stance that is taken as one. */
  threshold: number;
  weights: Map<string, [number, number]>;
}

/** The model as stored: weights by feature, with where it came from. */
export interface PairModelFile {
  about: Record<string, unknown>;
  threshold: number;
  weights: Record<string, [number, number]>;
}

/** The probabilities of support and of oppose for a pair with these features. */
export function probabilities(model: PairModel, features: string[]): [number, number] {
  let support = 0;
  let oppose = 0;
  for (const f of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    support += w[0];
    oppose += w[1];
  }
  const top = Math.max(0, support, oppose);
  const none = Math.exp(-top);
  const s = Math.exp(support - top);
  const o = Math.exp(oppose - top);
  const sum = none + s + o;
  return [s / sum, o / sum];
}

export function fromFile(file: PairModelFile): PairModel {
  return { threshold: file.threshold, weights: new Map(Object.entries(file.weights)) };
}

export const MODEL_FILE = ["models", "stance-pairs.json"];

/** The shipped model, read the first time a text is read for stances. */
export const shippedModel = once((): PairModel => fromFile(readDataJson<PairModelFile>(...MODEL_FILE)));
