"use client";

import type L from "leaflet";
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from "react";
import type { BBox } from "geojson";
import type { MapItem, PlaceClusters } from "@/geo/clusters";
import type { PlaceGroup } from "@/geo/group";
import type { PlaceFeature } from "@/geo/schema";
import { prefersReducedMotion } from "../motion";
import { useStory } from "../StoryContext";

/** Markers are kept for this much of the view beyond each edge, so a short pan shows no empty rim. */
const VIEW_PADDING = 0.25;

type Clustering = typeof import("@/geo/clusters");
/** geo/clusters.ts and supercluster, fetched once, the first time a story clusters. */
let clusteringLoad: Promise<Clustering> | undefined;
function loadClustering(): Promise<Clustering> {
  if (!clusteringLoad) {
    clusteringLoad = import("@/geo/clusters");
    // A failed fetch may be tried again by the next mount (a reload of the map after its error).
    clusteringLoad.catch(() => (clusteringLoad = undefined));
  }
  return clusteringLoad;
}

function viewOf(map: L.Map): { bbox: BBox; zoom: number } {
  const bounds = map.getBounds().pad(VIEW_PADDING);
  return { bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom: map.getZoom() };
}

/**
 * Clusters already made, by the filter's groups (geo/view.ts keeps them for the last few filters)
 * and the places clustered: toggling an actor off again, or Back, finds them ready.
 */
const madeFor = new WeakMap<ReadonlyMap<string, PlaceGroup>, Map<string, PlaceClusters>>();

function clustersFor(
  engine: Clustering,
  places: readonly PlaceFeature[],
  groupsByPlace: ReadonlyMap<string, PlaceGroup>,
  actorIds: readonly string[],
) {
  let made = madeFor.get(groupsByPlace);
  if (!made) madeFor.set(groupsByPlace, (made = new Map()));
  const key = `${actorIds.join(",")}|${places.map((p) => p.id).join(",")}`;
  let clusters = made.get(key);
  if (!clusters) made.set(key, (clusters = engine.clusterPlaces(places, groupsByPlace, actorIds)));
  return clusters;
}

/**
 * The clusters and lone places to draw in the current view, for a story of many places; nothing
 * while `enabled` is false. Re-clustered when what is shown changes, re-cut to the view when the
 * map stops moving: only the markers in view are in the page. The clustering code is fetched when
 * `enabled` first turns true, so that a small story's page never loads it; until it is here, the
 * crowd is not drawn (the article's own places, pinned by MapScene, are).
 */
export function useClusters(map: L.Map, enabled: boolean, places: readonly PlaceFeature[], groupsByPlace: ReadonlyMap<string, PlaceGroup>) {
  const { actorsById } = useStory();
  const [clustering, setClustering] = useState<{ module: Clustering } | { error: unknown }>();
  useEffect(
    function fetchClustering() {
      if (!enabled || clustering) return;
      let current = true;
      loadClustering().then(
        (module) => current && setClustering({ module }),
        (error: unknown) => current && setClustering({ error }),
      );
      return () => {
        current = false;
      };
    },
    [enabled, clustering],
  );
  // The map's error boundary says so if the code could not be fetched.
  if (clustering && "error" in clustering) throw clustering.error;
  const engine = clustering && "module" in clustering ? clustering.module : undefined;
  const clusters = useMemo(
    () => (enabled && engine ? clustersFor(engine, places, groupsByPlace, [...actorsById.keys()]) : undefined),
    [enabled, engine, places, groupsByPlace, actorsById],
  );
  const [view, setView] = useState(() => viewOf(map));
  // A layout effect, so that it follows the first fit (see useMapMotion).
  useLayoutEffect(
    function followView() {
      if (!enabled) return;
      const moved = () => setView(viewOf(map));
      moved();
      map.on("moveend", moved);
      return () => {
        map.off("moveend", moved);
      };
    },
    [map, enabled],
  );
  const items: MapItem[] = useMemo(
    () => (clusters && engine ? engine.mapItems(clusters, view.bbox, view.zoom) : []),
    [clusters, engine, view],
  );

  /** Zooms into a cluster just far enough that it comes apart: a move of the reader's, so the URL follows it. */
  const expand = useCallback(
    (item: Extract<MapItem, { kind: "cluster" }>) => {
      if (!clusters) return;
      const zoom = Math.min(clusters.index.getClusterExpansionZoom(item.id), map.getMaxZoom());
      if (prefersReducedMotion()) map.setView([item.lat, item.lng], zoom, { animate: false });
      else map.flyTo([item.lat, item.lng], zoom, { duration: 0.5 });
    },
    [clusters, map],
  );
  return { items, expand };
}
