/**
 * Swing counts of a simple game by dynamic programming over coalition sizes and weights (the
 * generating function of the game), modulo a prime below 2^52 or exactly: what the indices of
 * power.ts are made of.
 */

import type { Game } from "./games.ts";

/**
 * For each player and coalition size s, the number of coalitions of s others that the player
 * swings, modulo `p` (or exactly, when `p` is 0 and counts stay below 2^53).
 */
export function swingCounts(game: Game, p: number): Map<number, number[]> {
  const n = game.players.length;
  const cap = game.cap;
  const width = cap + 1;
  // Without a modulus (p = 0) counts stay exact below 2^53 and never reach the limit. Reductions
  // are branch-free: residues are random, so a branch would be mispredicted half the time.
  const limit = p || 2 ** 53;
  const c = coalitionCounts(game, limit);
  const winning = winningTable(game);
  // Players of equal weight swing the same coalitions: each weight is worked out once. The work
  // for a weight stays in this loop: as a function of its own it ran 7% slower (EU-27 QMV).
  const out = new Map<number, number[]>();
  const others = new Float64Array(n * width);
  for (const { weight: w } of game.players) {
    if (out.has(w)) continue;
    // The others' counts: the player divided out of the generating function, size by size.
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
    out.set(w, bySize);
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

/**
 * For each distinct weight, the coalitions of the others a player of that weight swings, counted
 * over weight alone (modulo `p`, or exactly when `p` is 0): enough for Banzhaf indices of a game
 * whose rule ignores size, in O(n·cap) instead of O(n²·cap).
 */
export function weightSwings(game: Game, p: number): Map<number, number> {
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
