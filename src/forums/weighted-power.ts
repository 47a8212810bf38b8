/**
 * Swing counts by coalition size for a game where a coalition wins once its weight reaches a
 * threshold. Only losing coalitions (weight below the threshold) are counted, and for each size only
 * the weights some coalition of that size can have, so the table is far smaller than sizes × weights.
 * A player's swings are then read from prefix sums of that one table: removing a player of weight w
 * from the generating function is an alternating sum along steps of w, which summed over the swing
 * window telescopes into at most (size + 1) prefix-sum differences.
 */

/** Residues of four moduli sit side by side in the table: one pass of the loop serves all four. */
const LANES = 4;

/**
 * For each modulus (0: exact, when counts stay below 2^53), for each distinct weight, the swings of
 * a player of that weight by the size of the others' coalition.
 */
export function thresholdSwingsBySize(
  weights: number[],
  threshold: number,
  moduli: number[],
): Array<Map<number, number[]>> {
  const out: Array<Map<number, number[]>> = [];
  for (let i = 0; i < moduli.length; i += LANES)
    out.push(...swingsForLanes(weights, threshold, moduli.slice(i, i + LANES)));
  return out;
}

/**
 * The losing coalitions of each size by weight, residues of up to four moduli side by side: row k
 * holds only the weights k players can have, low[k]..high[k], and starts at base[k] + low[k]:
 * f[(base[k] + x)*lanes + l] counts coalitions of k players weighing x, over the players added so far.
 */
interface LosingTable {
  lanes: number;
  /** Each lane's modulus; 2^53 for exact counts. */
  limits: number[];
  maxSize: number;
  low: number[];
  high: number[];
  base: number[];
  f: Float64Array;
}

function swingsForLanes(weights: number[], t: number, moduli: number[]): Array<Map<number, number[]>> {
  const n = weights.length;
  const maps = moduli.map(() => new Map<number, number[]>());
  if (t <= 0) {
    // Every coalition wins, the empty one included: nobody ever swings.
    for (const map of maps) for (const w of weights) map.set(w, new Array<number>(n).fill(0));
    return maps;
  }
  const table = losingTable(weights, t, moduli);
  prefixSums(table);
  const { lanes } = table;
  const totals = new Float64Array(n * lanes);
  for (const w of weights) {
    if ((maps[0] as Map<number, number[]>).has(w)) continue;
    swingsOfWeight(table, w, n, t, moduli, totals);
    maps.forEach((map, l) => {
      map.set(
        w,
        Array.from({ length: n }, (_, s) => totals[s * lanes + l] as number),
      );
    });
  }
  return maps;
}

/** The table of losing coalitions of all the players, laid out by size. */
function losingTable(weights: number[], t: number, moduli: number[]): LosingTable {
  const n = weights.length;
  // A single modulus gets a table of its own; more share one, padded to four lanes.
  const lanes = moduli.length === 1 ? 1 : LANES;
  // Without a modulus counts stay below 2^53 (the caller's promise) and never reach the limit.
  const limits = Array.from({ length: lanes }, (_, l) => moduli[l] || 2 ** 53);
  // Heaviest first keeps the reachable sizes few while most players are added.
  const order = [...weights].sort((a, b) => b - a);
  let maxSize = 0;
  for (let light = 0; maxSize < n && light + (order[n - 1 - maxSize] as number) < t; maxSize++)
    light += order[n - 1 - maxSize] as number;
  // With players heaviest first, k of the first j weigh at least P[j] − P[j−k] and at most P[k].
  const P = [0];
  for (const w of order) P.push((P[P.length - 1] as number) + w);
  const low: number[] = [];
  const high: number[] = [];
  const base: number[] = [];
  let cells = 0;
  for (let k = 0; k <= maxSize; k++) {
    low.push((P[n] as number) - (P[n - k] as number));
    high.push(Math.min(P[k] as number, t - 1));
    base.push(cells - (low[k] as number));
    cells += (high[k] as number) - (low[k] as number) + 1;
  }
  const f = new Float64Array(cells * lanes);
  f.fill(1, 0, lanes);
  const table = { lanes, limits, maxSize, low, high, base, f };
  addPlayers(table, order, P, t);
  return table;
}

/** Adds the players (heaviest first, `P` their prefix sums) to the table, one at a time. */
function addPlayers(
  { lanes, limits, maxSize, base, f }: LosingTable,
  order: number[],
  P: number[],
  t: number,
): void {
  const n = order.length;
  const [p0, p1, p2, p3] = limits as [number, number, number, number];
  for (let j = 0; j < n; j++) {
    const w = order[j] as number;
    for (let k = Math.min(j + 1, maxSize); k >= 1; k--) {
      const from = ((P[j] as number) - (P[j - k + 1] as number) + w) * lanes;
      const to = (Math.min(P[k - 1] as number, t - 1 - w) + w) * lanes;
      const row = (base[k] as number) * lanes;
      const prev = ((base[k - 1] as number) - w) * lanes;
      // Reductions are branch-free: residues are random, so a branch is mispredicted half the time.
      if (lanes === 1)
        for (let x = from; x <= to; x++) {
          const v = (f[row + x] as number) + (f[prev + x] as number);
          f[row + x] = v - p0 * +(v >= p0);
        }
      else
        for (let x = from; x <= to; x += LANES) {
          const a = (f[row + x] as number) + (f[prev + x] as number);
          f[row + x] = a - p0 * +(a >= p0);
          const b = (f[row + x + 1] as number) + (f[prev + x + 1] as number);
          f[row + x + 1] = b - p1 * +(b >= p1);
          const c = (f[row + x + 2] as number) + (f[prev + x + 2] as number);
          f[row + x + 2] = c - p2 * +(c >= p2);
          const d = (f[row + x + 3] as number) + (f[prev + x + 3] as number);
          f[row + x + 3] = d - p3 * +(d >= p3);
        }
    }
  }
}

/** Prefix sums along weight, row by row: F(k, x) = coalitions of k weighing at most x. */
function prefixSums({ lanes, limits, maxSize, low, high, base, f }: LosingTable): void {
  const sums = new Float64Array(lanes);
  for (let k = 0; k <= maxSize; k++) {
    sums.fill(0);
    const start = (base[k] as number) + (low[k] as number);
    for (
      let x = start * lanes, end = ((base[k] as number) + (high[k] as number) + 1) * lanes;
      x < end;
      x += lanes
    )
      for (let l = 0; l < lanes; l++) {
        const limit = limits[l] as number;
        const sum = (sums[l] as number) + (f[x + l] as number);
        sums[l] = sum - limit * +(sum >= limit);
        f[x + l] = sums[l] as number;
      }
  }
}

/**
 * Into totals[s*lanes + l], the swings of a player of weight w: coalitions of s others weighing
 * t-w..t-1, Σ_m (-1)^m [F(s-m, t-1-mw) − F(s-m, t-1-(m+1)w)], gathered row by row (k = s - m) so
 * that each row is read in one direction.
 */
function swingsOfWeight(
  { lanes, limits, maxSize, low, high, base, f }: LosingTable,
  w: number,
  n: number,
  t: number,
  moduli: number[],
  totals: Float64Array,
): void {
  // Where F(k, x) is kept: −1 below the row's weights (none), its last cell above them (all).
  const cell = (k: number, x: number) =>
    x < (low[k] as number) ? -1 : ((base[k] as number) + Math.min(x, high[k] as number)) * lanes;
  totals.fill(0);
  for (let k = 0; k <= maxSize; k++)
    for (let m = 0, top = t - 1; k + m < n && top >= 0; m++, top -= w) {
      const at = cell(k, top);
      if (at < 0) break;
      const below = cell(k, top - w);
      const into = (k + m) * lanes;
      for (let l = 0; l < lanes; l++) {
        const limit = limits[l] as number;
        const term = (f[at + l] as number) - (below < 0 ? 0 : (f[below + l] as number));
        // Residues stay in 0..p-1; exact counts (no modulus) may pass below zero on the way.
        let total = (totals[into + l] as number) + (m % 2 === 0 ? term : -term);
        if (moduli[l]) total += limit * (+(total < 0) - +(total >= limit));
        totals[into + l] = total;
      }
    }
}
