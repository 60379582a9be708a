import { describe, expect, it } from "vitest";
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from "geojson";
import { projectToWorld, worldLines, worldPolygons } from "@/geo/world-shapes";

/** The slippy-map tile formula (OpenStreetMap wiki), an independent statement of Web Mercator, at zoom 0 in pixels. */
function tileFormula(lng: number, lat: number): [number, number] {
  const φ = (lat * Math.PI) / 180;
  return [((lng + 180) / 360) * 256, ((1 - Math.asinh(Math.tan(φ)) / Math.PI) / 2) * 256];
}

describe("projectToWorld", () => {
  it("puts the world in a 256 px square, with 0,0 at its centre", () => {
    expect(projectToWorld(0, 0)).toEqual([128, 128]);
    expect(projectToWorld(-180, 0)[0]).toBe(0);
    expect(projectToWorld(180, 0)[0]).toBe(256);
    expect(projectToWorld(0, 85.0511287798)[1]).toBeCloseTo(0, 6);
    expect(projectToWorld(0, -85.0511287798)[1]).toBeCloseTo(256, 6);
  });

  it("agrees with the tile formula at the story's places and far from them", () => {
    for (const [lng, lat] of [
      [36.2913, 33.5138], // Damascus
      [42.4412, 33.7856], // Ain al-Asad
      [-74.006, 40.7128],
      [151.2093, -33.8688],
      [10, 70],
    ] as const) {
      const [x, y] = projectToWorld(lng, lat);
      const [tx, ty] = tileFormula(lng, lat);
      expect(x).toBeCloseTo(tx, 9);
      expect(y).toBeCloseTo(ty, 9);
    }
  });

  it("clamps the poles to the square's edge, as Leaflet does", () => {
    expect(projectToWorld(0, 90)[1]).toBeCloseTo(0, 6);
    expect(projectToWorld(0, -90)[1]).toBeCloseTo(256, 6);
  });
});

const square = (west: number, south: number, east: number, north: number) => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

const country: Feature<MultiPolygon> = {
  type: "Feature",
  properties: {},
  geometry: { type: "MultiPolygon", coordinates: [[square(0, 0, 10, 10), square(2, 2, 4, 4)], [square(20, 0, 30, 10)]] },
};
const island: Feature<Polygon> = {
  type: "Feature",
  properties: {},
  geometry: { type: "Polygon", coordinates: [square(-10, -10, -5, -5)] },
};

describe("worldPolygons and worldLines", () => {
  it("keeps each polygon with its holes, every vertex projected, and each ring's box", () => {
    const polygons = worldPolygons([country, island]);
    expect(polygons.map((p) => p.length)).toEqual([2, 1, 1]);
    const [outer, hole] = polygons[0]!;
    expect(outer!.xy.length).toBe(10);
    expect([outer!.xy[2], outer!.xy[3]]).toEqual(projectToWorld(10, 0));
    expect(outer!.minX).toBe(projectToWorld(0, 0)[0]);
    expect(outer!.maxX).toBe(projectToWorld(10, 0)[0]);
    // North is up: the larger latitude has the smaller y.
    expect(outer!.minY).toBe(projectToWorld(0, 10)[1]);
    expect(outer!.maxY).toBe(projectToWorld(0, 0)[1]);
    expect(hole!.minX).toBeGreaterThan(outer!.minX);
  });

  it("gives every line of the boundaries, open as they are", () => {
    const borders: Feature<MultiLineString> = {
      type: "Feature",
      properties: {},
      geometry: {
        type: "MultiLineString",
        coordinates: [
          [
            [0, 0],
            [1, 1],
          ],
          [
            [2, 2],
            [3, 3],
            [4, 2],
          ],
        ],
      },
    };
    const line: Feature<LineString> = {
      type: "Feature",
      properties: {},
      geometry: {
        type: "LineString",
        coordinates: [
          [5, 5],
          [6, 6],
        ],
      },
    };
    const lines = worldLines([borders, line]);
    expect(lines.map((l) => l.xy.length / 2)).toEqual([2, 3, 2]);
    expect([lines[1]!.xy[4], lines[1]!.xy[5]]).toEqual(projectToWorld(4, 2));
  });
});
