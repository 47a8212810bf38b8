/**
 * Exact voting power: Shapley–Shubik and Banzhaf indices by dynamic programming over coalition
 * sizes and weights (the generating function of the game), never by enumerating orderings or
 * coalitions. Counts are kept modulo a few primes below 2^52 (sums of two stay exact in a double)
 * and rebuilt exactly by the Chinese remainder theorem; games of up to 52 players need no modulus.
 */

/** A simple game whose winning coalitions depend on their size and their total weight only. */
export interface Game {
  players: Array<{ id: string; weight: number }>;
  /** Whether a coalition of this size and weight wins; monotone in both. */
  wins(size: number, weight: number): boolean;
  /** A weight from which on more weight changes nothing (the quota, say); the DP stops there. */
  cap: number;
  /** Whether winning depends on weight alone: Banzhaf indices then need no coalition sizes. */
  sizeFree?: boolean;
}

export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

export interface PlayerPower {
  id: string;
  shapleyShubik: Fraction;
  /** Banzhaf swings divided by all players' swings. */
  banzhaf: Fraction;
  /** Coalitions of the others that the player turns from losing to winning. */
  swings: bigint;
}

import { thresholdSwingsBySize } from "./weighted-power.ts";

const PRIMES = [4503599627370449, 4503599627370353, 4503599627370323, 4503599627370317, 4503599627370299];

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x;
}

export function fraction(numerator: bigint, denominator: bigint): Fraction {
  const g = gcd(numerator, denominator) || 1n;
  return { numerator: numerator / g, denominator: denominator / g };
}

export function toNumber(f: Fraction): number {
  // Scaled so that very large numerators and denominators still divide precisely.
  const scale = 10n ** 18n;
  return Number((f.numerator * scale) / f.denominator) / 1e18;
}

/**
 * For each player and coalition size s, the number of coalitions of s others that the player
 * swings, modulo `p` (or exactly, when `p` is 0 and counts stay below 2^53).
 */
function swingCounts(game: Game, p: number): Map<number, number[]> {
  const n = game.players.length;
  const cap = game.cap;
  // Without a modulus (p = 0) counts stay exact below 2^53 and never reach the limit. Reductions
  // are branch-free: residues are random, so a branch would be mispredicted half the time.
  const limit = p || 2 ** 53;
  const c = coalitionCounts(game, limit);
  const winning = winningTable(game);
  // Players of equal weight swing the same coalitions: each weight is worked out once.
  const out = new Map<number, number[]>();
  const others = new Float64Array(n * (cap + 1));
  for (const { weight: w } of game.players) {
    if (out.has(w)) continue;
    divideOut(c, w, n, cap, limit, others);
    out.set(w, swingsBySizeOf(others, winning, w, n, cap, limit));
  }
  return out;
}

/** c[s*width + x]: coalitions of size s and weight x (capped) among all players. */
function coalitionCounts(game: Game, limit: number): Float64Array {
  const n = game.players.length;
  const cap = game.cap;
  const width = cap + 1;
  const c = new Float64Array((n + 1) * width);
  c[0] = 1;
  for (let j = 0; j < n; j++) {
    const w = (game.players[j] as { weight: number }).weight;
    for (let s = j + 1; s >= 1; s--) {
      const row = s * width;
      const prev = (s - 1) * width;
      // The capped bucket gathers every weight from cap - w up.
      let into = 0;
      for (let x = Math.max(0, cap - w); x <= cap; x++) {
        into += c[prev + x] as number;
        into -= limit * +(into >= limit);
      }
      for (let x = cap - 1; x >= w; x--) {
        let v = (c[row + x] as number) + (c[prev + x - w] as number);
        v -= limit * +(v >= limit);
        c[row + x] = v;
      }
      let v = (c[row + cap] as number) + into;
      v -= limit * +(v >= limit);
      c[row + cap] = v;
    }
  }
  return c;
}

/** winning[s*width + x]: whether a coalition of size s and weight x (capped) wins. */
function winningTable(game: Game): Uint8Array {
  const n = game.players.length;
  const cap = game.cap;
  const width = cap + 1;
  const winning = new Uint8Array((n + 1) * width);
  for (let s = 0; s <= n; s++)
    for (let x = 0; x <= cap; x++) winning[s * width + x] = game.wins(s, x) ? 1 : 0;
  return winning;
}

/** The others' counts into `others`: a player of weight w divided out of the generating function, size by size. */
function divideOut(
  c: Float64Array,
  w: number,
  n: number,
  cap: number,
  limit: number,
  others: Float64Array,
): void {
  const width = cap + 1;
  for (let s = 0; s < n; s++) {
    const row = s * width;
    const prev = (s - 1) * width;
    for (let x = 0; x < cap; x++) {
      let v = c[row + x] as number;
      if (s > 0 && x >= w) {
        v -= others[prev + x - w] as number;
        v += limit * +(v < 0);
      }
      others[row + x] = v;
    }
    let from = c[row + cap] as number;
    if (s > 0)
      for (let y = Math.max(0, cap - w); y <= cap; y++) {
        from -= others[prev + y] as number;
        from += limit * +(from < 0);
      }
    others[row + cap] = from;
  }
}

/** For each size s, the coalitions of s others that a player of weight w turns from losing to winning. */
function swingsBySizeOf(
  others: Float64Array,
  winning: Uint8Array,
  w: number,
  n: number,
  cap: number,
  limit: number,
): number[] {
  const width = cap + 1;
  const bySize: number[] = [];
  for (let s = 0; s < n; s++) {
    let total = 0;
    const row = s * width;
    const grown = (s + 1) * width;
    for (let x = 0; x <= cap; x++) {
      const v = others[row + x] as number;
      if (v && !winning[row + x] && winning[grown + Math.min(cap, x + w)]) {
        total += v;
        total -= limit * +(total >= limit);
      }
    }
    bySize.push(total);
  }
  return bySize;
}

/**
 * For each distinct weight, the coalitions of the others a player of that weight swings, counted
 * over weight alone (modulo `p`, or exactly when `p` is 0): enough for Banzhaf indices of a game
 * whose rule ignores size, in O(n·cap) instead of O(n²·cap).
 */
function weightSwings(game: Game, p: number): Map<number, number> {
  const cap = game.cap;
  const limit = p || 2 ** 53;
  const c = new Float64Array(cap + 1);
  c[0] = 1;
  for (const { weight: w } of game.players) {
    let into = 0;
    for (let x = Math.max(0, cap - w); x <= cap; x++) {
      into += c[x] as number;
      into -= limit * +(into >= limit);
    }
    for (let x = cap - 1; x >= w; x--) {
      let v = (c[x] as number) + (c[x - w] as number);
      v -= limit * +(v >= limit);
      c[x] = v;
    }
    let v = (c[cap] as number) + into;
    v -= limit * +(v >= limit);
    c[cap] = v;
  }
  const out = new Map<number, number>();
  const others = new Float64Array(cap + 1);
  for (const { weight: w } of game.players) {
    if (out.has(w)) continue;
    for (let x = 0; x < cap; x++) {
      let v = c[x] as number;
      if (x >= w) {
        v -= others[x - w] as number;
        v += limit * +(v < 0);
      }
      others[x] = v;
    }
    let total = 0;
    for (let x = 0; x < cap; x++) {
      if (!game.wins(0, x) && game.wins(0, Math.min(cap, x + w))) {
        total += others[x] as number;
        total -= limit * +(total >= limit);
      }
    }
    out.set(w, total);
  }
  return out;
}

/** Exact Banzhaf indices of a game whose rule depends on weight alone, without coalition sizes. */
export function banzhafIndices(input: Game): Array<Omit<PlayerPower, "shapleyShubik">> {
  const flipped = dual(input);
  const game = flipped.cap < input.cap ? flipped : input;
  const n = game.players.length;
  const byWeight = new Map<number, bigint>();
  if (n <= 52) for (const [w, v] of weightSwings(game, 0)) byWeight.set(w, BigInt(v));
  else {
    const primes = PRIMES.slice(0, Math.ceil(n / 52) + 1);
    const residues = primes.map((p) => weightSwings(game, p));
    for (const w of residues[0]?.keys() ?? [])
      byWeight.set(
        w,
        crt(
          residues.map((r) => r.get(w) as number),
          primes,
        ),
      );
  }
  const swings = game.players.map((p) => byWeight.get(p.weight) as bigint);
  const total = swings.reduce((a, b) => a + b, 0n);
  return game.players.map((p, i) => ({
    id: p.id,
    banzhaf: fraction(swings[i] as bigint, total || 1n),
    swings: swings[i] as bigint,
  }));
}

/** x ≡ r_k (mod p_k) for each k, as the least non-negative integer. */
function crt(residues: number[], primes: number[]): bigint {
  let x = 0n;
  let m = 1n;
  for (let k = 0; k < primes.length; k++) {
    const p = BigInt(primes[k] as number);
    const r = BigInt(residues[k] as number);
    // x + m·t ≡ r (mod p)
    const t = (((r - (x % p)) % p) + p) % p;
    const inv = modInverse(m % p, p);
    x += m * ((t * inv) % p);
    m *= p;
  }
  return x;
}

function modInverse(a: bigint, p: bigint): bigint {
  let [oldR, r] = [a, p];
  let [oldS, s] = [1n, 0n];
  while (r) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % p) + p) % p;
}

/**
 * The dual game: a coalition wins when its complement would lose. Its players have the same
 * swings (S for one, the others outside S for the other) and the same indices; where the quota is
 * high its weights stop lower, and the dynamic programme is smaller.
 */
function dual(game: Game): Game {
  const n = game.players.length;
  const total = game.players.reduce((s, p) => s + p.weight, 0);
  return {
    players: game.players,
    cap: Math.max(0, total - game.cap + 1),
    wins: (size, weight) => !game.wins(n - size, total - weight),
    ...(game.sizeFree ? { sizeFree: true } : {}),
  };
}

/** The least weight that wins a game whose rule ignores size; past `cap` when none does. */
function threshold(game: Game): number {
  let [low, high] = [0, game.cap + 1];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (game.wins(0, mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** For each modulus (0: exact), swing counts by size per distinct weight. */
function swingsBySize(game: Game, moduli: number[]): Array<Map<number, number[]>> {
  if (!game.sizeFree) return moduli.map((p) => swingCounts(game, p));
  const t = threshold(game);
  const weights = game.players.map((player) => player.weight);
  if (t > game.cap)
    return moduli.map(() => new Map(weights.map((w) => [w, new Array<number>(weights.length).fill(0)])));
  return thresholdSwingsBySize(weights, t, moduli);
}

/** Exact Shapley–Shubik and Banzhaf indices of every player of a game. */
export function powerIndices(input: Game): PlayerPower[] {
  const flipped = dual(input);
  const game = flipped.cap < input.cap ? flipped : input;
  const n = game.players.length;
  const byWeight = new Map<number, bigint[]>();
  if (n <= 52) {
    for (const [w, row] of swingsBySize(game, [0])[0] ?? [])
      byWeight.set(
        w,
        row.map((v) => BigInt(v)),
      );
  } else {
    // Counts reach C(n-1, s) < 2^(n-1); each prime is above 2^51.99.
    const k = Math.ceil(n / 51.99);
    const primes = PRIMES.slice(0, k);
    if (primes.length < k) throw new Error(`games of ${n} players are beyond the primes at hand`);
    const residues = swingsBySize(game, primes);
    for (const w of residues[0]?.keys() ?? []) {
      byWeight.set(
        w,
        Array.from({ length: n }, (_, s) =>
          crt(
            residues.map((r) => (r.get(w) as number[])[s] as number),
            primes,
          ),
        ),
      );
    }
  }
  const counts = game.players.map((player) => byWeight.get(player.weight) as bigint[]);
  const factorial: bigint[] = [1n];
  for (let i = 1; i <= n; i++) factorial.push((factorial[i - 1] as bigint) * BigInt(i));
  const nFactorial = factorial[n] as bigint;
  const swings = counts.map((row) => row.reduce((a, b) => a + b, 0n));
  const totalSwings = swings.reduce((a, b) => a + b, 0n);
  return game.players.map((player, i) => {
    let ss = 0n;
    (counts[i] as bigint[]).forEach((count, s) => {
      ss += count * (factorial[s] as bigint) * (factorial[n - 1 - s] as bigint);
    });
    return {
      id: player.id,
      shapleyShubik: fraction(ss, nFactorial),
      banzhaf: fraction(swings[i] as bigint, totalSwings || 1n),
      swings: swings[i] as bigint,
    };
  });
}
