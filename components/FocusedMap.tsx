"use client";

import { useMemo, type ReactNode } from "react";
import type { EventFeature } from "@/geo/join";
import type { PlaceFeature } from "@/geo/schema";
import type { TileSetting } from "@/geo/tiles";
import { deriveView } from "@/geo/view";
import { MapLoader } from "./map/MapLoader";

export interface FocusedMapProps {
  places: readonly PlaceFeature[];
  features: readonly EventFeature[];
  focusPlace: string;
  focusEvent?: string;
  tiles: TileSetting;
  /** The map's first view, laid out by the server (components/map/FirstView.tsx). */
  firstView?: ReactNode;
}

const ignore = () => {};

/** The map of a share page: the same map as `/`, focused on one place or event, not tied to the URL. */
export function FocusedMap({ places, features, focusPlace, focusEvent, tiles, firstView }: FocusedMapProps) {
  const view = useMemo(
    () => deriveView({ features, places }, { place: focusPlace, event: focusEvent }),
    [features, places, focusPlace, focusEvent],
  );
  return <MapLoader view={view} tiles={tiles} onOpenPlace={ignore} onClosePopup={ignore} onUserMove={ignore} firstView={firstView} />;
}
