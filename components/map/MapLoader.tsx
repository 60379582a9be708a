"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from "react";
import type { StoryBundle } from "@/geo/story";
import { CLUSTER_ABOVE } from "@/geo/thresholds";
import type { TileSetting } from "@/geo/tiles";
import { asksForView, type MapView } from "@/geo/url-state";
import { isPlainClick } from "../plainClick";
import { loadBasemap } from "./basemapData";
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

// Where the page opens on a link that asks for a view, the map is wanted at once: ask for its code
// as soon as this module runs, before hydration begins. Left to `dynamic`, the request went out
// only when hydration reached the map, after the story panel, and the map's download then waited
// for most of hydration (about 0.4-0.7 s later on the 2-core machine). Otherwise (a bare link, or
// an embed whose address holds only Pym's `childId`) the page opens on its first view, and the
// map's code waits for the reader (MapLoader). The module is fetched once; `dynamic` then finds it
// there, and reports a failed fetch through the map's error boundary, so this early request
// ignores its own failure.
if (typeof location !== "undefined" && asksForView(location.search)) import("./DatelineMap").catch(() => undefined);

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

/**
 * The map, and over it, until it has started, the page's first view of it.
 *
 * Where the page opens on its first view, Leaflet and the map's code (about 60 KiB gzip, and on a
 * phone a few hundred milliseconds of a blocked main thread) load only when the reader reaches for
 * the map: a pointer over it or pressing on it, a wheel, the keyboard focus, or the URL leaving the
 * story as it opens (a filter, a selection from the list). A reader who only reads gets a page that
 * answers at once, and the first view already shows every marker and name where the map draws them.
 */
export function MapLoader({ firstView, showFirstView = true, ...props }: MapLoaderProps) {
  const [live, setLive] = useState(false);
  const fromHtml = useStartedFromHtml();
  const [reached, setReached] = useState(false);
  const [started, setStarted] = useState(false);
  if (!started && (reached || firstView === undefined || !fromHtml || !showFirstView)) setStarted(true);
  useEffect(
    function askForTheBasemapWithTheMap() {
      // The map takes over from the first view once its basemap is here (MapScene): ask for it now,
      // while the map's code downloads, not once that code has run. The map reports a failure.
      if (started) loadBasemap().catch(() => undefined);
    },
    [started],
  );
  const reach = useCallback(() => setReached(true), []);
  // A press, a wheel or the focus asks for the map now, and is told it is coming; a pointer passing
  // over the map only fetches it, without a status blinking at every desktop reader. A pointer that
  // was already over the map when React began listening gets no enter event, only moves.
  const [asked, setAsked] = useState(false);
  const ask = useCallback(() => {
    setReached(true);
    setAsked(true);
  }, []);
  // A first view the reader has reached for stays, with a status, until the map takes over, even if
  // the URL has moved on meanwhile (the click on a marker that started the map): blank sea would
  // read as a broken map. A link that opens on a query never shows it.
  const showingFirstView = !live && fromHtml && (showFirstView || reached);
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
      if (!isPlainClick(event)) return;
      const placeId = (event.target as Element).closest<HTMLElement>("[data-place]")?.dataset.place;
      if (!placeId) return;
      event.preventDefault();
      // The reader wants the map: a share page's map opens nothing (its view is fixed), and a click
      // held while the page started (components/startOnIntent.ts) came without its press.
      ask();
      onOpenPlace(placeId);
    },
    [ask, onOpenPlace],
  );
  if (firstView === undefined) return <DatelineMap {...props} />;
  return (
    <div className="map-stage">
      {started && <DatelineMap {...props} onLive={handOver} />}
      {showingFirstView && (
        // Its markers are links, each with its own accessible name; this only catches their clicks,
        // and the first sign that the reader wants the map.
        <div
          className="first-view"
          ref={firstViewRef}
          onClick={openFromFirstView}
          onPointerEnter={reach}
          onPointerMove={reach}
          onPointerDown={ask}
          onWheel={ask}
          onFocus={ask}
          aria-busy={started}
        >
          {firstView}
          {asked && (
            <p className="first-view-status" role="status">
              Loading the map…
            </p>
          )}
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
