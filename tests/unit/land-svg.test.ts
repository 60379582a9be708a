import { describe, expect, it } from "vitest";
import { buildBasemap } from "@/geo/basemap";
import { LAND_COLOURS, landBox, landSvg } from "@/geo/land-svg";
import { loadDataset } from "@/geo/load";
import { projectToWorld } from "@/geo/world-shapes";
import { insideRings, pathRings } from "./svg-path";

const svg = landSvg(buildBasemap(loadDataset().places).countries);
const SCALE = 2 ** 7;

/** The land's rings, in pixels at zoom 7 from the region's corner. */
const rings = pathRings(/\sd="([^"]+)"/.exec(svg)![1]!);

function onLand(lng: number, lat: number): boolean {
  const box = landBox();
  const [wx, wy] = projectToWorld(lng, lat);
  return insideRings(rings, (wx - box.minX) * SCALE, (wy - box.minY) * SCALE);
}

describe("landSvg", () => {
  it("is one path over the region's box, in the basemap's colours, with hairline borders at any size", () => {
    const box = landBox();
    const [, , width, height] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(" ").map(Number);
    expect(width).toBe(Math.round((box.maxX - box.minX) * SCALE));
    expect(height).toBe(Math.round((box.maxY - box.minY) * SCALE));
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toContain(`fill="${LAND_COLOURS.fill}"`);
    expect(svg).toContain('vector-effect="non-scaling-stroke"');
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it("puts the story's places on land and the sea off Latakia in the sea", () => {
    expect(onLand(36.2765, 33.5138)).toBe(true); // Damascus
    expect(onLand(35.9486, 35.4011)).toBe(true); // Khmeimim, by the coast
    expect(onLand(42.3412, 33.7856)).toBe(true); // Ain al-Asad
    expect(onLand(35.5, 35.4)).toBe(false); // the Mediterranean, off Latakia
    expect(onLand(50, 27)).toBe(false); // the Persian Gulf
  });

  it("stays small: under 40 KB", () => {
    expect(svg.length).toBeLessThan(40_000);
  });
});
