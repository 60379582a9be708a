"use client";

import { useEffect } from "react";
import { useMap } from "react-leaflet";
import type { MapMotion } from "./useMapMotion";

/**
 * Tells Leaflet when its container changes size (the timeline folds, a panel opens, the phone
 * rotates): Leaflet measures the container only on window resize, and a stale size puts
 * centring and popup panning off. The re-measure is the app's, not a move of the reader's.
 */
export function useInvalidateOnResize({ runQuietly }: Pick<MapMotion, "runQuietly">) {
  const map = useMap();
  useEffect(
    function watchContainerSize() {
      const observer = new ResizeObserver(() => runQuietly(() => map.invalidateSize({ pan: false })));
      observer.observe(map.getContainer());
      return () => observer.disconnect();
    },
    [map, runQuietly],
  );
}
