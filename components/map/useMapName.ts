"use client";

import type L from "leaflet";
import { useEffect } from "react";

/**
 * Leaflet makes its container focusable (its keyboard pans and zooms) but gives it no role or
 * name, so a screen reader announces an unnamed group. This names it as a region.
 */
export function useMapName(map: L.Map, name: string): void {
  useEffect(
    function nameTheMap() {
      const container = map.getContainer();
      container.setAttribute("role", "region");
      container.setAttribute("aria-label", name);
    },
    [map, name],
  );
}
