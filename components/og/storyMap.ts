import type { Position } from "geojson";
import type { Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";
import { countryFeatures } from "@/geo/countries";
import { frameAround, miniMapSvg } from "@/geo/minimap";

/** The story index's map of a story, in CSS pixels (drawn at this size on wide screens). */
export const STORY_MAP_SIZE = { width: 320, height: 200 };

let countries: ReturnType<typeof countryFeatures> | undefined;

/**
 * A story's places on a small map for the story index: Natural Earth 1:50m outlines (the preview
 * images' shapes), a dot per place, framed on where most of them are. Made at build.
 */
export function storyMapSvg(positions: readonly Position[]): string {
  countries ??= countryFeatures(countries50m as unknown as Topology);
  const frame = frameAround(positions, STORY_MAP_SIZE);
  return miniMapSvg(countries, { ...STORY_MAP_SIZE, ...frame, markers: positions, markerRadius: 5 });
}
