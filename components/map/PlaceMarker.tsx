"use client";

import type L from "leaflet";
import { useEffect, useMemo, useRef } from "react";
import { Marker } from "react-leaflet";
import type { PlaceGroup } from "@/geo/group";
import type { PlaceFeature } from "@/geo/schema";
import { useStory } from "../StoryContext";
import { choosesMarker } from "./markerKeys";
import { applyLayout, placeIcon, renderFace } from "./placeIcon";
import type { MarkerLayout } from "./useMapLayout";

export interface PlaceMarkerProps {
  place: PlaceFeature;
  group: PlaceGroup | undefined;
  selected: boolean;
  layout: MarkerLayout | undefined;
  /** True once the map can take over from the first view: its labels are placed and its basemap is here (MapScene). */
  laidOut: boolean;
  /** True once when the keyboard focus should come (back) to this marker. */
  takeFocus: boolean;
  onFocusTaken: () => void;
  /** The reader chose this marker: with the mouse or touch, or with Enter (`viaKeyboard`). */
  onSelect: (placeId: string, viaKeyboard: boolean) => void;
  /** The marker took the keyboard focus: the map may need to bring it into view. */
  onFocus: (placeId: string) => void;
}

/**
 * One place on the map. Its element is built once and filled from the props, so what it shows
 * (count, actor marks, label, selection) always follows the state; what the reader does with it is
 * reported through react-leaflet's event handlers. Its popup is the map's, not its own: see
 * SelectedPopup. It carries `data-place` once the map's first layout is done (see MapScene's hand-over).
 */
export function PlaceMarker({ place, group, selected, layout, laidOut, takeFocus, onFocusTaken, onSelect, onFocus }: PlaceMarkerProps) {
  const { actorsById } = useStory();
  const markerRef = useRef<L.Marker>(null);
  const icon = useMemo(() => placeIcon(), []);
  const [lng, lat] = place.geometry.coordinates;
  // A new array each render would make react-leaflet move the marker, which stops a running pan.
  const position = useMemo((): [number, number] => [lat, lng], [lat, lng]);
  const eventCount = group?.features.length ?? 0;
  const actorKey = group?.actors.join(",") ?? "";
  const contextOnly = group?.contextOnly ?? false;

  useEffect(
    function showContent() {
      const element = markerRef.current?.getElement();
      if (!element) return;
      const actors = actorKey ? actorKey.split(",").flatMap((id) => actorsById.get(id) ?? []) : [];
      renderFace(element, { place, eventCount, actors, contextOnly });
    },
    [place, eventCount, actorKey, contextOnly, actorsById],
  );

  useEffect(
    function showLayout() {
      const element = markerRef.current?.getElement();
      if (element && layout) applyLayout(element, layout.offset, layout.label);
    },
    [layout, eventCount, actorKey],
  );

  useEffect(
    function answerOnceLaidOut() {
      // The marker takes its place's data-place once it is drawn with its label: until then the
      // page's first view (FirstView.tsx) may hold that id, and no id is ever on two elements.
      const element = markerRef.current?.getElement();
      if (element && laidOut) element.dataset.place = place.id;
    },
    [laidOut, place.id],
  );

  useEffect(
    function showSelection() {
      markerRef.current?.getElement()?.classList.toggle("is-selected", selected);
    },
    [selected],
  );

  useEffect(
    function focusWhenAsked() {
      if (!takeFocus) return;
      markerRef.current?.getElement()?.focus({ preventScroll: true });
      onFocusTaken();
    },
    [takeFocus, onFocusTaken],
  );

  const eventHandlers = useMemo<L.LeafletEventHandlerFnMap>(
    () => ({
      click: () => onSelect(place.id, false),
      keypress: (event) => {
        if (choosesMarker(event)) onSelect(place.id, true);
      },
    }),
    [onSelect, place.id],
  );

  useEffect(
    function reportFocus() {
      const element = markerRef.current?.getElement();
      if (!element) return;
      const focused = () => onFocus(place.id);
      element.addEventListener("focus", focused);
      return () => element.removeEventListener("focus", focused);
    },
    [onFocus, place.id],
  );

  return (
    <Marker
      ref={markerRef}
      position={position}
      icon={icon}
      keyboard
      // The map brings a focused marker into view itself, as its own move (see DatelineMap).
      autoPanOnFocus={false}
      riseOnHover
      zIndexOffset={selected ? 1000 : 0}
      eventHandlers={eventHandlers}
    />
  );
}
