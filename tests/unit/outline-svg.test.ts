import { describe, expect, it } from "vitest";
import { loadDataset } from "@/geo/load";
import { outlineDrawing } from "@/geo/outline-svg";
import { projectToWorld } from "@/geo/world-shapes";
import { insideRings, pathRings } from "./svg-path";

const { places } = loadDataset();
const SCALE = 2 ** 7;

describe("outlineDrawing", () => {
  const drawing = outlineDrawing(places, ["SY"], ["latakia"])!;

  /** Whether a longitude and latitude is inside the path's shape. */
  function inside(d: string, lng: number, lat: number): boolean {
    const [x, y] = projectToWorld(lng, lat);
    return insideRings(pathRings(d), (x - drawing.box.minX) * SCALE, (y - drawing.box.minY) * SCALE);
  }

  it("draws Latakia Governorate as its province's outline, not as a point", () => {
    expect(inside(drawing.areas, 35.79, 35.53)).toBe(true); // Latakia, the city
    expect(inside(drawing.areas, 35.95, 35.4)).toBe(true); // Khmeimim, in the province
    expect(inside(drawing.areas, 36.29, 33.51)).toBe(false); // Damascus
    expect(inside(drawing.areas, 35.5, 35.4)).toBe(false); // the sea off Latakia
  });

  it("draws the countries that stand for a place, apart from the areas", () => {
    expect(inside(drawing.countries, 36.29, 33.51)).toBe(true); // Damascus, in Syria
    expect(inside(drawing.countries, 44.36, 33.31)).toBe(false); // Baghdad, in Iraq
  });

  it("is drawn over its box, whose corner the paths start from", () => {
    const [west, north] = projectToWorld(35.9, 37); // inside Syria, near its north-western corner
    const [east, south] = projectToWorld(42, 32.5); // and near its south-eastern one
    expect(drawing.box.minX).toBeLessThanOrEqual(west);
    expect(drawing.box.minY).toBeLessThanOrEqual(north);
    expect(drawing.box.maxX).toBeGreaterThanOrEqual(east);
    expect(drawing.box.maxY).toBeGreaterThanOrEqual(south);
    expect(drawing.width).toBe(Math.round((drawing.box.maxX - drawing.box.minX) * SCALE));
    for (const ring of pathRings(drawing.countries + drawing.areas))
      for (const [x, y] of ring) {
        expect(x).toBeGreaterThanOrEqual(-1);
        expect(y).toBeGreaterThanOrEqual(-1);
        expect(x).toBeLessThanOrEqual(drawing.width + 1);
        expect(y).toBeLessThanOrEqual(drawing.height + 1);
      }
  });

  it("draws nothing where nothing is outlined, and only what is asked for", () => {
    expect(outlineDrawing(places, [], [])).toBeUndefined();
    expect(outlineDrawing(places, [], ["latakia"])?.countries).toBe("");
    expect(outlineDrawing(places, ["SY"], [])?.areas).toBe("");
    expect(outlineDrawing(places, ["SY"], ["damascus"])?.areas).toBe(""); // a point, not an area
  });

  it("stays small for the page's HTML: Syria and Iran in under 6 KB", () => {
    const both = outlineDrawing(places, ["SY", "IR"], ["latakia"])!;
    expect(both.countries.length + both.areas.length).toBeLessThan(6_000);
  });
});
