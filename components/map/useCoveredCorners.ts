"use client";

import type L from "leaflet";
import { useLayoutEffect, useState } from "react";
import type { Box } from "@/geo/layout";

/** Leaflet's four control corners, each pinned to its corner of the map. */
const CORNERS = [
  { selector: ".leaflet-top.leaflet-left", right: false, bottom: false },
  { selector: ".leaflet-top.leaflet-right", right: true, bottom: false },
  { selector: ".leaflet-bottom.leaflet-left", right: false, bottom: true },
  { selector: ".leaflet-bottom.leaflet-right", right: true, bottom: true },
] as const;

export interface CornerSize {
  right: boolean;
  bottom: boolean;
  width: number;
  height: number;
}

/** The boxes the corners cover in a view of the map, in the same pixels as the view. */
export function coveredBoxes(corners: readonly CornerSize[], view: Box): Box[] {
  return corners
    .filter(({ width, height }) => width > 0 && height > 0)
    .map(({ right, bottom, width, height }) => {
      const minX = right ? view.maxX - width : view.minX;
      const minY = bottom ? view.maxY - height : view.minY;
      return { minX, minY, maxX: minX + width, maxY: minY + height };
    });
}

/**
 * The size of each of the map's control corners (the zoom buttons, the attribution), as a
 * ResizeObserver reports it: a corner grows when its content does (the attribution's credits
 * arrive with the basemap) and is measured again then, with no timer and no forced layout. Each
 * corner is a block that holds its floated controls and their margins, so its box is what they cover.
 * Undefined until the first report, which comes after the map's first layout and before its first
 * paint, with the controls the map was built with.
 */
export function useCoveredCorners(map: L.Map): readonly CornerSize[] | undefined {
  const [sizes, setSizes] = useState<readonly CornerSize[]>();
  // A layout effect, so that the first measure comes before the first paint of the labels.
  useLayoutEffect(
    function measureCorners() {
      const container = map.getContainer();
      const elements = CORNERS.map((corner) => ({ ...corner, element: container.querySelector(corner.selector) }));
      const current = new Map<Element, CornerSize>();
      const observer = new ResizeObserver((entries) => {
        for (const entry of entries) {
          const corner = elements.find((c) => c.element === entry.target);
          const size = entry.borderBoxSize[0];
          if (!corner || !size) continue;
          current.set(entry.target, { right: corner.right, bottom: corner.bottom, width: size.inlineSize, height: size.blockSize });
        }
        setSizes([...current.values()]);
      });
      for (const { element } of elements) if (element) observer.observe(element);
      return () => observer.disconnect();
    },
    [map],
  );
  return sizes;
}
