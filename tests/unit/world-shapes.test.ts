import { describe, expect, it } from "vitest";
import type { Feature, MultiPolygon } from "geojson";
import { decodeRing, ENCODED_ZOOM, encodePolygons, encodeRing, outlineGeometry, projectToWorld, worldToLngLat } from "@/geo/world-shapes";

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

describe("worldToLngLat", () => {
  it("undoes projectToWorld", () => {
    for (const [lng, lat] of [
      [36.2913, 33.5138],
      [-74.006, 40.7128],
      [151.2093, -33.8688],
      [0, 0],
    ] as const) {
      const [x, y] = projectToWorld(lng, lat);
      const [backLng, backLat] = worldToLngLat(x, y);
      expect(backLng).toBeCloseTo(lng, 9);
      expect(backLat).toBeCloseTo(lat, 9);
    }
  });
});

describe("encodeRing and decodeRing: the shapes as /basemap.json carries them", () => {
  const pixel = 1 / 2 ** ENCODED_ZOOM;

  it("gives back every vertex within half a pixel at ENCODED_ZOOM, with the ring's box", () => {
    const ring = square(35.7, 32.3, 42.4, 37.3);
    const decoded = decodeRing(encodeRing(ring));
    const exact = ring.flatMap(([lng, lat]) => projectToWorld(lng!, lat!));
    expect(decoded.xy.length).toBe(exact.length);
    decoded.xy.forEach((value, i) => expect(Math.abs(value - exact[i]!)).toBeLessThanOrEqual(pixel / 2));
    expect(decoded.minX).toBe(Math.min(...decoded.xy.filter((_, i) => i % 2 === 0)));
    expect(decoded.maxY).toBe(Math.max(...decoded.xy.filter((_, i) => i % 2 === 1)));
  });

  it("carries each vertex after the first as whole-pixel steps from the one before, and leaves out one that rounds onto it", () => {
    const encoded = encodeRing([
      [36, 33],
      [36.000001, 33.000001], // under a pixel at zoom 9 from the one before
      [36.1, 33],
    ]);
    expect(encoded.every(Number.isInteger)).toBe(true);
    expect(encoded.length).toBe(4);
    expect(encoded[3]).toBe(0); // same latitude: no step in y
    expect(encoded[2]).toBe(Math.round(projectToWorld(36.1, 33)[0] / pixel) - Math.round(projectToWorld(36, 33)[0] / pixel));
  });

  it("keeps a polygon's holes, and leaves out a polygon too small to draw", () => {
    const polygons = encodePolygons(country.geometry as MultiPolygon);
    expect(polygons.map((p) => p.length)).toEqual([2, 1]);
    const speck = square(10, 10, 10.0001, 10.0001);
    expect(encodePolygons({ type: "Polygon", coordinates: [speck] })).toEqual([]);
    // A hole too small to see goes; the island around it stays.
    expect(encodePolygons({ type: "Polygon", coordinates: [square(0, 0, 10, 10), speck] }).map((p) => p.length)).toEqual([1]);
  });

  it("turns decoded polygons back into a GeoJSON outline in longitude and latitude", () => {
    const outline = outlineGeometry(encodePolygons(country.geometry as MultiPolygon).map((rings) => rings.map(decodeRing)));
    expect(outline.type).toBe("MultiPolygon");
    const [lng, lat] = outline.coordinates[0]![0]![1]!;
    expect(lng).toBeCloseTo(10, 2);
    expect(lat).toBeCloseTo(0, 2);
  });
});
