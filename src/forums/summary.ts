import type { Projection } from "./project.ts";

/** Past this many members with unknown positions, a projection lists those that decide it, not all. */
export const LISTED_UNKNOWN = 12;

/**
 * What a projection comes to, in the order a reader should meet it: how much of it is known
 * before any verdict; a verdict only where the unknown members cannot change it; otherwise the
 * outcome on known positions alone, the ways it could go, and how few members would turn it.
 * Shared by the CLI and the app, so both say the same.
 */
export function projectionSummary(p: Projection): string[] {
  const n = p.votes.length;
  const u = p.unknown.length;
  const known = `${p.decision.adopted ? "adopted" : "not adopted"} (${p.decision.reasons.join("; ")})`;
  const ways = p.scenarios
    .map((s) => `all ${s.unknown_vote} → ${s.adopted ? "adopted" : "not adopted"}`)
    .join("; ");
  const turning = p.turning
    ? `${p.turning.members} of them voting ${p.turning.vote}, the rest not voting, would make it ${p.decision.adopted ? "fail" : "adopted"}.`
    : "";
  const mostlyUnknown = u * 2 > n;
  if (p.determined) {
    const verdict = `${p.adopted ? "ADOPTED" : "NOT ADOPTED"}: ${p.decision.reasons.join("; ")}`;
    return [
      ...(mostlyUnknown
        ? [`${u} of ${n} members have no known position, but the outcome does not turn on them:`]
        : []),
      `${verdict}${u ? ` (however the ${u} members with unknown positions vote)` : ""}`,
    ];
  }
  if (mostlyUnknown)
    return [
      `${u} of ${n} members have no known position: the outcome turns on them.`,
      `On the ${n - u} known positions alone it would be ${known}; ${ways}.`,
      ...(turning ? [turning] : []),
    ];
  return [
    `UNDETERMINED: it turns on the ${u} members with unknown positions (${ways}).`,
    `Counting known positions only: ${known}.${turning ? ` ${turning}` : ""}`,
  ];
}
