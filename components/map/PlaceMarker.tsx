"use client";

import type L from "leaflet";
import { useEffect, useMemo, useRef } from "react";
import { Marker, Popup, useMap } from "react-leaflet";
import type { PlaceGroup } from "@/geo/group";
import type { PlaceFeature } from "@/geo/schema";
import { PlacePopup } from "../PlacePopup";
import { useStory } from "../StoryContext";
import { placeIcon } from "./placeIcon";

export interface PlaceMarkerProps {
  place: PlaceFeature;
  group: PlaceGroup | undefined;
  focused: boolean;
  focusedEvent?: string;
  /** Called with the marker once it is on the map, and with null when it leaves. */
  register: (placeId: string, marker: L.Marker | null) => void;
}

/** One place on the map: its marker face and, as React children, its popup. */
export function PlaceMarker({ place, group, focused, focusedEvent, register }: PlaceMarkerProps) {
  const { actorsById } = useStory();
  const markerRef = useRef<L.Marker>(null);
  const actorKey = group?.actors.join(",") ?? "";
  const eventCount = group?.features.length ?? 0;
  const contextOnly = group?.contextOnly ?? false;
  const icon = useMemo(
    () =>
      placeIcon({
        place,
        eventCount,
        actors: actorKey.split(",").flatMap((id) => actorsById.get(id) ?? []),
        contextOnly,
        focused,
      }),
    [place, eventCount, actorKey, contextOnly, focused, actorsById],
  );
  const [lng, lat] = place.geometry.coordinates;
  // A new array each render would make react-leaflet move the marker, which stops a running pan.
  const position = useMemo((): [number, number] => [lat, lng], [lat, lng]);
  // Popups never wider than the map, leaving room for the zoom buttons on a phone.
  const mapWidth = useMap().getSize().x;
  const maxWidth = Math.max(200, Math.min(340, mapWidth - 100));

  useEffect(
    function registerMarker() {
      register(place.id, markerRef.current);
      return () => register(place.id, null);
    },
    [place.id, register],
  );

  return (
    <Marker ref={markerRef} position={position} icon={icon} keyboard riseOnHover>
      <Popup maxWidth={maxWidth} minWidth={Math.min(240, maxWidth)} autoPanPaddingTopLeft={[56, 16]} autoPanPaddingBottomRight={[16, 16]}>
        <PlacePopup place={place} group={group} focusedEvent={focusedEvent} />
      </Popup>
    </Marker>
  );
}
