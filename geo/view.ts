/**
 * What one view of a story shows, derived in one place from the story and the URL state: the
 * events that pass the filters, the markers, the list, the counts, the place in focus and the box
 * the map opens on. Every panel and the map read these figures from here, so "N of M events",
 * the markers and the list can never disagree. Pure: no React, no Leaflet.
 */
import type { BBox } from "geojson";
import { filterIndex, indexEvents, type EventIndex } from "./event-index";
import { groupByPlace, type PlaceGroup } from "./group";
import type { EventFeature } from "./join";
import type { PlaceFeature } from "./schema";
import { boundsOf, coreBoundsOf } from "./spatial";
import { placeOfEvent } from "./story";
import { CLUSTER_ABOVE } from "./thresholds";
import type { ViewState } from "./url-state";

/** One entry of the event list: an event and its features, one per place. */
export interface ListedEvent {
  eventId: string;
  features: EventFeature[];
}

export interface StoryView {
  /** The story's events, indexed: the timeline counts its histogram on it. */
  index: EventIndex;
  /** The features that pass every filter, in date order: what the map and the list show. */
  visible: EventFeature[];
  /** One group per place with a shown event: the markers' contents. */
  groups: PlaceGroup[];
  groupsByPlace: ReadonlyMap<string, PlaceGroup>;
  /** The places the map draws: those with a shown event, and the focused one even if filtered out. */
  places: PlaceFeature[];
  /** The shown events, one entry each, in date order. */
  events: ListedEvent[];
  shownEventIds: ReadonlySet<string>;
  /** "N of M events". */
  counts: { shown: number; total: number };
  /** Events per actor over the whole story (the filter's own counts do not move as it changes). */
  actorCounts: ReadonlyMap<string, number>;
  /** The place in focus: the `place` parameter, or where the focused event happened. */
  focusPlace?: string;
  focusEvent?: string;
  /**
   * The box around the focused event's places that the map draws, when there are several (Iran's
   * missiles: Ain al-Asad, Erbil and Iran, where they came from): the map frames the whole event,
   * not only the place whose popup opens. Undefined for a place, or an event at one place.
   */
  focusBounds?: BBox;
  /** Natural Earth country codes outlined on the map for the places drawn (Syria, for "the war in Syria"). */
  outlinedCountries: string[];
  /** Places drawn as their admin-1 outline (Latakia Governorate), by place id. */
  outlinedAreas: string[];
  /**
   * The box the map fits while the URL names no view: where most shown events are (of a story of
   * many places, most of the article's own: framedEvents). Worked out on
   * the first call (a pass over every shown feature), so that a filter change does not pay for it
   * unless the map is about to fit it.
   */
  coreBounds: () => BBox | undefined;
}

/** One entry per event, in the order given, from features that may repeat an event at several places. */
export function listEvents(features: readonly EventFeature[]): ListedEvent[] {
  const byEvent = new Map<string, EventFeature[]>();
  for (const feature of features) {
    const list = byEvent.get(feature.properties.eventId);
    if (list) list.push(feature);
    else byEvent.set(feature.properties.eventId, [feature]);
  }
  return [...byEvent].map(([eventId, list]) => ({ eventId, features: list }));
}

/** Distinct events per actor id. */
export function countEventsByActor(features: readonly EventFeature[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { features: list } of listEvents(features)) {
    for (const actor of new Set(list.flatMap((f) => f.properties.actors))) counts.set(actor, (counts.get(actor) ?? 0) + 1);
  }
  return counts;
}

/** The focus a view state asks for: the event's place (the requested one if it is among them), or the place. */
export function focusOf(features: readonly EventFeature[], state: Pick<ViewState, "place" | "event">) {
  const focusPlace = state.event ? placeOfEvent(features, state.event, state.place) : state.place;
  return { focusPlace, focusEvent: state.event };
}

/** The box around the places of an event that are drawn, if there are at least two points. */
export function eventBounds(
  features: readonly EventFeature[],
  places: readonly PlaceFeature[],
  eventId: string | undefined,
): BBox | undefined {
  if (eventId === undefined) return undefined;
  const ids = new Set(features.filter((f) => f.properties.eventId === eventId).map((f) => f.properties.placeId));
  const points = places.filter((p) => ids.has(p.id));
  const box = boundsOf(points);
  if (!box) return undefined;
  const [west, south, east, north] = box;
  return west === east && south === north ? undefined : box;
}

/** What a filter shows, which a pan or a selection does not change. */
type Shown = Pick<StoryView, "visible" | "groups" | "groupsByPlace" | "events" | "shownEventIds" | "coreBounds"> & {
  /** The places with a shown event, in the story's order. */
  places: PlaceFeature[];
};

/**
 * The events the map frames when it opens. In a story of many places (more than CLUSTER_ABOVE,
 * which the map clusters), the article's own: its places keep their markers, the crowd from
 * outside the article clusters around them, and framing the whole crowd put the article's places
 * a few pixels apart on a phone. The article's events count with all their places, those it does
 * not name too (Erbil and Ain al-Asad, where its missiles fell). Otherwise, or when a filter leaves
 * none of the article's events, all shown.
 */
export function framedEvents(visible: readonly EventFeature[], placeCount: number): readonly EventFeature[] {
  if (placeCount <= CLUSTER_ABOVE) return visible;
  const own = visible.filter((f) => f.properties.provenance.kind !== "context");
  return own.length > 0 ? own : visible;
}

/** Filters remembered per story: toggling an actor on and off, or Back and Forward, finds its view ready. */
const REMEMBERED_FILTERS = 8;
const shownByFeatures = new WeakMap<readonly EventFeature[], { places: readonly PlaceFeature[]; byFilter: Map<string, Shown> }>();

/** What the filters of a state show: worked out once per filter (actors, dates) and story, then reused. */
function shownBy(bundle: { features: readonly EventFeature[]; places: readonly PlaceFeature[] }, state: ViewState): Shown {
  const key = JSON.stringify([state.actors ?? [], state.from ?? "", state.to ?? ""]);
  let story = shownByFeatures.get(bundle.features);
  if (story?.places !== bundle.places) shownByFeatures.set(bundle.features, (story = { places: bundle.places, byFilter: new Map() }));
  const remembered = story.byFilter;
  const known = remembered.get(key);
  if (known) {
    // Most recently used last: the oldest is the one to forget.
    remembered.delete(key);
    remembered.set(key, known);
    return known;
  }
  const visible = filterIndex(indexEvents(bundle.features), state);
  const groups = groupByPlace(visible);
  const groupsByPlace = new Map(groups.map((g) => [g.placeId, g]));
  const events = listEvents(visible);
  let bounds: { box: BBox | undefined } | undefined;
  const shown: Shown = {
    visible,
    groups,
    groupsByPlace,
    events,
    shownEventIds: new Set(events.map((e) => e.eventId)),
    places: bundle.places.filter((p) => groupsByPlace.has(p.id)),
    coreBounds: () => (bounds ??= { box: coreBoundsOf(framedEvents(visible, bundle.places.length)) }).box,
  };
  remembered.set(key, shown);
  if (remembered.size > REMEMBERED_FILTERS) remembered.delete(remembered.keys().next().value!);
  return shown;
}

/**
 * The view of a story for a URL state. The filters run on the story's index (geo/event-index.ts),
 * built on the first call for a features array and reused after; what a filter shows is kept for
 * the last few filters, so that a pan or a selection, which change no filter, costs no filtering.
 * @example deriveView(bundle, { actors: ["iran"] }).counts // { shown: 3, total: 13 }
 */
export function deriveView(bundle: { features: readonly EventFeature[]; places: readonly PlaceFeature[] }, state: ViewState): StoryView {
  const index = indexEvents(bundle.features);
  const shown = shownBy(bundle, state);
  const { focusPlace, focusEvent } = focusOf(bundle.features, state);
  // The focused place is drawn even when the filters hide its events.
  const focusedHidden = focusPlace !== undefined && !shown.groupsByPlace.has(focusPlace);
  const places = focusedHidden ? bundle.places.filter((p) => shown.groupsByPlace.has(p.id) || p.id === focusPlace) : shown.places;
  return {
    index,
    visible: shown.visible,
    groups: shown.groups,
    groupsByPlace: shown.groupsByPlace,
    places,
    events: shown.events,
    shownEventIds: shown.shownEventIds,
    counts: { shown: shown.events.length, total: index.eventCount },
    actorCounts: index.actorCounts,
    focusPlace,
    focusEvent,
    focusBounds: eventBounds(bundle.features, places, focusEvent),
    outlinedCountries: [...new Set(places.flatMap((p) => p.properties.outline?.naturalEarthCountry ?? []))],
    outlinedAreas: places.filter((p) => p.properties.outline?.naturalEarthAdmin1 !== undefined).map((p) => p.id),
    coreBounds: shown.coreBounds,
  };
}
