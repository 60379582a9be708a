import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { describe, expect, it } from "vitest";
import type { CountryFeature } from "@/geo/countries";
import { frameAround, miniMapSvg } from "@/geo/minimap";

/** A square country of `size` degrees around a point, with `steps` points along each side. */
function squareCountry([lng, lat]: Position, size: number, steps: number): CountryFeature {
  const [x0, y0] = [(lng ?? 0) - size / 2, (lat ?? 0) - size / 2];
  const side = (from: Position, to: Position) =>
    Array.from({ length: steps }, (_, i): Position => [
      (from[0] ?? 0) + (((to[0] ?? 0) - (from[0] ?? 0)) * i) / steps,
      (from[1] ?? 0) + (((to[1] ?? 0) - (from[1] ?? 0)) * i) / steps,
    ]);
  const corners: Position[] = [
    [x0, y0],
    [x0 + size, y0],
    [x0 + size, y0 + size],
    [x0, y0 + size],
  ];
  const ring = corners.flatMap((corner, i) => side(corner, corners[(i + 1) % 4] ?? corner));
  const geometry: Polygon = { type: "Polygon", coordinates: [[...ring, corners[0] ?? [0, 0]]] };
  return { type: "Feature", properties: { name: "Square" }, geometry } as Feature<Polygon | MultiPolygon, { name: string }>;
}

const points = (svg: string) => (svg.match(/<path d="([^"]*)"/)?.[1] ?? "").split(/[MLZ]/).filter(Boolean);

describe("miniMapSvg", () => {
  it("draws one marker at the centre by default, and one per position when given", () => {
    const one = miniMapSvg([], { centre: [36, 33], width: 200, height: 100, spanLat: 4 });
    expect(one.match(/r="13"/g)).toHaveLength(1);
    expect(one).toContain('cx="100.0" cy="50.0"');
    const three = miniMapSvg([], {
      centre: [36, 33],
      width: 200,
      height: 100,
      spanLat: 4,
      markers: [
        [36, 33],
        [37, 33],
        [36, 34],
      ],
      markerRadius: 5,
    });
    expect(three.match(/ r="5"/g)).toHaveLength(3);
    expect(three).toContain('cy="25.0"'); // one degree north is a quarter of the 4-degree height up
  });

  it("keeps a country's shape inside the picture but cuts what lies far outside it to the margin", () => {
    // A country 40 degrees wide, 400 points a side, seen through a 4-degree window.
    const big = squareCountry([36, 33], 40, 400);
    const svg = miniMapSvg([big], { centre: [36, 33], width: 200, height: 100, spanLat: 4 });
    const xy = points(svg).map((p) => p.split(",").map(Number));
    expect(xy.length).toBeLessThan(10);
    for (const [x = 0, y = 0] of xy) {
      expect(x).toBeGreaterThanOrEqual(-20);
      expect(x).toBeLessThanOrEqual(220);
      expect(y).toBeGreaterThanOrEqual(-20);
      expect(y).toBeLessThanOrEqual(120);
    }
  });

  it("draws a small country inside the picture point for point, leaving out only sub-pixel steps", () => {
    const small = squareCountry([36, 33], 1, 4); // 25 px a side, steps of about 6 px
    const svg = miniMapSvg([small], { centre: [36, 33], width: 200, height: 100, spanLat: 4 });
    expect(points(svg)).toHaveLength(17); // 4 corners and 3 steps a side, and the ring's closing point
    const dense = squareCountry([36, 33], 1, 400); // steps of 0.06 px
    expect(points(miniMapSvg([dense], { centre: [36, 33], width: 200, height: 100, spanLat: 4 })).length).toBeLessThan(260);
  });
});

describe("frameAround", () => {
  it("centres on the places and fits them with a margin", () => {
    const frame = frameAround(
      [
        [36, 32],
        [44, 36],
      ],
      { width: 320, height: 200, margin: 0, minSpanLat: 0 },
    );
    expect(frame.centre).toEqual([40, 34]);
    // 8 degrees of longitude at 34° N is about 6.6 degrees of latitude, times 200/320.
    expect(frame.spanLat).toBeCloseTo(8 * Math.cos((34 * Math.PI) / 180) * (200 / 320), 5);
    expect(
      frameAround(
        [
          [36, 32],
          [44, 36],
        ],
        { width: 320, height: 200, margin: 0.5, minSpanLat: 0 },
      ).spanLat,
    ).toBeCloseTo(frame.spanLat * 1.5, 5);
  });

  it("shows at least minSpanLat degrees around a single place", () => {
    expect(frameAround([[36.29, 33.51]], { width: 320, height: 200 })).toEqual({ centre: [36.29, 33.51], spanLat: 6 });
  });

  it("leaves a far outlier (officials in Washington) out of the frame", () => {
    const frame = frameAround(
      [
        [36.3, 33.5],
        [42.4, 33.8],
        [44, 36.2],
        [-77.04, 38.9],
      ],
      { width: 320, height: 200 },
    );
    expect(frame.centre[0]).toBeGreaterThan(35);
    expect(frame.spanLat).toBeLessThan(10);
  });
});
