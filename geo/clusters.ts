/**
 * Places clustered where they would crowd, for stories of more than CLUSTER_ABOVE places (geo/thresholds.ts)
 * (CONTRACT.md: a story of 50 places or fewer keeps one marker per place at every zoom). Each
 * cluster knows how many events it holds and how many of them each actor is in, so that its marker
 * can say so. Pure: supercluster (Mapbox's) does the clustering; no React, no Leaflet.
 */
import Supercluster, { type ClusterFeature, type PointFeature } from "supercluster";
import type { BBox } from "geojson";
import type { PlaceGroup } from "./group";
import type { PlaceFeature } from "./schema";

/** Below this zoom the clusters stay as they are at it: the whole region is a handful of discs anyway. */
export const CLUSTER_MIN_ZOOM = 3;

/** From this zoom on, every place has its own marker. */
export const CLUSTER_MAX_ZOOM = 13;

export interface PlacePoint {
  placeId: string;
  events: number;
  /** Events per actor, by the actor's position in the story's actor list. */
  actors: number[];
}

export interface ClusterSummary {
  events: number;
  actors: number[];
}

export type ClusterIndex = Supercluster<PlacePoint, ClusterSummary>;

/** A marker to draw at one zoom: a lone place, or a cluster of several. */
export type MapItem =
  | { kind: "place"; placeId: string }
  | { kind: "cluster"; id: number; lat: number; lng: number; places: number; events: number; actors: Record<string, number> };

/**
 * The cluster index of these places, each weighted by its group's events and actors. Counts per
 * actor travel as arrays over `actorIds`: supercluster merges them at every zoom, and adding up a
 * few numbers is much cheaper there than merging objects.
 */
export function clusterPlaces(
  places: readonly PlaceFeature[],
  groupsByPlace: ReadonlyMap<string, PlaceGroup>,
  actorIds: readonly string[],
): { index: ClusterIndex; actorIds: readonly string[] } {
  const position = new Map(actorIds.map((id, i) => [id, i]));
  const points = places.map((place): PointFeature<PlacePoint> => {
    const group = groupsByPlace.get(place.id);
    const actors = new Array<number>(actorIds.length).fill(0);
    for (const feature of group?.features ?? []) {
      for (const actor of feature.properties.actors) {
        const i = position.get(actor);
        if (i !== undefined) actors[i]! += 1;
      }
    }
    return {
      type: "Feature",
      geometry: { type: "Point", coordinates: [...place.geometry.coordinates] },
      properties: { placeId: place.id, events: group?.features.length ?? 0, actors },
    };
  });
  const index: ClusterIndex = new Supercluster<PlacePoint, ClusterSummary>({
    // Wider than the largest disc (56 px), so that discs do not overlap.
    radius: 80,
    minZoom: CLUSTER_MIN_ZOOM,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: (p) => ({ events: p.events, actors: [...p.actors] }),
    reduce: (sum, p) => {
      sum.events += p.events;
      for (let i = 0; i < p.actors.length; i++) sum.actors[i]! += p.actors[i]!;
    },
  });
  return { index: index.load(points), actorIds };
}

/** What to draw inside a box ([west, south, east, north]) at a zoom. */
export function mapItems({ index, actorIds }: ReturnType<typeof clusterPlaces>, bbox: BBox, zoom: number): MapItem[] {
  return index.getClusters(bbox, Math.floor(zoom)).map((feature): MapItem => {
    if (isCluster(feature)) {
      const [lng = 0, lat = 0] = feature.geometry.coordinates;
      const p = feature.properties;
      const actors = Object.fromEntries(actorIds.flatMap((id, i) => ((p.actors[i] ?? 0) > 0 ? [[id, p.actors[i]!]] : [])));
      return { kind: "cluster", id: p.cluster_id, lat, lng, places: p.point_count, events: p.events, actors };
    }
    return { kind: "place", placeId: feature.properties.placeId };
  });
}

function isCluster(feature: ClusterFeature<ClusterSummary> | PointFeature<PlacePoint>): feature is ClusterFeature<ClusterSummary> {
  return "cluster" in feature.properties && feature.properties.cluster === true;
}

/** The actors of a cluster, most events first (ties by id, so the order never flickers). */
export function actorsByWeight(actors: Readonly<Record<string, number>>): string[] {
  return Object.entries(actors)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([id]) => id);
}
