"use client";

import { useEffect } from "react";
import { useMap } from "react-leaflet";

/**
 * Tells Leaflet when its container changes size (the timeline wraps, a panel opens, the phone
 * rotates): Leaflet measures the container only on window resize, and a stale size puts
 * centring and popup panning off.
 */
export function useInvalidateOnResize() {
  const map = useMap();
  useEffect(
    function watchContainerSize() {
      const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
      observer.observe(map.getContainer());
      return () => observer.disconnect();
    },
    [map],
  );
}
