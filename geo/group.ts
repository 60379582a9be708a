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
  /**
   * True when at least one of its events is the article's own, not the context layer's: Erbil,
   * where the article's missile strike fell, though the article does not name it.
   */
  inArticle: boolean;
}

/**
 * One group per place that has at least one feature, in order of first appearance. A place's
 * features are sorted only if they came out of order: the view passes them in date order already
 * (geo/event-index.ts), and at 10,000 events every pass saved is a faster filter.
 */
export function groupByPlace(features: readonly EventFeature[]): PlaceGroup[] {
  const byPlace = new Map<string, { list: EventFeature[]; inOrder: boolean }>();
  for (const feature of features) {
    const known = byPlace.get(feature.properties.placeId);
    if (!known) byPlace.set(feature.properties.placeId, { list: [feature], inOrder: true });
    else {
      if (known.inOrder && compareChronologically(known.list[known.list.length - 1]!, feature) > 0) known.inOrder = false;
      known.list.push(feature);
    }
  }
  return [...byPlace].map(([placeId, { list, inOrder }]) => {
    const sorted = inOrder ? list : list.sort(compareChronologically);
    const actors = new Set<string>();
    let contextOnly = true;
    let inArticle = false;
    for (const feature of sorted) {
      for (const actor of feature.properties.actors) actors.add(actor);
      if (feature.properties.placeProvenance.kind !== "context") contextOnly = false;
      if (feature.properties.provenance.kind !== "context") inArticle = true;
    }
    return { placeId, features: sorted, actors: [...actors], contextOnly, inArticle };
  });
}
