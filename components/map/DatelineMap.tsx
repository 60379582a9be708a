"use client";

import { AttributionControl, MapContainer, TileLayer } from "react-leaflet";
import type { TileSetting } from "@/geo/tiles";
import type { MapView } from "@/geo/url-state";
import type { StoryView } from "@/geo/view";
import { MapScene } from "./MapScene";

export interface DatelineMapProps {
  /** What the view shows, from geo/view.ts. */
  view: Pick<
    StoryView,
    "index" | "places" | "groupsByPlace" | "visible" | "focusPlace" | "focusEvent" | "outlinedCountries" | "outlinedAreas" | "coreBounds"
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
}

/** The Leaflet map. MapContainer's props are read once; everything that follows the state is in MapScene. */
export default function DatelineMap({ tiles, ...scene }: DatelineMapProps) {
  return (
    <MapContainer
      className="map"
      center={[33.5, 40]}
      zoom={5}
      minZoom={2}
      maxZoom={18}
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
