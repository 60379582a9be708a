"use client";

import type L from "leaflet";
import { useEffect, useRef } from "react";
import { useMap, useMapEvents } from "react-leaflet";
import type { BBox } from "geojson";
import { formatMapView, type MapView } from "@/geo/url-state";
import { prefersReducedMotion } from "../motion";

export interface ViewControllerProps {
  /** The view the URL asks for, if any: it wins over everything else. */
  view?: MapView;
  /** The focused place's [lat, lng], if any. */
  focus?: [number, number];
  focusKey?: string;
  /** The box around the shown events, fitted while the user has not moved the map. */
  bounds?: BBox;
  boundsKey: string;
  onUserMove: (view: MapView) => void;
}

const FOCUS_ZOOM = 7;

function currentView(map: L.Map): MapView {
  const centre = map.getCenter();
  return { zoom: map.getZoom(), lat: centre.lat, lng: centre.lng };
}

/** How long after the user's last touch, wheel or key a move still counts as theirs: covers inertia. */
const GESTURE_MS = 1500;
const GESTURE_EVENTS = ["pointerdown", "wheel", "keydown", "touchstart"] as const;
/** Leaflet's keyboard handler pans with the arrows and zooms with + and -. */
const MAP_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "+", "-", "=", "_"]);

/**
 * Drives the map from the URL state, since MapContainer's props are read once, and reports the
 * user's own pans and zooms. A move counts as the user's only if it follows their pointer, wheel
 * or key on the map: moves the app makes (fitting, flying, a resize, a popup panning into view)
 * are never written back to the URL.
 */
export function ViewController({ view, focus, focusKey, bounds, boundsKey, onUserMove }: ViewControllerProps) {
  const map = useMap();
  const lastGesture = useRef(Number.NEGATIVE_INFINITY);
  const previous = useRef<{ focusKey?: string; boundsKey?: string } | null>(null);

  useEffect(
    function watchUserGestures() {
      const container = map.getContainer();
      const mark = (event: Event) => {
        // Of the keys, only those that pan or zoom the map: Tab, Enter and Escape move it only
        // through what they focus or open.
        if (event instanceof KeyboardEvent && !MAP_KEYS.has(event.key)) return;
        lastGesture.current = performance.now();
      };
      for (const type of GESTURE_EVENTS) container.addEventListener(type, mark, { passive: true });
      return () => {
        for (const type of GESTURE_EVENTS) container.removeEventListener(type, mark);
      };
    },
    [map],
  );

  useMapEvents({
    autopanstart() {
      // A popup panning itself into view after a click on its marker is not a pan.
      lastGesture.current = Number.NEGATIVE_INFINITY;
    },
    moveend() {
      if (performance.now() - lastGesture.current < GESTURE_MS) onUserMove(currentView(map));
    },
  });

  useEffect(
    function followUrlState() {
      const first = previous.current === null;
      const focusChanged = !first && previous.current?.focusKey !== focusKey;
      const boundsChanged = !first && previous.current?.boundsKey !== boundsKey;
      previous.current = { focusKey, boundsKey };
      const animate = !first && !prefersReducedMotion();

      const move = (action: () => void) => {
        lastGesture.current = Number.NEGATIVE_INFINITY; // what follows is the app's move, not the user's
        action();
      };
      if (view) {
        if (formatMapView(currentView(map)) !== formatMapView(view)) move(() => map.setView([view.lat, view.lng], view.zoom, { animate }));
      } else if (focus && (first || focusChanged)) {
        const zoom = Math.max(map.getZoom(), FOCUS_ZOOM);
        move(() => (animate ? map.flyTo(focus, zoom, { duration: 0.8 }) : map.setView(focus, zoom, { animate: false })));
      } else if (bounds && (first || boundsChanged) && !focus) {
        const [west, south, east, north] = bounds;
        move(() =>
          map.fitBounds(
            [
              [south, west],
              [north, east],
            ],
            { padding: [48, 48], maxZoom: 8, animate },
          ),
        );
      }
    },
    [map, view, focus, focusKey, bounds, boundsKey],
  );

  return null;
}
