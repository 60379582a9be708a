/**
 * Where the URL state puts the map, in order of precedence: the view the URL names, else the
 * focused event's places framed, when it has several, else the focused place, else the shown
 * events framed. The map's opening view and each move that follows
 * the state (components/map/DatelineMap.tsx and ViewController.tsx) both ask this, so the map
 * opens where its first move would take it. No Leaflet here: how to get there (a jump, a flight,
 * a fit with padding) is the map's business.
 */
import type { BBox } from "geojson";
import type { PlaceFeature } from "./schema";
import type { MapView } from "./url-state";

export type MapTarget =
  | { kind: "view"; view: MapView }
  /** The focused place, as [lat, lng]. */
  | { kind: "focus"; point: [number, number] }
  /** A focused event at several places: the box around them, framed, with the focused place's popup at `point`. */
  | { kind: "frame"; point: [number, number]; bounds: BBox }
  /** The box around the shown events, computed only when asked for: it may cover thousands of places. */
  | { kind: "fit"; bounds: () => BBox | undefined };

export interface MapTargetInput {
  /** The view the URL names, if any. */
  view?: MapView;
  /** The focused place's [lat, lng], if the map should bring it into view. */
  focus?: [number, number];
  /** With a focus, the box around the focused event's places, when it has several (StoryView.focusBounds). */
  focusBounds?: BBox;
  bounds: () => BBox | undefined;
}

export function mapTarget({ view, focus, focusBounds, bounds }: MapTargetInput): MapTarget {
  if (view) return { kind: "view", view };
  if (focus && focusBounds) return { kind: "frame", point: focus, bounds: focusBounds };
  if (focus) return { kind: "focus", point: focus };
  return { kind: "fit", bounds };
}

/** A place's point as Leaflet takes it, [lat, lng]; undefined for no place. */
export function latLngOf(place: PlaceFeature | undefined): [number, number] | undefined {
  const [lng, lat] = place?.geometry.coordinates ?? [];
  return lng === undefined || lat === undefined ? undefined : [lat, lng];
}

/** A [west, south, east, north] box as Leaflet takes it, [[south, west], [north, east]]. */
export function latLngBox([west, south, east, north]: BBox): [[number, number], [number, number]] {
  return [
    [south, west],
    [north, east],
  ];
}
