/**
 * The contract's filters (CONTRACT.md): `actors` keeps events with at least one of the ids;
 * `from`/`to` keep events whose span overlaps the range, both ends inclusive; `place` keeps the
 * features at that place.
 */
import { spansOverlap } from "./dates";
import type { EventFeature } from "./join";

export interface EventFilter {
  /** Actor ids; undefined or empty means every actor. */
  actors?: readonly string[];
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  place?: string;
}

/** Whether one feature passes the filter. */
export function matchesFilter(feature: EventFeature, filter: EventFilter): boolean {
  const { actors, from, to, place } = filter;
  const properties = feature.properties;
  if (actors && actors.length > 0 && !properties.actors.some((id) => actors.includes(id))) return false;
  if (place !== undefined && properties.placeId !== place) return false;
  return spansOverlap({ start: properties.start, end: properties.end }, { start: from, end: to });
}

/** The features that pass the filter, in their original order. Does not touch its input. */
export function filterEvents<F extends EventFeature>(features: readonly F[], filter: EventFilter): F[] {
  return features.filter((feature) => matchesFilter(feature, filter));
}
