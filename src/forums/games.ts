import type { ForumDef, Member } from "./data.ts";
import { councilEra, niceThreshold, qmvEra, type RuleChoice } from "./rules.ts";

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

/** EU populations in units of 10,000 people: a double majority's dynamic programme stays small. */
const POPULATION_UNIT = 10;

/**
 * A forum's rule on a date as a simple game for voting power: every member votes yes or no
 * (power indices do not model abstention).
 */
export function gameOf(forum: ForumDef, date: string, members: Member[], rule: RuleChoice): Game {
  const n = members.length;
  if (forum.rule.kind === "veto-quota") {
    const { quota } = councilEra(forum, date);
    const permanent = members.filter((m) => m.seat === "permanent").length;
    if (rule === "procedural")
      return {
        players: members.map((m) => ({ id: m.code, weight: 0 })),
        cap: 0,
        wins: (size) => size >= quota,
      };
    // Weight counts permanent members: a substantive decision needs all of them and the quota.
    return {
      players: members.map((m) => ({ id: m.code, weight: m.seat === "permanent" ? 1 : 0 })),
      cap: permanent,
      wins: (size, weight) => size >= quota && weight >= permanent,
    };
  }
  if (forum.rule.kind === "majority-of-voting") {
    const quota = rule === "important" ? Math.ceil((2 * n) / 3) : Math.floor(n / 2) + 1;
    return {
      players: members.map((m) => ({ id: m.code, weight: 0 })),
      cap: 0,
      wins: (size) => size >= quota,
    };
  }
  if (forum.rule.kind === "consensus" || rule === "unanimity") {
    return { players: members.map((m) => ({ id: m.code, weight: 0 })), cap: 0, wins: (size) => size === n };
  }
  const era = qmvEra(forum, date);
  if (era.kind === "nice") {
    const total = members.reduce((s, m) => s + (m.weight ?? 0), 0);
    const threshold = niceThreshold(total);
    const majority = Math.floor(n / 2) + 1;
    return {
      players: members.map((m) => ({ id: m.code, weight: m.weight ?? 0 })),
      cap: threshold,
      wins: (size, weight) => weight >= threshold && size >= majority,
    };
  }
  const players = members.map((m) => ({
    id: m.code,
    weight: Math.round((m.population ?? 0) / POPULATION_UNIT),
  }));
  const population = players.reduce((s, p) => s + p.weight, 0);
  const popNeeded = Math.ceil((era.population_share ?? 0.65) * population);
  const membersNeeded = Math.max(Math.ceil((era.members_share ?? 0.55) * n), era.members_min ?? 15);
  const blocking = era.blocking_min ?? 4;
  return {
    players,
    cap: popNeeded,
    wins: (size, weight) => size >= membersNeeded && (weight >= popNeeded || n - size < blocking),
  };
}
