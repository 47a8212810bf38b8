import { readFileSync } from "node:fs";
import { join } from "node:path";
import countries from "i18n-iso-countries";
import { PACKAGE_ROOT } from "../paths.ts";
import { states } from "../world/states.ts";

interface MapPoints {
  shapes_by_name: Record<string, string>;
  points: Array<{ code: string; lon: number; lat: number }>;
}

let cached: ReturnType<typeof build> | undefined;

function build() {
  const file = JSON.parse(
    readFileSync(join(PACKAGE_ROOT, "data", "gazetteer", "map-points.json"), "utf8"),
  ) as MapPoints;
  const numeric: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const [code, state] of states()) {
    names[code] = state.name;
    const n = countries.alpha3ToNumeric(code);
    if (n) numeric[n] = code;
  }
  return { numeric, shapes_by_name: file.shapes_by_name, points: file.points, names };
}

/** How the map finds each state: by the ISO number of its shape, the name of an unnumbered shape, or a point. */
export function mapData() {
  cached ??= build();
  return cached;
}
