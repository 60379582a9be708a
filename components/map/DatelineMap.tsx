"use client";

import type { FitBoundsOptions } from "leaflet";
import { useState } from "react";
import { AttributionControl, MapContainer, TileLayer } from "react-leaflet";
import { latLngBox, latLngOf, mapTarget } from "@/geo/map-target";
import type { TileSetting } from "@/geo/tiles";
import type { MapView } from "@/geo/url-state";
import type { StoryView } from "@/geo/view";
import { MapScene } from "./MapScene";
import { EVENT_FIT_OPTIONS, FIT_OPTIONS } from "./ViewController";
import { FOCUS_ZOOM, MAX_ZOOM, MIN_ZOOM } from "./fitFrame";

export interface DatelineMapProps {
  /** What the view shows, from geo/view.ts. */
  view: Pick<
    StoryView,
    | "index"
    | "places"
    | "groupsByPlace"
    | "visible"
    | "focusPlace"
    | "focusEvent"
    | "focusBounds"
    | "outlinedCountries"
    | "outlinedAreas"
    | "coreBounds"
  >;
  /** The map view the URL asks for, if any. */
  mapView?: MapView;
  tiles: TileSetting;
  /** True when the focused place was chosen on the map itself: it is in view, no need to fly. */
  focusOpenedOnMap?: boolean;
  onOpenPlace: (placeId: string) => void;
  onClosePopup: () => void;
  onUserMove: (view: MapView) => void;
  /** Cluster the places where they crowd: for a story of more than CLUSTER_ABOVE places (geo/thresholds.ts). */
  cluster?: boolean;
  /** Inside another page (an embed): no wheel zoom or dragging until the reader clicks, taps or tabs into the map. */
  engageToExplore?: boolean;
  onEngaged?: () => void;
  /**
   * Called once the map's markers are laid out and carry their data-place, with a way to give one
   * of them the keyboard focus: the page's first view then leaves (MapLoader).
   */
  onLive?: (focusMarker: (placeId: string) => void) => void;
}

/** The story's region, when there is nothing to frame (a filter that leaves no event). */
const REGION = { center: [33.5, 40] as [number, number], zoom: 5 };

type OpeningView =
  { center: [number, number]; zoom: number } | { bounds: [[number, number], [number, number]]; boundsOptions: FitBoundsOptions };

/**
 * Where the map opens: where ViewController's first move takes it (mapTarget), so that the first
 * layout of the markers and labels is made at the zoom the reader sees, and that first move finds
 * the map already there.
 */
function openingView({ mapView, view }: Pick<DatelineMapProps, "mapView" | "view">): OpeningView {
  const focus = latLngOf(view.places.find((p) => p.id === view.focusPlace));
  const target = mapTarget({ view: mapView, focus, focusBounds: view.focusBounds, bounds: view.coreBounds });
  if (target.kind === "view") return { center: [target.view.lat, target.view.lng], zoom: target.view.zoom };
  if (target.kind === "focus") return { center: target.point, zoom: FOCUS_ZOOM };
  if (target.kind === "frame") return { bounds: latLngBox(target.bounds), boundsOptions: EVENT_FIT_OPTIONS };
  const box = target.bounds();
  return box ? { bounds: latLngBox(box), boundsOptions: FIT_OPTIONS } : REGION;
}

/** The Leaflet map. MapContainer's props are read once; everything that follows the state is in MapScene. */
export default function DatelineMap({ tiles, ...scene }: DatelineMapProps) {
  // Read once, as MapContainer reads its props.
  const [opening] = useState(() => openingView(scene));
  return (
    <MapContainer
      className="map"
      {...opening}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      worldCopyJump
      attributionControl={false}
      keyboard
      scrollWheelZoom={!scene.engageToExplore}
      dragging={!scene.engageToExplore}
    >
      <AttributionControl prefix={false} />
      {tiles.kind === "tiles" && <TileLayer url={tiles.url} attribution={tiles.attribution} />}
      <MapScene {...scene} />
    </MapContainer>
  );
}
