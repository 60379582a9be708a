"use client";

import dynamic from "next/dynamic";
import type { StoryBundle } from "@/geo/story";
import { CLUSTER_ABOVE } from "@/geo/thresholds";
import type { TileSetting } from "@/geo/tiles";
import type { MapView } from "@/geo/url-state";
import type { DatelineMapProps } from "./DatelineMap";

/** Leaflet reads `window` when imported, so the map loads in the browser only. */
const DatelineMap = dynamic(() => import("./DatelineMap"), {
  ssr: false,
  loading: () => (
    <div className="map-loading" role="status">
      Loading the map…
    </div>
  ),
});

// In the browser, ask for the map's code as soon as this module runs, before hydration begins:
// left to `dynamic`, the request went out only when hydration reached the map, after the story
// panel, and the map's download then waited for most of hydration (about 0.4-0.7 s later on the
// 2-core machine). The same module is fetched once; `dynamic` then finds it there, and reports a
// failed fetch through the map's error boundary, so this early request ignores its own failure.
if (typeof document !== "undefined") import("./DatelineMap").catch(() => undefined);

export function MapLoader(props: DatelineMapProps) {
  return <DatelineMap {...props} />;
}

/** What a page's map is drawn from: its story view (useStoryView), in part. */
export interface StoryMapSource {
  bundle: Pick<StoryBundle, "places">;
  view: DatelineMapProps["view"];
  state: { view?: MapView };
  actions: { openPlace: (placeId: string) => void; closePopup: () => void; moveMap: (view: MapView) => void };
}

/** The map's props that every page takes from its story view alike; a page adds its own. */
export function storyMapProps({ bundle, view, state, actions }: StoryMapSource, tiles: TileSetting): DatelineMapProps {
  return {
    view,
    mapView: state.view,
    cluster: bundle.places.length > CLUSTER_ABOVE,
    tiles,
    onOpenPlace: actions.openPlace,
    onClosePopup: actions.closePopup,
    onUserMove: actions.moveMap,
  };
}
