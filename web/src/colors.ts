import type { Stance } from "../../src/server/api-types.ts";

/**
 * A diverging palette readers with any common colour-vision deficiency tell apart (blue for, burnt
 * orange against, grey neutral, dark purple mixed, pale grey unknown): every pair stays at least
 * 30 CIELAB units apart under simulated protanopia, deuteranopia and tritanopia, and white text
 * reads on each stance's colour (test/web/palette.test.ts).
 */
export const STANCE_COLORS: Record<Stance | "unknown", string> = {
  support: "#046bdd",
  oppose: "#a63c04",
  neutral: "#5b5b5b",
  mixed: "#510363",
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
