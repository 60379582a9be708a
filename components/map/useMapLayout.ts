"use client";

import type L from "leaflet";
import { useLayoutEffect, useMemo, useState } from "react";
import type { BasemapLabel } from "@/geo/basemap";
import type { PlaceGroup } from "@/geo/group";
import { placeLabels, type LabelPlacement } from "@/geo/label-placement";
import type { MapItem } from "@/geo/clusters";
import { box, clearClusters, leaderBoxes, PLACE_DOT, spreadMarkers, type BasemapLabelLayout, type Box, type Point } from "@/geo/layout";
import type { PlaceFeature } from "@/geo/schema";
import { basemapLabelSize } from "./BasemapLabels";
import { basemapLabelId } from "./basemapLabelStyle";
import { textWidth } from "./measureText";
import { clusterDiscSize, clusterFaceExtent } from "./faceGeometry";
import { LABELS, markerInputs, SPREAD } from "./layoutInputs";
import { coveredBoxes, useCoveredCorners } from "./useCoveredCorners";

/** The marker labels' font and box, as in app/globals.css (.place-label). */
const PLACE_LABEL_FONT = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const PLACE_LABEL_PADDING = 10;

/** Where a marker's face and its label are drawn. */
export interface MarkerLayout {
  /** How far the face is moved from its place so that it does not cover another marker. */
  offset: Point;
  /** Where its label goes, or null when there is no room for it in this view. */
  label: LabelPlacement | null;
}

export interface MapLayout {
  /** False until the map's controls are measured and the labels placed: the layout's first pass. */
  ready: boolean;
  markers: Map<string, MarkerLayout>;
  /** How far each cluster (by its id) is moved off the markers and the other clusters. */
  clusters: Map<string, Point>;
  basemap: BasemapLabelLayout[];
}

interface ShownView {
  zoom: number;
  /** What the map shows, in its projected pixels at that zoom. */
  box: Box;
}

function shownView(map: L.Map): ShownView {
  const { min, max } = map.getPixelBounds();
  return { zoom: map.getZoom(), box: { minX: min!.x, minY: min!.y, maxX: max!.x, maxY: max!.y } };
}

function sameView(a: ShownView, b: ShownView): boolean {
  return (
    a.zoom === b.zoom && a.box.minX === b.box.minX && a.box.minY === b.box.minY && a.box.maxX === b.box.maxX && a.box.maxY === b.box.maxY
  );
}

/**
 * What the map shows, as React state: it changes once a move or a zoom has ended, or the map
 * has been resized, not at every animation frame. A move that ends where the map stood (a fit to
 * the view it already shows, an echoed `moveend`) keeps the same state, so the labels are not
 * placed again for nothing.
 */
function useShownView(map: L.Map): ShownView {
  const [view, setView] = useState(() => shownView(map));
  // A layout effect, so that it listens before the first fit (see useMapMotion).
  useLayoutEffect(
    function followView() {
      const ended = () =>
        setView((previous) => {
          const next = shownView(map);
          return sameView(previous, next) ? previous : next;
        });
      ended();
      map.on("moveend resize", ended);
      return () => {
        map.off("moveend resize", ended);
      };
    },
    [map],
  );
  return view;
}

export interface MapLayoutInput {
  places: readonly PlaceFeature[];
  groupsByPlace: ReadonlyMap<string, PlaceGroup>;
  selectedPlace?: string;
  basemapLabels: readonly BasemapLabel[];
  /** The crowd's clusters drawn in the view, in a story of many places. */
  clusters: readonly Extract<MapItem, { kind: "cluster" }>[];
}

/** What the layout reads of the places: each one's id, how many actors' marks its face has, and its events (its label's priority). */
function layoutKey(places: readonly PlaceFeature[], groupsByPlace: ReadonlyMap<string, PlaceGroup>): string {
  return places
    .map((place) => {
      const group = groupsByPlace.get(place.id);
      return `${place.id}:${group?.actors.length ?? 0}:${group?.features.length ?? 0}`;
    })
    .join(",");
}

/**
 * Where every marker, its label and the basemap's names go. Markers are spread once per zoom and
 * per change of what is shown (not per pan or per marker added): that is in the map's projected
 * pixels, which a pan does not change, so panning never moves a marker. Labels are placed again
 * after every move and resize, inside what the map shows and off its controls. A filter change
 * that leaves the laid-out places as they were (in a story of many places, the article's own
 * places keep their markers while the crowd is clustered) keeps the layout.
 */
export function useMapLayout(map: L.Map, input: MapLayoutInput): MapLayout {
  const view = useShownView(map);
  const corners = useCoveredCorners(map);
  const { zoom } = view;
  const key = layoutKey(input.places, input.groupsByPlace);
  // The same inputs for as long as what the layout reads of them is the same.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` says when the places' content changes
  const { places, groupsByPlace } = useMemo(() => input, [key]);
  const { selectedPlace, basemapLabels, clusters } = input;
  const spread = useMemo(() => {
    const markers = markerInputs(places, groupsByPlace, {
      project: (lat, lng) => map.project([lat, lng], zoom),
      labelWidth: (name) => textWidth(name, PLACE_LABEL_FONT) + PLACE_LABEL_PADDING,
    });
    return spreadMarkers(markers, SPREAD);
  }, [map, zoom, places, groupsByPlace]);
  const names = useMemo(
    () =>
      basemapLabels
        .filter((label) => label.minZoom <= zoom)
        .map((label) => ({
          id: basemapLabelId(label),
          point: map.project([label.lat, label.lng], zoom),
          ...basemapLabelSize(label),
          rank: label.rank,
          dot: label.kind !== "country",
        })),
    [map, zoom, basemapLabels],
  );
  const markers = useMemo(() => spread.map((m) => (m.id === selectedPlace ? { ...m, selected: true } : m)), [spread, selectedPlace]);
  // What the map shows, off its controls; unknown until the controls have been measured.
  const { box: shown } = view;
  const controls = useMemo(() => corners && coveredBoxes(corners, shown), [corners, shown]);
  // Where the markers' labels go, for the clusters to keep off: in the view as it is, off its
  // controls, as they will be drawn (a label at the map's edge takes the side that is in view, and
  // a cluster there would take its room). A pan that changes a label's side may move a cluster.
  const clustering = clusters.length > 0;
  const named = useMemo(
    () => (clustering && controls ? placeLabels(markers, [], { ...LABELS, view: shown, covered: controls }).markerBoxes : []),
    [clustering, markers, shown, controls],
  );
  // Clusters come and go with every pan: they move off the markers, which stay where the spread
  // put them, and off the markers' labels (the article's places are named before the crowd is
  // drawn around them), and no other label goes over them.
  const clustersDrawn = useMemo(() => {
    const inputs = clusters.map((cluster) => ({
      id: String(cluster.id),
      point: map.project([cluster.lat, cluster.lng], zoom),
      face: clusterFaceExtent(clusterDiscSize(cluster.events), Object.keys(cluster.actors).length),
    }));
    const offsets = clearClusters(spread, inputs, SPREAD.padding * 2, named);
    const boxes = inputs.map((c) => {
      const offset = offsets.get(c.id)!;
      return box({ x: c.point.x + offset.x, y: c.point.y + offset.y }, c.face, LABELS.padding);
    });
    // A moved cluster's leader line and the dot where its places are: no city's name goes over them.
    const leaders = inputs.flatMap((c) => {
      const offset = offsets.get(c.id)!;
      return Math.hypot(offset.x, offset.y) > 1 ? [box(c.point, PLACE_DOT), ...leaderBoxes(c.point, offset)] : [];
    });
    return { offsets, boxes, leaders };
  }, [map, zoom, clusters, spread, named]);
  return useMemo(() => {
    // Labels must keep off the map's controls: they are placed once the controls have been
    // measured, before the map's first paint, rather than placed blind and then again.
    if (!controls)
      return {
        ready: false,
        markers: new Map(spread.map((m) => [m.id, { offset: m.offset, label: null }])),
        clusters: clustersDrawn.offsets,
        basemap: [],
      };
    const covered = [...controls, ...clustersDrawn.boxes];
    const labels = placeLabels(markers, names, { ...LABELS, view: shown, covered, keepNamesOff: clustersDrawn.leaders });
    return {
      ready: true,
      markers: new Map(spread.map((m) => [m.id, { offset: m.offset, label: labels.markers.get(m.id) ?? null }])),
      clusters: clustersDrawn.offsets,
      basemap: labels.basemap,
    };
  }, [shown, controls, spread, markers, names, clustersDrawn]);
}
