/** Spatial helpers: the view that fits a set of features. */
import bbox from "@turf/bbox";
import distance from "@turf/distance";
import type { BBox, Feature, Point, Position } from "geojson";

/**
 * The [west, south, east, north] box around the features, or undefined when there are none.
 * Boxes do not wrap the antimeridian: Dateline's stories stay well clear of it.
 */
export function boundsOf(features: readonly Feature<Point>[]): BBox | undefined {
  if (features.length === 0) return undefined;
  return bbox({ type: "FeatureCollection", features: [...features] });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/**
 * The box around where most of a story happens: the features within `maxKm` of their median
 * point. A far outlier (officials commenting in Washington on a strike in Iraq) would otherwise
 * zoom the opening view out to half the globe. Falls back to every feature.
 */
export function coreBoundsOf(features: readonly Feature<Point>[], maxKm = 2000): BBox | undefined {
  if (features.length === 0) return undefined;
  const centre: Position = [
    median(features.map((f) => f.geometry.coordinates[0] ?? 0)),
    median(features.map((f) => f.geometry.coordinates[1] ?? 0)),
  ];
  // Thousands of events share a few places: each place's distance is worked out once.
  const near = new Map<string, boolean>();
  const core = features.filter((f) => {
    const key = f.geometry.coordinates.join(",");
    let inside = near.get(key);
    if (inside === undefined) near.set(key, (inside = distance(centre, f.geometry.coordinates, { units: "kilometers" }) <= maxKm));
    return inside;
  });
  return boundsOf(core.length > 0 ? core : features);
}
