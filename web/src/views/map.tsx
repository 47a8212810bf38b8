import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useMemo } from "preact/hooks";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json" with { type: "json" };
import type { MapData, Position, Positions } from "../../../src/server/api-types.ts";
import { get } from "../api.ts";
import { STANCE_COLORS } from "../colors.ts";
import { link, type Route, update } from "../route.ts";
import { useLoad } from "../use-api.ts";

const WIDTH = 960;
const HEIGHT = 500;
const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const shapes = (
  feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>
).features;
const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], {
  type: "FeatureCollection",
  features: shapes,
});
const path = geoPath(projection);

/** The days on which some actor's stance changed: the stops of the date slider. */
function stops(list: Position[]): string[] {
  const days = new Set<string>();
  for (const p of list) for (const c of p.changes) days.add(c.date);
  return [...days].sort();
}

export function MapView({ route, issue }: { route: Route; issue: string }) {
  const geo = useLoad(() => get<MapData>("/api/map"), []);
  const all = useLoad(() => get<Positions>("/api/positions", { issue, evidence: 0 }), [issue]);
  const dates = useMemo(() => stops(all.data?.positions ?? []), [all.data]);
  const at = route.at ?? dates[dates.length - 1];
  const now = useLoad(() => get<Positions>("/api/positions", { issue, at, evidence: 0 }), [issue, at]);
  const byCode = new Map(
    (now.data?.positions ?? [])
      .filter((p) => p.actor.id.startsWith("state:"))
      .map((p) => [p.actor.id.slice(6), p]),
  );
  const codeOf = (f: Feature<Geometry, { name: string }>) =>
    (f.id !== undefined ? geo.data?.numeric[String(f.id)] : undefined) ??
    geo.data?.shapes_by_name[f.properties.name];
  const index = Math.max(0, at ? dates.indexOf(at) : dates.length - 1);
  const counts = { support: 0, oppose: 0, neutral: 0, mixed: 0 };
  for (const p of byCode.values()) counts[p.stance]++;
  const recorded = [...byCode.values()].filter((p) => p.on_record).length;
  const describe = (name: string, p: Positions["positions"][number] | undefined) =>
    `${name}: ${p ? `${p.stance} since ${p.since ?? "?"}${p.on_record ? " (on record)" : ""}` : "no position known"}`;
  return (
    <section>
      <div class="toolbar">
        <label>
          Date{" "}
          <input
            type="range"
            aria-label="date"
            min={0}
            max={Math.max(0, dates.length - 1)}
            value={index}
            onInput={(e) => update({ at: dates[Number((e.target as HTMLInputElement).value)] ?? "" }, true)}
          />
        </label>
        <output data-testid="map-date">{at ?? "no stances yet"}</output>
        <span class="legend">
          {(["support", "oppose", "neutral", "mixed"] as const).map((s) => (
            <span key={s}>
              <i style={{ background: STANCE_COLORS[s] }} /> {s} ({counts[s]})
            </span>
          ))}
          <span>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill="#ccc" />
              <rect width="14" height="14" fill="url(#on-record)" />
            </svg>{" "}
            hatched: on record, a recognition or vote ({recorded})
          </span>
        </span>
      </div>
      {all.error && <p class="error">{all.error}</p>}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        class="map"
        role="img"
        aria-label={`positions on ${issue} at ${at ?? ""}`}
      >
        <defs>
          {/* A record (a recognition, a vote) is marked by hatching over the stance's colour, not by colour alone. */}
          <pattern
            id="on-record"
            width="5"
            height="5"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="5" stroke="#1d2330" stroke-width="1.4" />
          </pattern>
        </defs>
        {shapes.map((f) => {
          const code = codeOf(f);
          const p = code ? byCode.get(code) : undefined;
          const d = path(f) ?? "";
          const shape = (
            <g>
              <path
                d={d}
                fill={STANCE_COLORS[p?.stance ?? "unknown"]}
                data-code={code ?? ""}
                data-stance={p?.stance ?? "unknown"}
                data-record={p?.on_record ? "1" : "0"}
                class={code ? "state" : ""}
              >
                <title>{describe(p?.actor.name ?? f.properties.name, p)}</title>
              </path>
              {p?.on_record && <path d={d} fill="url(#on-record)" pointer-events="none" />}
            </g>
          );
          return code ? (
            <a
              key={`${f.id ?? f.properties.name}`}
              {...link({ view: "state", issue, actor: `state:${code}`, at: at ?? "" })}
            >
              {shape}
            </a>
          ) : (
            <g key={f.properties.name}>{shape}</g>
          );
        })}
        {(geo.data?.points ?? []).map((point) => {
          const xy = projection([point.lon, point.lat]);
          const p = byCode.get(point.code);
          if (!xy) return null;
          return (
            <a
              key={point.code}
              {...link({ view: "state", issue, actor: `state:${point.code}`, at: at ?? "" })}
            >
              <circle
                cx={xy[0]}
                cy={xy[1]}
                r={4}
                fill={STANCE_COLORS[p?.stance ?? "unknown"]}
                stroke="#333"
                stroke-width={0.6}
                data-code={point.code}
                data-stance={p?.stance ?? "unknown"}
                data-record={p?.on_record ? "1" : "0"}
                stroke-dasharray={p?.on_record ? "1.5 1" : undefined}
              >
                <title>{describe(geo.data?.names[point.code] ?? point.code, p)}</title>
              </circle>
            </a>
          );
        })}
      </svg>
    </section>
  );
}
