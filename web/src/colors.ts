import type { Stance } from "../../src/server/api-types.ts";

export const STANCE_COLORS: Record<Stance | "unknown", string> = {
  support: "#2e7d32",
  oppose: "#c62828",
  neutral: "#8d99ae",
  mixed: "#8e24aa",
  unknown: "#e3e6ea",
};

/** The colour of a stance given as any string (the timeline's are): one not known is shown as unknown. */
export function stanceColor(stance: string): string {
  return (STANCE_COLORS as Record<string, string | undefined>)[stance] ?? STANCE_COLORS.unknown;
}

/** A stable colour for a speaker: quotes by one person share it across the document. */
export function speakerColor(id: string | null): string {
  if (!id) return "hsl(0 0% 88%)";
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 360;
  return `hsl(${h} 70% 85%)`;
}
