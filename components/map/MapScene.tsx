"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useMap, useMapEvents } from "react-leaflet";
import { latLngOf } from "@/geo/map-target";
import type { DatelineMapProps } from "./DatelineMap";
import { Basemap, useBasemap } from "./Basemap";
import { BasemapLabels } from "./BasemapLabels";
import { PlaceMarker } from "./PlaceMarker";
import { SelectedPopup } from "./SelectedPopup";
import { useEngageToExplore } from "./useEngageToExplore";
import { useClusters } from "./useClusters";
import { useInvalidateOnResize } from "./useInvalidateOnResize";
import { useMapLayout } from "./useMapLayout";
import { useMapMotion } from "./useMapMotion";
import { useMapName } from "./useMapName";
import { jumpPansUnderReducedMotion } from "./reducedMotionPans";
import { ViewController } from "./ViewController";

/** Drawn only in a story that clusters (geo/thresholds.ts): a small story never fetches it. */
const ClusterMarker = dynamic(() => import("./ClusterMarker").then((m) => m.ClusterMarker), { ssr: false });

const NO_OFFSET = { x: 0, y: 0 };
/** Until the basemap arrives: one array, so that the layout is not redone at every render. */
const NO_LABELS: never[] = [];

/**
 * Everything on the map that follows the state: the basemap and its names, a marker per place,
 * the selected place's popup, and the view. The URL state comes in as props; what the reader does
 * goes out through the callbacks; nothing here decides what is selected.
 */
export function MapScene(props: Omit<DatelineMapProps, "tiles">) {
  const { view, mapView, focusOpenedOnMap, onOpenPlace, onClosePopup, onUserMove } = props;
  const map = useMap();
  useEngageToExplore(map, props.engageToExplore ?? false, props.onEngaged);
  const motion = useMapMotion(map, onUserMove);
  useEffect(() => jumpPansUnderReducedMotion(map), [map]);
  useInvalidateOnResize(motion);
  const { data: basemap, settled: basemapSettled } = useBasemap();
  const { places, groupsByPlace, visible, focusPlace, focusEvent } = view;
  // In a story of many places, the article's own places and the focused one keep their own markers
  // and labels at every zoom; the rest cluster, and only what is in view is drawn.
  const clustered = props.cluster ?? false;
  const { pinned, crowd } = useMemo(() => {
    if (!clustered) return { pinned: places, crowd: [] };
    const own = (p: (typeof places)[number]) => p.id === focusPlace || groupsByPlace.get(p.id)?.inArticle !== false;
    return { pinned: places.filter(own), crowd: places.filter((p) => !own(p)) };
  }, [clustered, places, groupsByPlace, focusPlace]);
  const { items, expand } = useClusters(map, clustered, crowd, groupsByPlace);
  const placesById = useMemo(() => new Map(crowd.map((p) => [p.id, p])), [crowd]);
  const markerPlaces = useMemo(
    () =>
      clustered ? [...pinned, ...items.flatMap((item) => (item.kind === "place" ? (placesById.get(item.placeId) ?? []) : []))] : places,
    [clustered, pinned, items, placesById, places],
  );
  // The map frames the shown events again whenever they change. In a story of many places it
  // frames them once, and again only when the story's events arrive: the clusters in view already
  // say what a filter changed, and refitting thousands of places at each toggle would move the
  // map under the reader, and redraw it, for a box that hardly changes.
  const { index } = view;
  const boundsKey = useMemo(() => (clustered ? index : visible.map((f) => f.id).join(",")), [clustered, index, visible]);
  const clusterItems = useMemo(() => items.flatMap((item) => (item.kind === "cluster" ? [item] : [])), [items]);
  const layout = useMapLayout(map, {
    places: pinned,
    groupsByPlace,
    selectedPlace: focusPlace,
    basemapLabels: basemap?.labels ?? NO_LABELS,
    clusters: clusterItems,
  });

  // Where the keyboard focus should go once it is drawn: into the popup the reader opened with
  // Enter, or back to the marker whose popup they closed from the keyboard.
  const [focusPopup, setFocusPopup] = useState(false);
  const [focusMarker, setFocusMarker] = useState<string>();
  const popupFocused = useCallback(() => setFocusPopup(false), []);
  const markerFocused = useCallback(() => setFocusMarker(undefined), []);

  // The focus the map has arrived at: a popup opens once the flight to its place has ended, so
  // that its own panning does not cut the flight short.
  const [arrivedAt, setArrivedAt] = useState<string>();
  const focusKey = `${focusPlace}|${focusEvent}`;

  const [mapWidth, setMapWidth] = useState(() => map.getSize().x);
  useMapEvents({ resize: () => setMapWidth(map.getSize().x) });

  const select = useCallback(
    (placeId: string, viaKeyboard: boolean) => {
      setFocusPopup(viaKeyboard);
      onOpenPlace(placeId);
    },
    [onOpenPlace],
  );
  const close = useCallback(
    (focusWasInside: boolean) => {
      if (focusWasInside && focusPlace) setFocusMarker(focusPlace);
      onClosePopup();
    },
    [focusPlace, onClosePopup],
  );
  const { run } = motion;
  const bringIntoView = useCallback(
    (placeId: string) => {
      const place = places.find((p) => p.id === placeId);
      if (!place) return;
      const [lng, lat] = place.geometry.coordinates;
      if (!map.getBounds().pad(-0.1).contains([lat, lng])) run(() => map.panTo([lat, lng]));
    },
    [map, places, run],
  );

  useMapName(map, "Map: arrow keys pan, plus and minus zoom");

  useEffect(
    function escapeClosesThePopup() {
      // Leaflet closes a popup on Escape only while the map itself has the focus; this covers a
      // marker or the popup having it, and nothing outside the map.
      const container = map.getContainer();
      const escape = (event: KeyboardEvent) => {
        if (event.key !== "Escape" || !focusPlace || event.target === container) return;
        const target = event.target as Element;
        if (target.closest(".leaflet-popup") || target.closest(`[data-place="${CSS.escape(focusPlace)}"]`)) setFocusMarker(focusPlace);
        onClosePopup();
      };
      container.addEventListener("keydown", escape);
      return () => container.removeEventListener("keydown", escape);
    },
    [map, focusPlace, onClosePopup],
  );

  // The map can take over from the page's first view once its labels are placed and its basemap is
  // here (or has failed): until then it would show fewer names and outlines than the first view.
  const live = layout.ready && basemapSettled;
  const { onLive } = props;
  useEffect(
    function handOverOnceLive() {
      // After every marker's own effects of this commit, in the same task: the markers now carry
      // their data-place, and the page's first view gives its markers up (MapLoader).
      if (live) onLive?.(setFocusMarker);
    },
    [live, onLive],
  );

  const focused = places.find((p) => p.id === focusPlace);
  const focusCoordinates = useMemo(() => latLngOf(focused), [focused]);

  return (
    <>
      <Basemap data={basemap} outlinedCountries={view.outlinedCountries} outlinedAreas={view.outlinedAreas} />
      {basemap && <BasemapLabels labels={basemap.labels} placements={layout.basemap} />}
      {clusterItems.map((cluster) => (
        <ClusterMarker
          key={`cluster-${cluster.id}`}
          cluster={cluster}
          offset={layout.clusters.get(String(cluster.id)) ?? NO_OFFSET}
          onExpand={expand}
        />
      ))}
      {markerPlaces.map((place) => (
        <PlaceMarker
          key={place.id}
          place={place}
          group={groupsByPlace.get(place.id)}
          selected={place.id === focusPlace}
          layout={layout.markers.get(place.id)}
          laidOut={live}
          takeFocus={place.id === focusMarker}
          onFocusTaken={markerFocused}
          onSelect={select}
          onFocus={bringIntoView}
        />
      ))}
      {focused && arrivedAt === focusKey && !motion.moving && (
        <SelectedPopup
          key={focused.id}
          place={focused}
          group={groupsByPlace.get(focused.id)}
          focusedEvent={focusEvent}
          offset={layout.markers.get(focused.id)?.offset ?? NO_OFFSET}
          mapWidth={mapWidth}
          takeFocus={focusPopup}
          onFocusTaken={popupFocused}
          onClose={close}
        />
      )}
      <ViewController
        view={mapView}
        focus={focusOpenedOnMap ? undefined : focusCoordinates}
        focusBounds={view.focusBounds}
        focusKey={focusKey}
        bounds={view.coreBounds}
        boundsKey={boundsKey}
        motion={motion}
        onSettled={setArrivedAt}
      />
    </>
  );
}
