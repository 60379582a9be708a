import fc from "fast-check";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { clipPolygon, clipRing, polygonAreaKm2, ringAreaKm2, simplifyLine, touchesBox, type Box } from "@/geo/geometry";

const square = (west: number, south: number, east: number, north: number): Position[] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

describe("ringAreaKm2 and polygonAreaKm2", () => {
  it("give a 1° square at the equator its spherical area, whatever the winding", () => {
    // R² · Δλ · (sin φ2 − sin φ1) with R = 6371.0088 km.
    const exact = 6371.0088 ** 2 * (Math.PI / 180) * Math.sin(Math.PI / 180);
    expect(ringAreaKm2(square(0, 0, 1, 1))).toBeCloseTo(exact, 6);
    expect(ringAreaKm2([...square(0, 0, 1, 1)].reverse())).toBeCloseTo(exact, 6);
    expect(ringAreaKm2(square(0, 60, 1, 61))).toBeLessThan(exact / 1.9);
  });

  it("takes holes out of a polygon, and is 0 for an empty ring", () => {
    expect(polygonAreaKm2([square(0, 0, 2, 2), square(0.5, 0.5, 1.5, 1.5)])).toBeCloseTo(
      ringAreaKm2(square(0, 0, 2, 2)) - ringAreaKm2(square(0.5, 0.5, 1.5, 1.5)),
      6,
    );
    expect(ringAreaKm2([])).toBe(0);
  });
});

describe("clipRing and clipPolygon", () => {
  const box: Box = [0, 0, 10, 10];

  it("keep a ring inside the box, cut one across its edge, and drop one outside", () => {
    expect(clipRing(square(1, 1, 2, 2), box)).toEqual(square(1, 1, 2, 2));
    const cut = clipRing(square(5, 5, 15, 8), box);
    expect(ringAreaKm2(cut)).toBeCloseTo(ringAreaKm2(square(5, 5, 10, 8)), 6);
    expect(cut.every(([x = NaN, y = NaN]) => x >= 0 && x <= 10 && y >= 0 && y <= 10)).toBe(true);
    expect(clipRing(square(20, 20, 30, 30), box)).toEqual([]);
  });

  it("turn a ring around the whole box into the box", () => {
    expect(ringAreaKm2(clipRing(square(-5, -5, 15, 15), box))).toBeCloseTo(ringAreaKm2(square(0, 0, 10, 10)), 6);
    expect(touchesBox({ type: "Polygon", coordinates: [square(-5, -5, 15, 15)] }, box)).toBe(true);
    expect(touchesBox({ type: "Polygon", coordinates: [square(20, 20, 30, 30)] }, box)).toBe(false);
  });

  it("drop the holes left outside, and leave their input alone", () => {
    const polygon = [square(5, 5, 15, 15), square(12, 12, 14, 14), square(6, 6, 7, 7)];
    const before = structuredClone(polygon);
    expect(clipPolygon(polygon, box)).toHaveLength(2);
    expect(polygon).toEqual(before);
  });
});

describe("simplifyLine", () => {
  it("keeps both ends and drops points that barely bend the line", () => {
    const line = [
      [0, 0],
      [1, 0.001],
      [2, -0.001],
      [3, 0],
      [3, 1],
    ];
    expect(simplifyLine(line, 0.01)).toEqual([
      [0, 0],
      [3, 0],
      [3, 1],
    ]);
    expect(simplifyLine(line, 0)).toEqual(line);
    expect(simplifyLine([[1, 1]], 1)).toEqual([[1, 1]]);
  });

  it("leaves every dropped point within the tolerance of the line that replaces it (checked by brute force)", () => {
    const point = fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 40 }), fc.double({ min: 0, max: 2, noNaN: true }), (points, tolerance) => {
        const line: Position[] = points;
        const simple = simplifyLine(line, tolerance);
        expect(simple[0]).toEqual(line[0]);
        expect(simple.at(-1)).toEqual(line.at(-1));
        // The kept points are a subsequence of the line; each span between two of them is replaced by a segment.
        let at = 0;
        for (let k = 0; k + 1 < simple.length; k++) {
          const start = line.indexOf(simple[k]!, at);
          const end = line.indexOf(simple[k + 1]!, start + 1);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThan(start);
          for (let i = start + 1; i < end; i++)
            expect(distanceToSegment(line[i]!, line[start]!, line[end]!)).toBeLessThanOrEqual(tolerance + 1e-9);
          at = end;
        }
      }),
    );
  });
});

function distanceToSegment([px, py]: number[], [ax, ay]: number[], [bx, by]: number[]): number {
  const [dx, dy] = [bx! - ax!, by! - ay!];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px! - ax!) * dx + (py! - ay!) * dy) / length2));
  return Math.hypot(ax! + t * dx - px!, ay! + t * dy - py!);
}
