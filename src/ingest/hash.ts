import { createHash } from "node:crypto";

/** The identity of a text: SHA-256 of its stored (normalised) form, in hex. */
export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
