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

/** Light hues far apart, for telling a document's speakers apart behind dark text. */
const SPEAKER_HUES = [210, 30, 130, 280, 0, 180, 60, 330, 95, 250, 160, 15];

/**
 * A colour for each speaker of a document, in the order they first speak: distinct hues for the
 * first twelve (a hash of the name put three speakers in one colour), then lighter repeats; grey
 * for quotes no one is named for.
 */
export function speakerColors(speakers: Array<string | null>): Map<string | null, string> {
  const out = new Map<string | null, string>([[null, "hsl(0 0% 88%)"]]);
  for (const id of speakers) {
    if (out.has(id)) continue;
    const i = out.size - 1;
    const hue = SPEAKER_HUES[i % SPEAKER_HUES.length] as number;
    out.set(id, `hsl(${hue} 70% ${i < SPEAKER_HUES.length ? 84 : 92}%)`);
  }
  return out;
}
