/**
 * Places clustered where they would crowd, for stories of more than CLUSTER_ABOVE places (geo/thresholds.ts)
 * (CONTRACT.md: a story of 50 places or fewer keeps one marker per place at every zoom). Each
 * cluster drawn says how many events it holds and how many of them each actor is in, so that its
 * marker can say so. Pure: supercluster (Mapbox's) does the clustering; no React, no Leaflet.
 */
import Supercluster, { type ClusterFeature, type PointFeature } from "supercluster";
import type { BBox } from "geojson";
import type { PlaceGroup } from "./group";
import type { PlaceFeature } from "./schema";

/** Below this zoom the clusters stay as they are at it: the whole region is a handful of discs anyway. */
export const CLUSTER_MIN_ZOOM = 3;

/** From this zoom on, every place has its own marker. */
export const CLUSTER_MAX_ZOOM = 13;

/** How near, in the map's pixels, places gather into one cluster: wider than the largest disc (components/map/faceGeometry.ts) and its marks. */
export const CLUSTER_RADIUS = 80;

export interface PlacePoint {
  placeId: string;
}

/** Clusters carry nothing of their own beyond supercluster's count: see `clusterPlaces`. */
type NoSummary = Record<never, never>;

export type ClusterIndex = Supercluster<PlacePoint, NoSummary>;

/** A marker to draw at one zoom: a lone place, or a cluster of several. */
export type MapItem =
  | { kind: "place"; placeId: string }
  | { kind: "cluster"; id: number; lat: number; lng: number; places: number; events: number; actors: Record<string, number> };

/** A story's places clustered, with what is needed to say what each cluster holds. */
export interface PlaceClusters {
  index: ClusterIndex;
  groupsByPlace: ReadonlyMap<string, PlaceGroup>;
  actorIds: readonly string[];
}

/**
 * The cluster index of these places. It holds positions only: what a cluster holds (its events,
 * and how many of them each actor is in) is summed by `mapItems` from the places of the clusters
 * it draws, a few dozen at a time, rather than carried up every zoom level of the index for every
 * place at each filter change.
 */
export function clusterPlaces(
  places: readonly PlaceFeature[],
  groupsByPlace: ReadonlyMap<string, PlaceGroup>,
  actorIds: readonly string[],
): PlaceClusters {
  const points = places.map((place): PointFeature<PlacePoint> => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [...place.geometry.coordinates] },
    properties: { placeId: place.id },
  }));
  // Supercluster's radius is in pixels of a tile `extent` wide; Leaflet's tiles are 256 px, so with
  // this extent the radius is in the map's own pixels. At its default extent (512) a radius of 80
  // was 40 px on screen, less than the largest disc (56 px): discs overlapped, 110 pairs at zoom 8
  // in the generated 10,000-event story; none now (tests/unit/clusters.test.ts).
  const index: ClusterIndex = new Supercluster<PlacePoint, NoSummary>({
    radius: CLUSTER_RADIUS,
    extent: 256,
    minZoom: CLUSTER_MIN_ZOOM,
    maxZoom: CLUSTER_MAX_ZOOM,
  });
  return { index: index.load(points), groupsByPlace, actorIds };
}

/** A place's events, and how many of them each actor is in: worked out once per group (a filter's groups are kept, geo/view.ts). */
const placeSums = new WeakMap<PlaceGroup, { events: number; actors: Map<string, number> }>();

function placeSum(group: PlaceGroup): { events: number; actors: Map<string, number> } {
  let sum = placeSums.get(group);
  if (sum) return sum;
  const actors = new Map<string, number>();
  for (const feature of group.features) for (const actor of feature.properties.actors) actors.set(actor, (actors.get(actor) ?? 0) + 1);
  placeSums.set(group, (sum = { events: group.features.length, actors }));
  return sum;
}

/** The events of a cluster's places, and how many of them each of the story's actors is in (by `actorIds`, in that order). */
function summarise(
  { index, groupsByPlace, actorIds }: PlaceClusters,
  clusterId: number,
): { events: number; actors: Record<string, number> } {
  const counts = new Map<string, number>();
  let events = 0;
  for (const leaf of index.getLeaves(clusterId, Infinity)) {
    const group = groupsByPlace.get(leaf.properties.placeId);
    if (!group) continue;
    const sum = placeSum(group);
    events += sum.events;
    for (const [actor, n] of sum.actors) counts.set(actor, (counts.get(actor) ?? 0) + n);
  }
  return { events, actors: Object.fromEntries(actorIds.flatMap((id) => (counts.has(id) ? [[id, counts.get(id)!]] : []))) };
}

/** What to draw inside a box ([west, south, east, north]) at a zoom. */
export function mapItems(clusters: PlaceClusters, bbox: BBox, zoom: number): MapItem[] {
  return clusters.index.getClusters(bbox, Math.floor(zoom)).map((feature): MapItem => {
    if (isCluster(feature)) {
      const [lng = 0, lat = 0] = feature.geometry.coordinates;
      const id = feature.properties.cluster_id;
      return { kind: "cluster", id, lat, lng, places: feature.properties.point_count, ...summarise(clusters, id) };
    }
    return { kind: "place", placeId: feature.properties.placeId };
  });
}

function isCluster(feature: ClusterFeature<NoSummary> | PointFeature<PlacePoint>): feature is ClusterFeature<NoSummary> {
  return "cluster" in feature.properties && feature.properties.cluster === true;
}

/** The actors of a cluster, most events first (ties by id, so the order never flickers). */
export function actorsByWeight(actors: Readonly<Record<string, number>>): string[] {
  return Object.entries(actors)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([id]) => id);
}
