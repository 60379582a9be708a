"use client";

import { useEffect, useRef } from "react";
import { useMap } from "react-leaflet";
import type { BBox } from "geojson";
import type { FitBoundsOptions } from "leaflet";
import { latLngBox, mapTarget } from "@/geo/map-target";
import { formatMapView, type MapView } from "@/geo/url-state";
import { prefersReducedMotion } from "../motion";
import { currentView, type MapMotion } from "./useMapMotion";
import { EVENT_FRAME, FIT_FRAME, FOCUS_ZOOM } from "./fitFrame";

export interface ViewControllerProps {
  /** The view the URL asks for, if any: it wins over everything else. */
  view?: MapView;
  /** The focused place's [lat, lng], if the map should bring it into view. */
  focus?: [number, number];
  /** With a focus, the box around the focused event's places, when it has several: framed instead. */
  focusBounds?: BBox;
  focusKey?: string;
  /** The box around the shown events, fitted while the URL names no view and no focus: asked for only then. */
  bounds: () => BBox | undefined;
  /** Changes when the box should be fitted again (compared by identity). */
  boundsKey: unknown;
  motion: MapMotion;
  /** Called with `focusKey` once the map stands where this state puts it (at once if it needs no move). */
  onSettled: (focusKey: string | undefined) => void;
}

/** How the map frames the shown places (fitFrame.ts), in Leaflet's terms. */
export const FIT_OPTIONS = {
  padding: [FIT_FRAME.padding, FIT_FRAME.padding],
  maxZoom: FIT_FRAME.maxZoom,
} satisfies FitBoundsOptions;

/** How the map frames a focused event's places (fitFrame.ts), in Leaflet's terms. */
export const EVENT_FIT_OPTIONS = {
  padding: [EVENT_FRAME.padding, EVENT_FRAME.padding],
  maxZoom: EVENT_FRAME.maxZoom,
} satisfies FitBoundsOptions;

/**
 * Moves the map to what the URL state asks for, since MapContainer's props are read once: the
 * URL's view, else the focused place, else the shown events (mapTarget). Every move goes through
 * `motion.run`, so it is known as the app's and never written back to the URL.
 */
export function ViewController({ view, focus, focusBounds, focusKey, bounds, boundsKey, motion, onSettled }: ViewControllerProps) {
  const map = useMap();
  const previous = useRef<{ focusKey?: string; boundsKey?: unknown } | null>(null);
  const { run } = motion;

  useEffect(
    function followUrlState() {
      const first = previous.current === null;
      const focusChanged = !first && previous.current?.focusKey !== focusKey;
      const boundsChanged = !first && previous.current?.boundsKey !== boundsKey;
      previous.current = { focusKey, boundsKey };
      const animate = !first && !prefersReducedMotion();
      const settled = () => onSettled(focusKey);
      const target = mapTarget({ view, focus, focusBounds, bounds });

      if (target.kind === "view") {
        const { lat, lng, zoom } = target.view;
        if (formatMapView(currentView(map)) === formatMapView(target.view)) settled();
        else run(() => map.setView([lat, lng], zoom, { animate }), settled);
        return;
      }
      if (target.kind === "focus" || target.kind === "frame") {
        // A focused place or event is flown to when it changes, not again at every filter change.
        if (!first && !focusChanged) {
          settled();
          return;
        }
        if (target.kind === "frame") {
          const box = latLngBox(target.bounds);
          run(
            () =>
              animate
                ? map.flyToBounds(box, { ...EVENT_FIT_OPTIONS, duration: 0.8 })
                : map.fitBounds(box, { ...EVENT_FIT_OPTIONS, animate: false }),
            settled,
          );
          return;
        }
        const zoom = Math.max(map.getZoom(), FOCUS_ZOOM);
        const { point } = target;
        run(() => (animate ? map.flyTo(point, zoom, { duration: 0.8 }) : map.setView(point, zoom, { animate: false })), settled);
        return;
      }
      const box = first || boundsChanged ? target.bounds() : undefined;
      if (box) run(() => map.fitBounds(latLngBox(box), { ...FIT_OPTIONS, animate }), settled);
      else settled();
    },
    [map, view, focus, focusBounds, focusKey, bounds, boundsKey, run, onSettled],
  );

  return null;
}
