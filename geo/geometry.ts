/**
 * Small planar and spherical helpers for preparing the basemap at build: polygon areas, clipping
 * to a box, line simplification. Coordinates are GeoJSON `[lng, lat]` in degrees; none of these
 * handle a shape that crosses the antimeridian (the basemap's region does not).
 */
import type { MultiPolygon, Polygon, Position } from "geojson";

/** [west, south, east, north] in degrees. */
export type Box = readonly [number, number, number, number];

const EARTH_RADIUS_KM = 6371.0088;
const RADIANS = Math.PI / 180;

/**
 * The area of a closed ring on the sphere, in km², whatever its winding (the formula of
 * Chamberlain and Duquette, "Some algorithms for polygons on a sphere", 2007, as Turf's area uses).
 */
export function ringAreaKm2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [lng1 = 0, lat1 = 0] = ring[i]!;
    const [lng2 = 0, lat2 = 0] = ring[i + 1]!;
    sum += (lng2 - lng1) * RADIANS * (2 + Math.sin(lat1 * RADIANS) + Math.sin(lat2 * RADIANS));
  }
  return Math.abs((sum * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / 2);
}

/** A polygon's area in km²: its outer ring less its holes. */
export function polygonAreaKm2(polygon: readonly (readonly Position[])[]): number {
  return polygon.reduce((area, ring, i) => (i === 0 ? ringAreaKm2(ring) : area - ringAreaKm2(ring)), 0);
}

type Edge = { inside: (p: Position) => boolean; cross: (a: Position, b: Position) => Position };

function edgesOf([west, south, east, north]: Box): Edge[] {
  const atX =
    (x: number) =>
    (a: Position, b: Position): Position => [x, a[1]! + ((b[1]! - a[1]!) * (x - a[0]!)) / (b[0]! - a[0]!)];
  const atY =
    (y: number) =>
    (a: Position, b: Position): Position => [a[0]! + ((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!), y];
  return [
    { inside: (p) => p[0]! >= west, cross: atX(west) },
    { inside: (p) => p[0]! <= east, cross: atX(east) },
    { inside: (p) => p[1]! >= south, cross: atY(south) },
    { inside: (p) => p[1]! <= north, cross: atY(north) },
  ];
}

/**
 * A closed ring clipped to a box (Sutherland–Hodgman), or an empty array when nothing of it is
 * inside. A concave ring may come out with zero-width spans along the box's edge: harmless for
 * areas and label points, which is what this is for.
 */
export function clipRing(ring: readonly Position[], box: Box): Position[] {
  let points = ring.slice(0, -1);
  for (const { inside, cross } of edgesOf(box)) {
    const input = points;
    points = [];
    input.forEach((current, i) => {
      const previous = input[(i + input.length - 1) % input.length]!;
      if (inside(current)) {
        if (!inside(previous)) points.push(cross(previous, current));
        points.push(current);
      } else if (inside(previous)) {
        points.push(cross(previous, current));
      }
    });
  }
  return points.length >= 3 ? [...points, points[0]!] : [];
}

/** The polygons of a Polygon or MultiPolygon, as MultiPolygon coordinates. */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/** Whether any part of a shape lies inside a box (a bounding-box test says yes for the United States). */
export function touchesBox(geometry: Polygon | MultiPolygon, box: Box): boolean {
  return polygonsOf(geometry).some((polygon) => clipRing(polygon[0] ?? [], box).length > 0);
}

/** A polygon clipped to a box: its outer ring and the holes that keep something inside it. */
export function clipPolygon(polygon: readonly (readonly Position[])[], box: Box): Position[][] {
  const [outer, ...holes] = polygon.map((ring) => clipRing(ring, box));
  if (!outer || outer.length === 0) return [];
  return [outer, ...holes.filter((hole) => hole.length > 0)];
}

/** Squared distance from p to the segment a–b, in the units of the coordinates. */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * A line with the points that bend it less than `tolerance` (in degrees) dropped
 * (Douglas–Peucker). Its two ends are always kept, so lines that meet still meet.
 */
export function simplifyLine(line: readonly Position[], tolerance: number): Position[] {
  if (line.length <= 2) return [...line];
  const keep = new Array<boolean>(line.length).fill(false);
  keep[0] = keep[line.length - 1] = true;
  const stack: [number, number][] = [[0, line.length - 1]];
  for (let span = stack.pop(); span; span = stack.pop()) {
    const [first, last] = span;
    let farthest = -1;
    let max = tolerance * tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(line[i]!, line[first]!, line[last]!);
      if (d > max) [farthest, max] = [i, d];
    }
    if (farthest !== -1) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return line.filter((_, i) => keep[i]);
}
