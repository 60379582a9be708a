"use client";

import dynamic from "next/dynamic";
import { useCallback, useRef, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from "react";
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

export interface MapLoaderProps extends DatelineMapProps {
  /**
   * The map's first view from the page's HTML (FirstView.tsx): the story's markers and names before
   * any script has run. Drawn over the map until the map's own markers are laid out.
   */
  firstView?: ReactNode;
  /** False once the URL asks for anything but the story as it opens (a filter, a focus, a view). */
  showFirstView?: boolean;
}

const noSubscription = () => () => undefined;

/**
 * True when this component was first drawn from the page's HTML (server rendering and hydration,
 * where React reads the server snapshot), false when a client-side navigation mounted it. The first
 * view's `<style>` is hashed into its own page's policy: inserted by script under another page's
 * policy (a link from the 404 page to `/`), it would be blocked, and the map is about to start anyway.
 */
function useStartedFromHtml(): boolean {
  const hydrating = useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
  const [fromHtml] = useState(hydrating);
  return fromHtml;
}

/** The map, and over it, until it has started, the page's first view of it. */
export function MapLoader({ firstView, showFirstView = true, ...props }: MapLoaderProps) {
  const [live, setLive] = useState(false);
  const fromHtml = useStartedFromHtml();
  const firstViewRef = useRef<HTMLDivElement>(null);
  const handOver = useCallback((focusMarker: (placeId: string) => void) => {
    const element = firstViewRef.current;
    if (element) {
      // In the task in which the map's markers took their data-place: the first view's give theirs
      // up and hide at once, rather than at React's next render, so no id is ever on two elements.
      const focused = element.querySelector<HTMLElement>("[data-place]:focus")?.dataset.place;
      for (const marker of element.querySelectorAll("[data-place]")) marker.removeAttribute("data-place");
      element.hidden = true;
      if (focused) focusMarker(focused);
    }
    setLive(true);
  }, []);
  const { onOpenPlace } = props;
  const openFromFirstView = useCallback(
    (event: MouseEvent) => {
      // A marker there is a link to its place's page; once the page runs, it opens the place here.
      // A click meant for a new tab or window still follows the link.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const placeId = (event.target as Element).closest<HTMLElement>("[data-place]")?.dataset.place;
      if (!placeId) return;
      event.preventDefault();
      onOpenPlace(placeId);
    },
    [onOpenPlace],
  );
  if (firstView === undefined) return <DatelineMap {...props} />;
  return (
    <div className="map-stage">
      <DatelineMap {...props} onLive={handOver} />
      {!live && fromHtml && showFirstView && (
        // Its markers are links, each with its own accessible name; this only catches their clicks.
        <div className="first-view" ref={firstViewRef} onClick={openFromFirstView}>
          {firstView}
        </div>
      )}
    </div>
  );
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
