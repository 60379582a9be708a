import fc from "fast-check";
import type { BBox, Feature, FeatureCollection, Point, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import { boundsOf, coreBoundsOf } from "@/geo/spatial";
import { expectFixture, inputNames, joinedFeatures, readInput } from "./fixtures";

function point(coordinates: Position): Feature<Point> {
  return { type: "Feature", geometry: { type: "Point", coordinates }, properties: {} };
}

/** A box as a polygon, so the expected output can be opened on a map. */
function boxFeature(name: string, box: BBox | undefined): Feature<Polygon>[] {
  if (!box) return [];
  const [w, s, e, n] = box;
  return [
    {
      type: "Feature",
      bbox: box,
      properties: { name },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    },
  ];
}

/** The brute-force answer: the smallest and largest longitude and latitude over every point. */
function bruteBounds(points: readonly Position[]): BBox | undefined {
  if (points.length === 0) return undefined;
  const lngs = points.map((p) => p[0] ?? NaN);
  const lats = points.map((p) => p[1] ?? NaN);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

describe.each(inputNames())("boundsOf and coreBoundsOf on fixture %s", (name) => {
  it("match out/spatial-" + name + ".geojson", () => {
    const features = joinedFeatures(readInput(name));
    const boxes: FeatureCollection<Polygon> = {
      type: "FeatureCollection",
      features: [...boxFeature("boundsOf", boundsOf(features)), ...boxFeature("coreBoundsOf", coreBoundsOf(features))],
    };
    expectFixture(`spatial-${name}`, boxes);
  });
});

const levant = joinedFeatures(readInput("levant"));

describe("boundsOf", () => {
  it("is undefined for no features", () => {
    expect(boundsOf([])).toBeUndefined();
  });

  it("is a zero-size box around a single point, 0 included", () => {
    expect(boundsOf([point([36.29128, 33.5102])])).toEqual([36.29128, 33.5102, 36.29128, 33.5102]);
    expect(boundsOf([point([0, 0])])).toEqual([0, 0, 0, 0]);
  });

  it("is [west, south, east, north], not [lat, lng]", () => {
    expect(boundsOf([point([-78.4558, 0]), point([0, 51.4779])])).toEqual([-78.4558, 0, 0, 51.4779]);
  });

  it("is unchanged by duplicate points", () => {
    const features = [point([35.9486, 35.4011]), point([42.4411, 33.7861])];
    expect(boundsOf([...features, ...features])).toEqual(boundsOf(features));
  });

  it("agrees with a brute-force min/max on random point sets", () => {
    const position = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
    fc.assert(
      fc.property(fc.array(position, { maxLength: 50 }), (points) => {
        expect(boundsOf(points.map(point))).toEqual(bruteBounds(points));
      }),
      { numRuns: 500 },
    );
  });

  it("does not mutate its input", () => {
    const before = structuredClone(levant);
    boundsOf(levant);
    coreBoundsOf(levant);
    expect(levant).toEqual(before);
  });
});

describe("coreBoundsOf", () => {
  it("is undefined for no features", () => {
    expect(coreBoundsOf([])).toBeUndefined();
  });

  it("drops a far outlier (Washington) but keeps every Middle East point", () => {
    const middleEast = levant.filter((f) => f.properties.placeId !== "washington");
    expect(levant.some((f) => f.properties.placeId === "washington")).toBe(true);
    expect(coreBoundsOf(levant)).toEqual(bruteBounds(middleEast.map((f) => f.geometry.coordinates)));
    const west = coreBoundsOf(levant)?.[0] ?? NaN;
    expect(west).toBeGreaterThan(30);
  });

  it("equals boundsOf when every point is near the others", () => {
    const near = [point([36.29128, 33.5102]), point([35.9486, 35.4011]), point([43.9631, 36.2375])];
    expect(coreBoundsOf(near)).toEqual(boundsOf(near));
  });

  it("falls back to every point when none is near the median", () => {
    const apart = [point([-77.03637, 38.89511]), point([51.42151, 35.69439])];
    expect(coreBoundsOf(apart)).toEqual(boundsOf(apart));
  });

  it("handles a point at 0, 0", () => {
    expect(coreBoundsOf([point([0, 0])])).toEqual([0, 0, 0, 0]);
    expect(coreBoundsOf([point([0, 0]), point([0.5, 0.5]), point([120, -40])])).toEqual([0, 0, 0.5, 0.5]);
  });

  it("lies within boundsOf and equals it for an unbounded radius, on random point sets", () => {
    const position = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 20000 }), (points, maxKm) => {
        const features = points.map(point);
        const all = boundsOf(features);
        const core = coreBoundsOf(features, maxKm);
        if (!all || !core) throw new Error("no bounds for a non-empty set");
        expect(core[0]).toBeGreaterThanOrEqual(all[0]);
        expect(core[1]).toBeGreaterThanOrEqual(all[1]);
        expect(core[2]).toBeLessThanOrEqual(all[2]);
        expect(core[3]).toBeLessThanOrEqual(all[3]);
        expect(coreBoundsOf(features, Infinity)).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });
});
