/**
 * The basemap's shapes in Web Mercator "world pixels" at zoom 0, where the world is a 256 px
 * square: the coordinates Leaflet's `map.project(latLng, 0)` gives (EPSG:3857). Projected once
 * when the basemap arrives, so that drawing them at any zoom is a multiply and a subtract per
 * vertex, with no Leaflet layer per country (components/map/basemapCanvas.ts).
 */
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from "geojson";

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

/** A longitude and latitude in world pixels at zoom 0, as Leaflet projects them. */
export function projectToWorld(lng: number, lat: number): [number, number] {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  const x = WORLD_SIZE * (0.5 + lng / 360);
  const y = WORLD_SIZE * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI));
  return [x, y];
}

function worldRing(positions: readonly Position[]): WorldRing {
  const xy = new Float64Array(positions.length * 2);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  positions.forEach(([lng, lat], i) => {
    const [x, y] = projectToWorld(lng!, lat!);
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  });
  return { xy, minX, minY, maxX, maxY };
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** Every polygon of these features, projected. */
export function worldPolygons(features: readonly Feature<Polygon | MultiPolygon>[]): WorldPolygon[] {
  return features.flatMap((feature) => polygonsOf(feature.geometry).map((rings) => rings.map(worldRing)));
}

/** Every line of these features, projected (boundaries drawn without a fill). */
export function worldLines(features: readonly Feature<LineString | MultiLineString>[]): WorldRing[] {
  return features.flatMap(({ geometry }) =>
    (geometry.type === "LineString" ? [geometry.coordinates] : geometry.coordinates).map(worldRing),
  );
}
