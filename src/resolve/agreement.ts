import type { Vote } from "../forums/rules.ts";

/**
 * A vote on a decision whose yes shows `yes`, as a vote on a draft endorsing the issue: a yes on
 * a text against the issue is a no on such a draft.
 */
export function asEndorsement(act: string, yes: "support" | "oppose"): Vote | "unrecorded" {
  const flip = yes === "oppose";
  if (act === "yes") return flip ? "no" : "yes";
  if (act === "no" || act === "veto") return flip ? "yes" : "no";
  if (act === "abstain") return "abstain";
  if (act === "absent") return "absent";
  return "unrecorded";
}

export type Agreement = "agrees" | "contradicts" | "differs" | "no-position" | "unrecorded";

/** How a projected vote compares with a recorded one, both on a draft endorsing the issue. */
export function agreementOf(projected: Vote | "unknown", recorded: Vote | "unrecorded"): Agreement {
  if (recorded === "unrecorded") return "unrecorded";
  if (projected === "unknown") return "no-position";
  if (projected === recorded) return "agrees";
  const opposite = (projected === "yes" && recorded === "no") || (projected === "no" && recorded === "yes");
  return opposite ? "contradicts" : "differs";
}
