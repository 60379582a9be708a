/**
 * What the map's layout is given: each place as a marker input (its point, its face, its label's
 * size and priority), and the spacing the map keeps. No Leaflet and no DOM here, so that a script
 * in node lays out the map as the browser does (tests/bench/labels.ts): the projection and the
 * text measure come in as functions.
 */
import type { PlaceGroup } from "@/geo/group";
import type { MarkerInput, Point } from "@/geo/layout";
import type { PlaceFeature } from "@/geo/schema";
import { DISC_EXTENT, faceExtent } from "./faceGeometry";

/** How far apart markers are spread; the gap between a face and its label, and the room kept around each label. */
export const SPREAD = { minDistance: 44, padding: 2 };
export const LABELS = { gap: 3, padding: 2 };

/** The marker labels' height, as in app/globals.css (.place-label). */
const PLACE_LABEL_HEIGHT = 18;

/**
 * Which label keeps its room when two compete: a named site or city before a province, and a
 * province before a country (whose outline and the basemap already say where it is); then the
 * place with more events.
 */
const KIND_WEIGHT: Record<PlaceFeature["properties"]["kind"], number> = { "air-base": 3, airport: 3, city: 3, province: 2, country: 1 };

function labelPriority(place: PlaceFeature, group: PlaceGroup | undefined): number {
  return KIND_WEIGHT[place.properties.kind] * 1000 + (group?.features.length ?? 0);
}

export interface MarkerMeasures {
  /** The place's point in the map's pixels at the zoom being laid out. */
  project: (lat: number, lng: number) => Point;
  /** The width of a name's label box, as drawn. */
  labelWidth: (name: string) => number;
}

/** The layout's input for each place: the marker as drawn, its label's size, and its priority. */
export function markerInputs(
  places: readonly PlaceFeature[],
  groupsByPlace: ReadonlyMap<string, PlaceGroup>,
  { project, labelWidth }: MarkerMeasures,
): MarkerInput[] {
  return places.map((place) => {
    const [lng, lat] = place.geometry.coordinates;
    const group = groupsByPlace.get(place.id);
    return {
      id: place.id,
      point: project(lat, lng),
      face: faceExtent(group?.actors.length ?? 0),
      disc: DISC_EXTENT,
      label: { width: labelWidth(place.properties.name), height: PLACE_LABEL_HEIGHT },
      priority: labelPriority(place, group),
    };
  });
}
