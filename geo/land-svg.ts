/**
 * The region's land as one small SVG (`/basemap.svg`, made at build): what the map's first view in
 * the page's HTML draws under its markers, and what the map shows until its own basemap, drawn on
 * a canvas from `/basemap.json`, has arrived. The same country shapes as the canvas, at less detail.
 */
import type { BasemapCountry } from "./basemap";
import { decodeRing, projectToWorld } from "./world-shapes";

/**
 * [west, south, east, north]: the story's region with room around it, as far as the first view
 * reaches at the fit's lowest zoom on a phone, a tablet held upright or a wide screen (checked by
 * tests/browser/first-view.spec.ts). With 52° and 10° north, a phone's map showed a strip of
 * bare sea above Russia, and a tablet's below Arabia, where the map then drew land.
 */
export const LAND_REGION = [5, -10, 85, 62] as const;

/** Vertices are rounded to whole pixels at this zoom (about 1.2 km): the first view opens at zoom 3 to 7. */
const LAND_ZOOM = 7;

/** The land's colours, as the basemap's canvas draws them (components/map/basemapCanvas.ts). */
export const LAND_COLOURS = { fill: "#eef0ea", stroke: "#9aa5b1" };

/** LAND_REGION in world pixels at zoom 0, as Leaflet projects it: where the image lies on the map. */
export function landBox(): { minX: number; minY: number; maxX: number; maxY: number } {
  const [west, south, east, north] = LAND_REGION;
  const [minX, maxY] = projectToWorld(west, south);
  const [maxX, minY] = projectToWorld(east, north);
  return { minX, minY, maxX, maxY };
}

/**
 * The SVG of the countries' land and borders in LAND_REGION: one path, whose coordinates are world
 * pixels at LAND_ZOOM relative to the region's corner, so the image can be stretched over the
 * region at any zoom (`preserveAspectRatio="none"`) and its lines stay hairlines
 * (`vector-effect: non-scaling-stroke`).
 */
export function landSvg(countries: readonly BasemapCountry[]): string {
  const box = landBox();
  const scale = 2 ** LAND_ZOOM;
  const width = Math.round((box.maxX - box.minX) * scale);
  const height = Math.round((box.maxY - box.minY) * scale);
  const rings: string[] = [];
  for (const country of countries)
    for (const polygon of country.polygons)
      for (const encoded of polygon) {
        const ring = decodeRing(encoded);
        if (ring.maxX < box.minX || ring.minX > box.maxX || ring.maxY < box.minY || ring.minY > box.maxY) continue;
        const path = ringPath(ring.xy, box, scale);
        if (path) rings.push(path);
      }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">`,
    `<path fill="${LAND_COLOURS.fill}" stroke="${LAND_COLOURS.stroke}" stroke-width="0.8" stroke-linejoin="round" fill-rule="evenodd" vector-effect="non-scaling-stroke" d="${rings.join("")}"/>`,
    "</svg>",
    "",
  ].join("\n");
}

/**
 * A closed ring of world pixels (x and y interleaved) as SVG path data, in pixels at `scale` from
 * the box's corner, rounded to whole pixels, each vertex after the first relative to the one before
 * ("M x y l dx dy … z"); undefined when rounding leaves it too small to draw.
 */
export function ringPath(xy: ArrayLike<number>, box: { minX: number; minY: number }, scale: number): string | undefined {
  const steps: number[] = [];
  let [x, y] = [Math.round((xy[0]! - box.minX) * scale), Math.round((xy[1]! - box.minY) * scale)];
  const start = `M${x} ${y}`;
  for (let i = 2; i < xy.length; i += 2) {
    const nx = Math.round((xy[i]! - box.minX) * scale);
    const ny = Math.round((xy[i + 1]! - box.minY) * scale);
    if (nx === x && ny === y) continue;
    steps.push(nx - x, ny - y);
    [x, y] = [nx, ny];
  }
  return steps.length >= 4 ? `${start}l${steps.join(" ").replaceAll(" -", "-")}z` : undefined;
}
