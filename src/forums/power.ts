/**
 * Exact voting power: Shapley–Shubik and Banzhaf indices by dynamic programming over coalition
 * sizes and weights (the generating function of the game), never by enumerating orderings or
 * coalitions. Counts are kept modulo a few primes below 2^52 (sums of two stay exact in a double)
 * and rebuilt exactly by the Chinese remainder theorem; games of up to 52 players need no modulus.
 */

import type { Game } from "./games.ts";
import { swingCounts, weightSwings } from "./swing-counts.ts";
import { thresholdSwingsBySize } from "./weighted-power.ts";

// Games are made in games.ts; those who ask for their indices name the type from here too.
export type { Game };

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
