/**
 * The basemap's shapes in Web Mercator "world pixels" at zoom 0, where the world is a 256 px
 * square: the coordinates Leaflet's `map.project(latLng, 0)` gives (EPSG:3857). Projected at
 * `next build` and carried by /basemap.json as whole numbers (encodeRing), so that the browser
 * only adds them up (decodeRing), and drawing them at any zoom is a multiply and a subtract per
 * vertex, with no Leaflet layer per country (components/map/basemapCanvas.ts).
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import { polygonsOf } from "./geometry";

/** Leaflet's SphericalMercator.MAX_LATITUDE: the square world ends there. */
const MAX_LATITUDE = 85.0511287798;
const WORLD_SIZE = 256;

/** A ring or a line of world pixels, x and y interleaved, with its bounding box. */
export interface WorldRing {
  xy: Float64Array;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A polygon: its outer ring first, then its holes. */
export type WorldPolygon = WorldRing[];

/** The countries and provinces as the basemap's canvas draws them. */
export interface BasemapPaint {
  land: readonly WorldPolygon[];
  /** Province boundaries: open lines, drawn without a fill. */
  provinces: readonly WorldRing[];
}

/** A longitude and latitude in world pixels at zoom 0, as Leaflet projects them. */
export function projectToWorld(lng: number, lat: number): [number, number] {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  const x = WORLD_SIZE * (0.5 + lng / 360);
  const y = WORLD_SIZE * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI));
  return [x, y];
}

/** A world pixel at zoom 0 back to its longitude and latitude: the inverse of projectToWorld. */
export function worldToLngLat(x: number, y: number): [number, number] {
  const lng = (x / WORLD_SIZE - 0.5) * 360;
  const lat = (2 * Math.atan(Math.exp((0.5 - y / WORLD_SIZE) * 2 * Math.PI)) - Math.PI / 2) * (180 / Math.PI);
  return [lng, lat];
}

/**
 * Shapes are carried in world pixels at this zoom, rounded to whole pixels: one unit is about
 * 300 m at the equator, finer than the 1:50m outlines they come from (whose detail is kilometres).
 * Zoom 10 made the file 5 KB larger gzipped for detail the sources do not have; zoom 8, 5 KB smaller.
 */
export const ENCODED_ZOOM = 9;
const ENCODED_SCALE = 2 ** ENCODED_ZOOM;

/**
 * A ring or a line as /basemap.json carries it: x and y interleaved, in world pixels at
 * ENCODED_ZOOM, rounded; the first vertex whole, each next one as its difference from the one
 * before (small numbers, a third of the text of the coordinates).
 */
export type EncodedRing = number[];

/** Encodes a ring or a line (longitude, latitude positions); a vertex that rounds onto the one before is left out. */
export function encodeRing(positions: readonly Position[]): EncodedRing {
  const encoded: number[] = [];
  let lastX = 0;
  let lastY = 0;
  for (const [lng, lat] of positions) {
    const [worldX, worldY] = projectToWorld(lng!, lat!);
    const x = Math.round(worldX * ENCODED_SCALE);
    const y = Math.round(worldY * ENCODED_SCALE);
    if (encoded.length > 0 && x === lastX && y === lastY) continue;
    encoded.push(x - lastX, y - lastY);
    lastX = x;
    lastY = y;
  }
  return encoded;
}

/** A ring or a line back in world pixels at zoom 0, with its box: sums and a division per vertex. */
export function decodeRing(encoded: readonly number[]): WorldRing {
  const xy = new Float64Array(encoded.length);
  let x = 0;
  let y = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < encoded.length; i += 2) {
    x += encoded[i]!;
    y += encoded[i + 1]!;
    const worldX = x / ENCODED_SCALE;
    const worldY = y / ENCODED_SCALE;
    xy[i] = worldX;
    xy[i + 1] = worldY;
    minX = Math.min(minX, worldX);
    minY = Math.min(minY, worldY);
    maxX = Math.max(maxX, worldX);
    maxY = Math.max(maxY, worldY);
  }
  return { xy, minX, minY, maxX, maxY };
}

/**
 * A polygon's rings encoded, the outer ring first; a ring too small to draw at ENCODED_ZOOM (under
 * three distinct vertices, and the closing one) is left out, and so is a polygon whose outer ring is.
 */
export function encodePolygons(geometry: Polygon | MultiPolygon): EncodedRing[][] {
  const drawable = (ring: EncodedRing) => ring.length >= 8;
  return polygonsOf(geometry).flatMap((rings) => {
    const [outer, ...holes] = rings.map(encodeRing);
    return outer && drawable(outer) ? [[outer, ...holes.filter(drawable)]] : [];
  });
}

/** A country's polygons, decoded, as GeoJSON in longitude and latitude: its outline, for a Leaflet layer. */
export function outlineGeometry(polygons: readonly WorldPolygon[]): MultiPolygon {
  const ring = ({ xy }: WorldRing): Position[] =>
    Array.from({ length: xy.length / 2 }, (_, i) => worldToLngLat(xy[2 * i]!, xy[2 * i + 1]!));
  return { type: "MultiPolygon", coordinates: polygons.map((rings) => rings.map(ring)) };
}
