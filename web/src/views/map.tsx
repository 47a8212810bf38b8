import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useMemo, useState } from "preact/hooks";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json" with { type: "json" };
import type { Issues, MapData, Position, Positions } from "../../../src/server/api-types.ts";
import { get } from "../api.ts";
import { STANCE_COLORS } from "../colors.ts";
import { ExportButtons } from "../export.tsx";
import { link, type Route, update } from "../route.ts";
import { useLoad } from "../use-api.ts";
import { Legend, PositionTable } from "./map-parts.tsx";
import { type Tip, useZoom } from "./map-zoom.ts";

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

/** What a state's tooltip and its table row say: its position, since when, on how much evidence. */
function describe(name: string, p: Position | undefined): string {
  if (!p) return `${name}: no position known`;
  const n = p.counts.support + p.counts.oppose + p.counts.neutral;
  return `${name}: ${p.stance} since ${p.since ?? "undated"}, ${n} piece${n === 1 ? "" : "s"} of evidence${p.on_record ? ", on record" : ""}`;
}

/**
 * Where states and bodies stand at a date: the map (the disputed territory outlined, small states
 * as circles, records hatched), a date slider over the days a stance changed, zoom and pan,
 * tooltips on hover and focus, the bodies' positions, and the same data as a table.
 */
export function MapView({ route, issue }: { route: Route; issue: string }) {
  const geo = useLoad(() => get<MapData>("/api/map"), []);
  const issues = useLoad(() => get<Issues>("/api/issues"), []);
  const all = useLoad(() => get<Positions>("/api/positions", { issue, evidence: 0 }), [issue]);
  const dates = useMemo(() => stops(all.data?.positions ?? []), [all.data]);
  const at = route.at ?? dates[dates.length - 1];
  // Without a date in the address the latest positions are those already loaded: ask only for a date given.
  const dated = useLoad(
    () =>
      route.at
        ? get<Positions>("/api/positions", { issue, at: route.at, evidence: 0 })
        : Promise.resolve(undefined),
    [issue, route.at],
  );
  const now = route.at ? dated : all;
  const zoom = useZoom(WIDTH, HEIGHT);
  const [tip, setTip] = useState<Tip | null>(null);
  const [table, setTable] = useState(false);
  const list = now.data?.positions ?? [];
  const byCode = new Map(
    list.filter((p) => p.actor.id.startsWith("state:")).map((p) => [p.actor.id.slice(6), p]),
  );
  const bodies = list.filter((p) => p.actor.kind === "organization");
  const places = new Set(issues.data?.find((i) => i.id === issue)?.places ?? []);
  const nameOf = (code: string, fallback: string) =>
    byCode.get(code)?.actor.name ?? geo.data?.names[code] ?? fallback;
  const codeOf = (f: Feature<Geometry, { name: string }>) =>
    (f.id !== undefined ? geo.data?.numeric[String(f.id)] : undefined) ??
    geo.data?.shapes_by_name[f.properties.name];
  const index = Math.max(0, at ? dates.indexOf(at) : dates.length - 1);
  const counts = { support: 0, oppose: 0, neutral: 0, mixed: 0 };
  for (const p of byCode.values()) counts[p.stance]++;
  const recorded = [...byCode.values()].filter((p) => p.on_record).length;
  const targets = shapes.filter((f) => places.has(codeOf(f) ?? ""));
  const show = (code: string, text: string) => (event: Event) => setTip(zoom.tipAt(event, code, text));
  const hide = () => setTip(null);
  const stateLink = (code: string) => ({
    ...link({ view: "state", issue, actor: `state:${code}`, at: at ?? "" }),
    onFocus: show(code, describe(nameOf(code, code), byCode.get(code))),
    onBlur: hide,
    onMouseEnter: show(code, describe(nameOf(code, code), byCode.get(code))),
    onMouseLeave: hide,
    "aria-label": describe(nameOf(code, code), byCode.get(code)),
  });
  return (
    <section class="map-view">
      <div class="toolbar">
        <label>
          Date{" "}
          <input
            type="range"
            aria-label="date"
            aria-valuetext={at ?? "no stances yet"}
            list="map-dates"
            min={0}
            max={Math.max(0, dates.length - 1)}
            value={index}
            onInput={(e) => update({ at: dates[Number((e.target as HTMLInputElement).value)] ?? "" }, true)}
          />
          <datalist id="map-dates">
            {dates.map((d, i) => (
              <option key={d} value={i} label={d} />
            ))}
          </datalist>
        </label>
        <output data-testid="map-date">{at ?? "no stances yet"}</output>
        <span class="muted">
          {dates.length} dates with a change of stance
          {dates.length ? `, ${dates[0]} to ${dates[dates.length - 1]}` : ""}
        </span>
        <span class="zoom">
          <button type="button" onClick={() => zoom.by(1.5)} aria-label="zoom in">
            +
          </button>
          <button type="button" onClick={() => zoom.by(1 / 1.5)} aria-label="zoom out">
            −
          </button>
          <button type="button" onClick={zoom.reset}>
            whole world
          </button>
        </span>
        <button type="button" aria-pressed={table} onClick={() => setTable(!table)}>
          {table ? "show the map" : "show as a table"}
        </button>
        <ExportButtons
          data={{
            name: `positions-${issue}${at ? `-${at}` : ""}`,
            records: list,
            table: list.map((p) => ({
              actor_id: p.actor.id,
              actor: p.actor.name,
              kind: p.actor.kind,
              stance: p.stance,
              since: p.since,
              support: p.counts.support,
              oppose: p.counts.oppose,
              neutral: p.counts.neutral,
              on_record: p.on_record,
            })),
          }}
        />
      </div>
      <Legend
        counts={counts}
        recorded={recorded}
        places={targets.map((f) => nameOf(codeOf(f) ?? "", f.properties.name))}
      />
      {all.error && <p class="error">{all.error}</p>}
      {route.at && dated.error && (
        <p class="error" role="alert">
          “{route.at}” is not a date this map can show: move the slider, or give a date as YYYY, YYYY-MM or
          YYYY-MM-DD.
        </p>
      )}
      {all.loading && !all.data && <p class="muted">Loading positions…</p>}
      {all.data && !all.data.positions.length && <p>No stances on this issue yet.</p>}
      {table ? (
        <PositionTable list={list} issue={issue} at={at} />
      ) : (
        <div class="map-frame">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="map" {...zoom.handlers}>
            <title>{`Positions on ${issue} at ${at ?? ""}; on a state, + and − zoom and the arrow keys pan`}</title>
            <defs>
              {/* A record (a recognition, a vote) is hatched over the stance's colour, not told by colour alone. */}
              <pattern
                id="on-record"
                width="5"
                height="5"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <line x1="0" y1="0" x2="0" y2="5" stroke="#fff" stroke-width="1.4" />
              </pattern>
            </defs>
            <g transform={zoom.transform}>
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
                    />
                    {p?.on_record && <path d={d} fill="url(#on-record)" pointer-events="none" />}
                  </g>
                );
                return code ? (
                  <a key={`${f.id ?? f.properties.name}`} {...stateLink(code)}>
                    {shape}
                  </a>
                ) : (
                  <g key={f.properties.name}>{shape}</g>
                );
              })}
              {targets.map((f) => {
                const [x, y] = path.centroid(f);
                return (
                  <g
                    key={`target-${f.properties.name}`}
                    class="target"
                    data-target={codeOf(f)}
                    pointer-events="none"
                  >
                    <path d={path(f) ?? ""} />
                    <text x={x} y={y - 6 / zoom.scale} font-size={11 / zoom.scale}>
                      {nameOf(codeOf(f) ?? "", f.properties.name)}
                    </text>
                  </g>
                );
              })}
              {(geo.data?.points ?? []).map((point) => {
                const xy = projection([point.lon, point.lat]);
                const p = byCode.get(point.code);
                if (!xy) return null;
                return (
                  <a key={point.code} {...stateLink(point.code)}>
                    <circle
                      cx={xy[0]}
                      cy={xy[1]}
                      r={2.2 / Math.sqrt(zoom.scale)}
                      fill={STANCE_COLORS[p?.stance ?? "unknown"]}
                      stroke="#1d2330"
                      stroke-width={0.5 / zoom.scale}
                      data-code={point.code}
                      data-stance={p?.stance ?? "unknown"}
                      data-record={p?.on_record ? "1" : "0"}
                      stroke-dasharray={p?.on_record ? "1.5 1" : undefined}
                    />
                  </a>
                );
              })}
            </g>
          </svg>
          {tip && (
            <div
              class="map-tip"
              role="tooltip"
              data-testid="map-tip"
              style={{ left: `${tip.x}px`, top: `${tip.y}px` }}
            >
              {tip.text}
            </div>
          )}
        </div>
      )}
      {bodies.length > 0 && (
        <p class="bodies">
          Bodies:{" "}
          {bodies.map((b, i) => (
            <span key={b.actor.id}>
              {i ? "; " : ""}
              <a {...link({ view: "state", issue, actor: b.actor.id, at: at ?? "" })}>{b.actor.name}</a>{" "}
              <span class="tag" style={{ background: STANCE_COLORS[b.stance] }}>
                {b.stance}
              </span>{" "}
              since {b.since ?? "undated"}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
