"use client";

import type L from "leaflet";
import { useEffect, useRef } from "react";
import { useMap, useMapEvents } from "react-leaflet";
import type { BBox } from "geojson";
import { formatMapView, type MapView } from "@/geo/url-state";

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

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function currentView(map: L.Map): MapView {
  const centre = map.getCenter();
  return { zoom: map.getZoom(), lat: centre.lat, lng: centre.lng };
}

/**
 * Drives the map from the URL state, since MapContainer's props are read once. Moves it makes
 * itself are told apart from the user's, so only the user's pans and zooms are written back.
 */
export function ViewController({ view, focus, focusKey, bounds, boundsKey, onUserMove }: ViewControllerProps) {
  const map = useMap();
  // True from the start of a move we make until its moveend.
  const programmatic = useRef(false);
  const moveStarted = useRef(false);
  const previous = useRef<{ focusKey?: string; boundsKey?: string } | null>(null);

  useMapEvents({
    movestart() {
      moveStarted.current = true;
    },
    autopanstart() {
      // A popup panning itself into view is not the user moving the map.
      programmatic.current = true;
    },
    moveend() {
      if (programmatic.current) programmatic.current = false;
      else onUserMove(currentView(map));
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
        programmatic.current = true;
        moveStarted.current = false;
        action();
        // Leaflet starts a move synchronously; if it did not, nothing moved and no moveend will come.
        if (!moveStarted.current) programmatic.current = false;
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
