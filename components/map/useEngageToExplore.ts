"use client";

import type L from "leaflet";
import { useEffect, useRef } from "react";

/**
 * For a map inside another page (an embed): the map starts without the wheel zoom and dragging, so
 * that scrolling the article with the wheel or one finger scrolls past the map instead of moving
 * it. A click or tap on the map, or the keyboard focus reaching it, is the reader engaging with it:
 * then both come on, and `onEngaged` says so (to take down the hint). Pinch zoom and the zoom
 * buttons work throughout.
 */
export function useEngageToExplore(map: L.Map, enabled: boolean, onEngaged?: () => void) {
  const engagedReport = useRef(onEngaged);
  useEffect(() => {
    engagedReport.current = onEngaged;
  });

  useEffect(
    function waitForTheReader() {
      if (!enabled) return;
      map.scrollWheelZoom.disable();
      map.dragging.disable();
      const container = map.getContainer();
      const engage = () => {
        map.scrollWheelZoom.enable();
        map.dragging.enable();
        map.off("click", engage).off("popupopen", engage);
        container.removeEventListener("focusin", engage);
        engagedReport.current?.();
      };
      map.on("click", engage).on("popupopen", engage);
      container.addEventListener("focusin", engage);
      return () => {
        map.off("click", engage).off("popupopen", engage);
        container.removeEventListener("focusin", engage);
      };
    },
    [map, enabled],
  );
}
