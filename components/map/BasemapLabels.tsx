"use client";

import L from "leaflet";
import { useEffect, useMemo } from "react";
import { Pane, useMap } from "react-leaflet";
import type { BasemapLabel } from "@/geo/basemap";
import type { BasemapLabelLayout } from "@/geo/layout";
import { BASEMAP_LABEL_STYLE, basemapLabelId } from "./basemapLabelStyle";
import { textWidth } from "./measureText";

/** The size of a basemap label as drawn, for the layout. */
export function basemapLabelSize(label: BasemapLabel): { width: number; height: number } {
  const style = BASEMAP_LABEL_STYLE[label.kind];
  const text = style.uppercase ? label.name.toUpperCase() : label.name;
  return { width: Math.ceil(textWidth(text, style.font, style.letterSpacing)) + 2, height: style.height };
}

function labelElement(label: BasemapLabel, side: BasemapLabelLayout["side"]): HTMLElement {
  const element = document.createElement("span");
  element.className = `basemap-label is-${label.kind}`;
  element.dataset.side = side;
  if (label.kind !== "country") {
    const dot = document.createElement("span");
    dot.className = "basemap-label-dot";
    element.append(dot);
  }
  const text = document.createElement("span");
  text.className = "basemap-label-text";
  text.textContent = label.name;
  element.append(text);
  return element;
}

export interface BasemapLabelsProps {
  labels: readonly BasemapLabel[];
  /** The labels that fit in the map's view, and where, from the map's layout. */
  placements: readonly BasemapLabelLayout[];
}

/**
 * English names of countries and cities over the basemap, in their own pane above the land and
 * tiles and below the story's markers; they take no pointer events and are hidden from screen
 * readers (the story's places are named by their markers). Names are set with `textContent`.
 */
export function BasemapLabels({ labels, placements }: BasemapLabelsProps) {
  const map = useMap();
  const byId = useMemo(() => new Map(labels.map((l) => [basemapLabelId(l), l])), [labels]);
  // The names are placed again after every move; a pan that leaves them as they were redraws none.
  const key = placements.map(({ id, side }) => `${id}|${side}`).join("\n");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` says when the placements change
  const shown = useMemo(() => placements, [key]);
  useEffect(
    function drawLabels() {
      map.getPane("basemap-labels")?.setAttribute("aria-hidden", "true");
      const group = L.layerGroup();
      for (const { id, side } of shown) {
        const label = byId.get(id);
        if (!label) continue;
        const icon = L.divIcon({ html: labelElement(label, side), className: "basemap-label-anchor", iconSize: [0, 0] });
        group.addLayer(L.marker([label.lat, label.lng], { icon, interactive: false, keyboard: false, pane: "basemap-labels" }));
      }
      group.addTo(map);
      return () => {
        group.remove();
      };
    },
    [map, byId, shown],
  );
  return <Pane name="basemap-labels" style={{ zIndex: 450, pointerEvents: "none" }} />;
}
