"use client";

import type L from "leaflet";
import { useCallback, useLayoutEffect, useMemo, useState } from "react";
import type { BBox } from "geojson";
import { clusterPlaces, mapItems, type MapItem, type PlaceClusters } from "@/geo/clusters";
import type { PlaceGroup } from "@/geo/group";
import type { PlaceFeature } from "@/geo/schema";
import { prefersReducedMotion } from "../motion";
import { useStory } from "../StoryContext";

/** Markers are kept for this much of the view beyond each edge, so a short pan shows no empty rim. */
const VIEW_PADDING = 0.25;

function viewOf(map: L.Map): { bbox: BBox; zoom: number } {
  const bounds = map.getBounds().pad(VIEW_PADDING);
  return { bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom: map.getZoom() };
}

/**
 * Clusters already made, by the filter's groups (geo/view.ts keeps them for the last few filters)
 * and the places clustered: toggling an actor off again, or Back, finds them ready.
 */
const madeFor = new WeakMap<ReadonlyMap<string, PlaceGroup>, Map<string, PlaceClusters>>();

function clustersFor(places: readonly PlaceFeature[], groupsByPlace: ReadonlyMap<string, PlaceGroup>, actorIds: readonly string[]) {
  let made = madeFor.get(groupsByPlace);
  if (!made) madeFor.set(groupsByPlace, (made = new Map()));
  const key = `${actorIds.join(",")}|${places.map((p) => p.id).join(",")}`;
  let clusters = made.get(key);
  if (!clusters) made.set(key, (clusters = clusterPlaces(places, groupsByPlace, actorIds)));
  return clusters;
}

/**
 * The clusters and lone places to draw in the current view, for a story of many places; nothing
 * while `enabled` is false. Re-clustered when what is shown changes, re-cut to the view when the
 * map stops moving: only the markers in view are in the page.
 */
export function useClusters(map: L.Map, enabled: boolean, places: readonly PlaceFeature[], groupsByPlace: ReadonlyMap<string, PlaceGroup>) {
  const { actorsById } = useStory();
  const clusters = useMemo(
    () => (enabled ? clustersFor(places, groupsByPlace, [...actorsById.keys()]) : undefined),
    [enabled, places, groupsByPlace, actorsById],
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
  const items: MapItem[] = useMemo(() => (clusters ? mapItems(clusters, view.bbox, view.zoom) : []), [clusters, view]);

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
