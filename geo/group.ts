/** Groups joined event features by place: one group per map marker. */
import type { EventFeature } from "./join";
import { compareChronologically } from "./join";

export interface PlaceGroup {
  placeId: string;
  /** The place's events, in date order. */
  features: EventFeature[];
  /** Distinct actor ids over those events, in order of first appearance. */
  actors: string[];
  /** True when every event links to this place from context, not from the article. */
  contextOnly: boolean;
}

/** One group per place that has at least one feature, in order of first appearance. */
export function groupByPlace(features: readonly EventFeature[]): PlaceGroup[] {
  const byPlace = new Map<string, EventFeature[]>();
  for (const feature of features) {
    const list = byPlace.get(feature.properties.placeId);
    if (list) list.push(feature);
    else byPlace.set(feature.properties.placeId, [feature]);
  }
  return [...byPlace].map(([placeId, list]) => {
    const sorted = [...list].sort(compareChronologically);
    return {
      placeId,
      features: sorted,
      actors: [...new Set(sorted.flatMap((f) => f.properties.actors))],
      contextOnly: sorted.every((f) => f.properties.placeProvenance.kind === "context"),
    };
  });
}
