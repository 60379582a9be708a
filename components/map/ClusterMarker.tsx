"use client";

import L from "leaflet";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { Marker } from "react-leaflet";
import { actorsByWeight, type MapItem } from "@/geo/clusters";
import type { Actor } from "@/geo/schema";
import { useStory } from "../StoryContext";
import type { Point } from "@/geo/layout";
import { CLUSTER_MAX_MARKS, clusterDiscSize } from "./faceGeometry";
import { choosesMarker } from "./markerKeys";
import { actorMark, setLeader } from "./placeIcon";

type Cluster = Extract<MapItem, { kind: "cluster" }>;

/**
 * The cluster's accessible name: what it holds, in words, and what choosing it does.
 * @example "A cluster of 12 places, 340 events: Russia (RU) 200, Syrian rebels (RB) 140. Zoom in to it."
 */
export function clusterName(cluster: Cluster, actors: readonly Actor[]): string {
  const who = actors.map((a) => `${a.name} (${a.abbreviation}) ${cluster.actors[a.id] ?? 0}`).join(", ");
  const what = `A cluster of ${cluster.places.toLocaleString("en-GB")} places, ${cluster.events.toLocaleString("en-GB")} events`;
  return `${who ? `${what}: ${who}` : what}. Zoom in to it.`;
}

/** Fills the cluster's element with DOM calls and textContent: no HTML string. */
function renderCluster(element: HTMLElement, cluster: Cluster, actors: readonly Actor[], offset: Point) {
  element.dataset.cluster = String(cluster.id);
  element.dataset.events = String(cluster.events);
  element.setAttribute("aria-label", clusterName(cluster, actors));
  // Leaflet sizes and centres an icon only when it builds it; this one is built once and resized here.
  const size = clusterDiscSize(cluster.events);
  element.style.width = element.style.height = `${size}px`;
  // Moved by the layout off the story's own markers, their labels and other clusters (geo/layout.ts
  // clearClusters): a line and a dot then show where its places really are, as for a marker.
  element.style.setProperty("--half", `${size / 2}px`);
  setLeader(element, offset, size / 2);
  const disc = document.createElement("span");
  disc.className = "cluster-disc";
  disc.dataset.count = cluster.events.toLocaleString("en-GB");
  const marks = document.createElement("span");
  marks.className = "place-marker-actors cluster-actors";
  marks.style.top = `${size + 3}px`;
  marks.append(...actors.slice(0, CLUSTER_MAX_MARKS).map(actorMark));
  element.replaceChildren(disc, marks);
}

/** Leaflet stacks markers by latitude, within a few thousand of 0: this puts a cluster under all of them. */
const BELOW_PLACES = -100_000;

/** Built once per marker: its content is filled by renderCluster. */
function clusterIcon(): L.DivIcon {
  return L.divIcon({ className: "cluster-marker-icon", iconSize: [0, 0], iconAnchor: [0, 0] });
}

/** One cluster of places: a disc with its event count and its main actors' marks; choosing it zooms in. */
export function ClusterMarker({ cluster, offset, onExpand }: { cluster: Cluster; offset: Point; onExpand: (cluster: Cluster) => void }) {
  const { actorsById } = useStory();
  const markerRef = useRef<L.Marker>(null);
  const icon = useMemo(() => clusterIcon(), []);
  const position = useMemo((): [number, number] => [cluster.lat, cluster.lng], [cluster.lat, cluster.lng]);
  // Every pan and filter change brings new cluster objects: the marker's content is rebuilt and its
  // handlers rebound only when what they show or do changes.
  const latest = useRef(cluster);
  useLayoutEffect(function keepLatest() {
    latest.current = cluster;
  });
  const { x: offsetX, y: offsetY } = offset;
  const contentKey = `${cluster.id}|${cluster.places}|${cluster.events}|${Object.entries(cluster.actors).join(";")}`;

  useEffect(
    function showContent() {
      const element = markerRef.current?.getElement();
      if (!element) return;
      const shown = latest.current;
      renderCluster(
        element,
        shown,
        actorsByWeight(shown.actors).flatMap((id) => actorsById.get(id) ?? []),
        { x: offsetX, y: offsetY },
      );
    },
    [contentKey, actorsById, offsetX, offsetY],
  );

  const eventHandlers = useMemo<L.LeafletEventHandlerFnMap>(
    () => ({
      click: () => onExpand(latest.current),
      keypress: (event) => {
        if (choosesMarker(event)) onExpand(latest.current);
      },
    }),
    [onExpand],
  );

  // Below every place marker: the article's places and their names stand over the crowd, and a
  // cluster's leader line that must start under a name (its places are there) passes beneath it.
  return (
    <Marker
      ref={markerRef}
      position={position}
      icon={icon}
      keyboard
      riseOnHover
      zIndexOffset={BELOW_PLACES}
      eventHandlers={eventHandlers}
    />
  );
}
