import { describe, expect, it } from "vitest";
import { STANCE_COLORS } from "../../web/src/colors.ts";

/** Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB. */
const VISION: Record<string, number[][]> = {
  typical: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => linear(Number.parseInt(hex.slice(i, i + 2), 16) / 255));
const luminance = ([r, g, b]: number[]) => 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);

function lab([r = 0, g = 0, b = 0]: number[]): number[] {
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const seen = (matrix: number[][], color: number[]) =>
  matrix.map((row) =>
    Math.min(
      1,
      Math.max(
        0,
        row.reduce((sum, m, i) => sum + m * (color[i] ?? 0), 0),
      ),
    ),
  );

describe("the stance palette", () => {
  it("keeps every two stances apart for readers with any common colour-vision deficiency", () => {
    const names = Object.keys(STANCE_COLORS) as Array<keyof typeof STANCE_COLORS>;
    for (const [vision, matrix] of Object.entries(VISION))
      for (const [i, a] of names.entries())
        for (const b of names.slice(i + 1)) {
          const [p, q] = [a, b].map((n) => lab(seen(matrix, rgb(STANCE_COLORS[n]))));
          const distance = Math.hypot(...(p as number[]).map((v, k) => v - ((q as number[])[k] ?? 0)));
          expect(distance, `${a} and ${b} under ${vision}`).toBeGreaterThanOrEqual(30);
        }
  });

  it("carries white text on each stance's colour (WCAG 4.5:1)", () => {
    for (const stance of ["support", "oppose", "neutral", "mixed"] as const)
      expect(1.05 / (luminance(rgb(STANCE_COLORS[stance])) + 0.05), stance).toBeGreaterThanOrEqual(4.5);
  });
});
