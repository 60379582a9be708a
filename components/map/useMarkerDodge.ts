"use client";

import type L from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";
import { dodgeOffsets } from "./dodge";

/** Marker faces are 32 px; leave room for the actor swatches under them. */
const MIN_DISTANCE = 46;
const ANCHOR = 16;

/**
 * Keeps markers from hiding one another: after every zoom and every render, overlapping markers
 * are shifted apart through their margins (Leaflet positions icons with `transform`, and sets
 * the margins from `iconAnchor` only when it builds the icon), and get a leader line to their
 * true position drawn in CSS from `--dx`/`--dy`.
 */
export function useMarkerDodge(markers: ReadonlyMap<string, L.Marker>) {
  const map = useMap();
  useEffect(function dodgeOverlappingMarkers() {
    const layout = () => {
      const entries = [...markers.values()].filter((m) => m.getElement());
      const points = entries.map((m) => map.latLngToLayerPoint(m.getLatLng()));
      const offsets = dodgeOffsets(points, MIN_DISTANCE);
      entries.forEach((marker, i) => {
        const element = marker.getElement();
        const offset = offsets[i];
        if (!element || !offset) return;
        const displaced = Math.hypot(offset.x, offset.y) > 1;
        element.style.marginLeft = `${offset.x - ANCHOR}px`;
        element.style.marginTop = `${offset.y - ANCHOR}px`;
        element.classList.toggle("is-displaced", displaced);
        element.style.setProperty("--dx", `${offset.x}px`);
        element.style.setProperty("--dy", `${offset.y}px`);
        element.style.setProperty("--leader-length", `${Math.hypot(offset.x, offset.y)}px`);
        element.style.setProperty("--leader-angle", `${Math.atan2(offset.y, offset.x)}rad`);
      });
    };
    layout();
    map.on("zoomend viewreset layeradd", layout);
    return () => {
      map.off("zoomend viewreset layeradd", layout);
    };
  });
}
