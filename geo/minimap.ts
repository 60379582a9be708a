/**
 * Small static maps as SVG strings: country outlines around a point and a marker on it (the
 * preview images), or around a story's places with a dot on each (the story index). Equirectangular
 * with the longitude scaled by cos(latitude), which is true enough over the few hundred kilometres
 * such a map shows.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { CountryFeature } from "./countries";
import { coreBoundsOf } from "./spatial";

export interface MiniMapOptions {
  centre: Position;
  width: number;
  height: number;
  /** Degrees of latitude from the top edge to the bottom edge. */
  spanLat: number;
  /** Where to draw markers; the centre when not given. */
  markers?: readonly Position[];
  /** The marker's radius in pixels; its halo and white ring keep the preview marker's proportions (13, 26, 4). */
  markerRadius?: number;
}

function rings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
}

/** How far outside the picture a ring's points are kept as they are, in pixels: more than the longest edge of a 1:50m outline at these scales. */
const CLAMP_MARGIN = 20;

/**
 * A ring as path data, cut down to what shows: points outside the picture (plus a margin) are
 * moved onto the margin's edge, which leaves the shape inside the picture as it was; a run of
 * such points along one edge keeps only its ends, and points less than half a pixel from the last
 * one drawn are left out. Most of a country's outline lies off a small map, and without this it
 * would be most of the bytes.
 */
function ringPath(ring: Position[], project: (p: Position) => number[], width: number, height: number): string {
  const [left, right, top, bottom] = [-CLAMP_MARGIN, width + CLAMP_MARGIN, -CLAMP_MARGIN, height + CLAMP_MARGIN];
  // `edges`: which margin lines the point was moved onto, as bits (1 left, 2 right, 4 top, 8 bottom).
  const points: { x: number; y: number; edges: number }[] = [];
  for (const position of ring) {
    const [px = 0, py = 0] = project(position);
    const x = Math.min(right, Math.max(left, px));
    const y = Math.min(bottom, Math.max(top, py));
    const edges = (px < left ? 1 : 0) | (px > right ? 2 : 0) | (py < top ? 4 : 0) | (py > bottom ? 8 : 0);
    const last = points[points.length - 1];
    if (last && Math.abs(x - last.x) < 0.5 && Math.abs(y - last.y) < 0.5) continue;
    const beforeLast = points[points.length - 2];
    // Three points on one margin line: the middle one adds nothing.
    if (last && beforeLast && (edges & last.edges & beforeLast.edges) !== 0) points.pop();
    points.push({ x, y, edges });
  }
  return points.length > 2 ? `M${points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join("L")}Z` : "";
}

/** SVG markup (numbers and fixed colours only: nothing from the data is written into it as text). */
export function miniMapSvg(countries: readonly CountryFeature[], options: MiniMapOptions): string {
  const { centre, width, height, spanLat, markers = [centre], markerRadius = 13 } = options;
  const [lng0 = 0, lat0 = 0] = centre;
  const scale = height / spanLat;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const project = ([lng = 0, lat = 0]: Position) => [width / 2 + (lng - lng0) * kx * scale, height / 2 - (lat - lat0) * scale];
  const spanLng = width / (scale * kx);
  const visible = (ring: Position[]) => ring.some(([lng = 0, lat = 0]) => Math.abs(lng - lng0) < spanLng && Math.abs(lat - lat0) < spanLat);
  const paths = countries
    .flatMap((country) => rings(country.geometry).filter(visible))
    .map((ring) => ringPath(ring, project, width, height));
  const ring = ((markerRadius * 4) / 13).toFixed(1);
  const dots = markers.map((marker) => {
    const [x, y] = project(marker).map((n) => n.toFixed(1));
    return [
      `<circle cx="${x}" cy="${y}" r="${markerRadius * 2}" fill="#17212b" fill-opacity="0.18"/>`,
      `<circle cx="${x}" cy="${y}" r="${markerRadius}" fill="#0b5cad" stroke="#fff" stroke-width="${ring}"/>`,
    ].join("");
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#cfdde8"/>`,
    `<path d="${paths.join("")}" fill="#eef0ea" stroke="#8894a0" stroke-width="1.2" fill-rule="evenodd"/>`,
    ...dots,
    `</svg>`,
  ].join("");
}

/**
 * The frame that shows a set of places: centred on the box around where most of them are (a far
 * outlier such as Washington would shrink the rest to a dot; `coreBoundsOf`), with a margin, and
 * never closer than `minSpanLat` degrees, so a story at one city still shows its country.
 */
export function frameAround(
  positions: readonly Position[],
  { width, height, minSpanLat = 6, margin = 0.35 }: { width: number; height: number; minSpanLat?: number; margin?: number },
): { centre: Position; spanLat: number } {
  const points = positions.map((coordinates) => ({
    type: "Feature" as const,
    properties: {},
    geometry: { type: "Point" as const, coordinates },
  }));
  const [west, south, east, north] = coreBoundsOf(points) ?? [-180, -60, 180, 75];
  const centre: Position = [(west + east) / 2, (south + north) / 2];
  const kx = Math.cos(((centre[1] ?? 0) * Math.PI) / 180);
  // The latitude span that fits the box's height, or its width at this aspect ratio, whichever is larger.
  const needed = Math.max(north - south, ((east - west) * kx * height) / width);
  return { centre, spanLat: Math.max(minSpanLat, needed * (1 + margin)) };
}
