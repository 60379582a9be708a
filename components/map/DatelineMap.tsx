"use client";

import type L from "leaflet";
import { useMemo, useState } from "react";
import { AttributionControl, MapContainer, TileLayer } from "react-leaflet";
import type { PlaceGroup } from "@/geo/group";
import type { PlaceFeature } from "@/geo/schema";
import { coreBoundsOf } from "@/geo/spatial";
import type { TileSetting } from "@/geo/tiles";
import type { MapView } from "@/geo/url-state";
import type { EventFeature } from "@/geo/join";
import { Basemap } from "./Basemap";
import { PlaceMarker } from "./PlaceMarker";
import { useInvalidateOnResize } from "./useInvalidateOnResize";
import { useMarkerDodge } from "./useMarkerDodge";
import { usePopupSync } from "./usePopupSync";
import { ViewController } from "./ViewController";

export interface DatelineMapProps {
  places: readonly PlaceFeature[];
  /** The events that pass the filters, one feature per (event, place). */
  features: readonly EventFeature[];
  groups: readonly PlaceGroup[];
  focusPlace?: string;
  focusEvent?: string;
  view?: MapView;
  tiles: TileSetting;
  /** True when the focused place's popup was opened on the map: it is in view, no need to fly. */
  focusOpenedOnMap?: boolean;
  onOpenPlace: (placeId: string) => void;
  onClosePopup: () => void;
  onUserMove: (view: MapView) => void;
}

/** Map behaviours that need the map instance from react-leaflet's context. */
function MapBehaviours({ markers }: { markers: ReadonlyMap<string, L.Marker> }) {
  useMarkerDodge(markers);
  useInvalidateOnResize();
  return null;
}

export default function DatelineMap(props: DatelineMapProps) {
  const { places, features, groups, focusPlace, focusEvent, focusOpenedOnMap, view, tiles, onOpenPlace, onClosePopup, onUserMove } = props;
  // The markers on the map by place id: one mutable registry for the life of the map.
  const [markers] = useState(() => new Map<string, L.Marker>());
  const [map, setMap] = useState<L.Map | null>(null);
  const register = usePopupSync(map, markers, focusPlace, onOpenPlace, onClosePopup);
  const groupsByPlace = useMemo(() => new Map(groups.map((g) => [g.placeId, g])), [groups]);
  const bounds = useMemo(() => coreBoundsOf(features), [features]);
  const boundsKey = useMemo(() => features.map((f) => f.id).join(","), [features]);
  const focusCoordinates = useMemo(() => {
    const place = places.find((p) => p.id === focusPlace);
    return place && ([place.geometry.coordinates[1], place.geometry.coordinates[0]] as [number, number]);
  }, [places, focusPlace]);
  // A place is drawn when some shown event is there, or when the link focuses it.
  const shown = useMemo(() => places.filter((p) => groupsByPlace.has(p.id) || p.id === focusPlace), [places, groupsByPlace, focusPlace]);
  const outlinedKey = shown.flatMap((p) => p.properties.outline?.naturalEarthCountry ?? []).join(",");
  // Keyed by the codes, so the outline layer is rebuilt only when the set changes.
  const outlined = useMemo(() => (outlinedKey ? outlinedKey.split(",") : []), [outlinedKey]);

  return (
    <MapContainer
      ref={setMap}
      className="map"
      center={[33.5, 40]}
      zoom={5}
      minZoom={2}
      maxZoom={18}
      worldCopyJump
      attributionControl={false}
      keyboard
    >
      <AttributionControl prefix={false} />
      <Basemap outlined={outlined} />
      {tiles.kind === "tiles" && <TileLayer url={tiles.url} attribution={tiles.attribution} />}
      {shown.map((place) => (
        <PlaceMarker
          key={place.id}
          place={place}
          group={groupsByPlace.get(place.id)}
          focused={place.id === focusPlace}
          focusedEvent={place.id === focusPlace ? focusEvent : undefined}
          register={register}
        />
      ))}
      <MapBehaviours markers={markers} />
      <ViewController
        view={view}
        focus={focusOpenedOnMap ? undefined : focusCoordinates}
        focusKey={`${focusPlace}|${focusEvent}`}
        bounds={bounds}
        boundsKey={boundsKey}
        onUserMove={onUserMove}
      />
    </MapContainer>
  );
}
