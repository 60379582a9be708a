"use client";

import type L from "leaflet";
import type { BBox } from "geojson";
import { useLayoutEffect, useMemo, useState } from "react";
import type { BasemapLabel } from "@/geo/basemap";
import type { PlaceGroup } from "@/geo/group";
import { layoutMap, type Box, type MapLayout } from "@/geo/layout";
import type { PlaceFeature } from "@/geo/schema";
import { basemapLabelId, basemapLabelSize } from "./BasemapLabels";
import { textWidth } from "./measureText";
import { DISC_EXTENT, faceExtent } from "./placeIcon";
import { FIT_PADDING } from "./ViewController";

/** The marker labels' font and box, as in app/globals.css (.place-label). */
const PLACE_LABEL_FONT = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const PLACE_LABEL_PADDING = 10;
const PLACE_LABEL_HEIGHT = 18;

const OPTIONS = { minDistance: 44, gap: 3, padding: 2 };

/**
 * Which label keeps its room when two compete: a named site or city before a province, and a
 * province before a country (whose outline and the basemap already say where it is); then the
 * place with more events.
 */
const KIND_WEIGHT: Record<PlaceFeature["properties"]["kind"], number> = { "air-base": 3, airport: 3, city: 3, province: 2, country: 1 };

function labelPriority(place: PlaceFeature, group: PlaceGroup | undefined): number {
  return KIND_WEIGHT[place.properties.kind] * 1000 + (group?.features.length ?? 0);
}

/** The map's zoom, as React state: it changes once a zoom has ended, not at every animation frame. */
function useZoom(map: L.Map): number {
  const [zoom, setZoom] = useState(() => map.getZoom());
  // A layout effect, so that it listens before the first fit (see useMapMotion).
  useLayoutEffect(
    function followZoom() {
      const ended = () => setZoom(map.getZoom());
      ended();
      map.on("zoomend", ended);
      return () => {
        map.off("zoomend", ended);
      };
    },
    [map],
  );
  return zoom;
}

export interface MapLayoutInput {
  places: readonly PlaceFeature[];
  groupsByPlace: ReadonlyMap<string, PlaceGroup>;
  selectedPlace?: string;
  basemapLabels: readonly BasemapLabel[];
  /** The box the map fits when the URL names no view (ViewController's `bounds`): labels keep inside it. */
  frame?: BBox;
}

/** A [west, south, east, north] box in the map's pixels at a zoom, with the room the fit keeps around it. */
function pixelFrame(map: L.Map, [west, south, east, north]: BBox, zoom: number): Box {
  const [topLeft, bottomRight] = [map.project([north, west], zoom), map.project([south, east], zoom)];
  return {
    minX: topLeft.x - FIT_PADDING,
    minY: topLeft.y - FIT_PADDING,
    maxX: bottomRight.x + FIT_PADDING,
    maxY: bottomRight.y + FIT_PADDING,
  };
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
 * Where every marker, its label and the basemap's names go at the map's zoom. Laid out once per
 * zoom and per change of what is shown (not per pan or per marker added): the layout is in the
 * map's projected pixels, which a pan does not change. A filter change that leaves the laid-out
 * places as they were (in a story of many places, the article's own places keep their markers
 * while the crowd is clustered) keeps the layout.
 */
export function useMapLayout(map: L.Map, input: MapLayoutInput): MapLayout {
  const zoom = useZoom(map);
  const key = layoutKey(input.places, input.groupsByPlace);
  // The same inputs for as long as what the layout reads of them is the same.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` says when the places' content changes
  const { places, groupsByPlace } = useMemo(() => input, [key]);
  const { selectedPlace, basemapLabels, frame } = input;
  return useMemo(() => {
    const markers = places.map((place) => {
      const [lng, lat] = place.geometry.coordinates;
      const group = groupsByPlace.get(place.id);
      return {
        id: place.id,
        point: map.project([lat, lng], zoom),
        face: faceExtent(group?.actors.length ?? 0),
        disc: DISC_EXTENT,
        label: { width: textWidth(place.properties.name, PLACE_LABEL_FONT) + PLACE_LABEL_PADDING, height: PLACE_LABEL_HEIGHT },
        priority: labelPriority(place, group),
        selected: place.id === selectedPlace,
      };
    });
    const names = basemapLabels
      .filter((label) => label.minZoom <= zoom)
      .map((label) => ({
        id: basemapLabelId(label),
        point: map.project([label.lat, label.lng], zoom),
        ...basemapLabelSize(label),
        rank: label.rank,
        dot: label.kind !== "country",
      }));
    return layoutMap(markers, names, { ...OPTIONS, frame: frame && pixelFrame(map, frame, zoom) });
  }, [map, zoom, places, groupsByPlace, selectedPlace, basemapLabels, frame]);
}
