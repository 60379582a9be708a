"use client";

import { useMemo } from "react";
import { groupByPlace } from "@/geo/group";
import type { EventFeature } from "@/geo/join";
import type { PlaceFeature } from "@/geo/schema";
import type { TileSetting } from "@/geo/tiles";
import { MapLoader } from "./map/MapLoader";

export interface FocusedMapProps {
  places: readonly PlaceFeature[];
  features: readonly EventFeature[];
  focusPlace: string;
  focusEvent?: string;
  tiles: TileSetting;
}

const ignore = () => {};

/** The map of a share page: the same map as `/`, focused on one place or event, not tied to the URL. */
export function FocusedMap({ places, features, focusPlace, focusEvent, tiles }: FocusedMapProps) {
  const groups = useMemo(() => groupByPlace(features), [features]);
  return (
    <MapLoader
      places={places}
      features={features}
      groups={groups}
      focusPlace={focusPlace}
      focusEvent={focusEvent}
      tiles={tiles}
      onOpenPlace={ignore}
      onClosePopup={ignore}
      onUserMove={ignore}
    />
  );
}
