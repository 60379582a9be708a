"use client";

import type L from "leaflet";
import { useCallback, useEffect, useRef } from "react";

/**
 * Keeps Leaflet's popups and the URL state in step, and makes popups work from the keyboard:
 * - the focused place's popup opens (after any fly-to ends, so autopan does not cut it short);
 * - a popup the user opens or closes is reported, to be written to the URL;
 * - a popup opened from its marker takes focus, Escape closes it, and focus goes back to the marker.
 * Returns `register`, which each marker calls with itself when it joins or leaves the map.
 */
export function usePopupSync(
  map: L.Map | null,
  markers: Map<string, L.Marker>,
  focusPlace: string | undefined,
  onOpenPlace: (id: string) => void,
  onClosePopup: () => void,
) {
  const focusRef = useRef(focusPlace);
  const openPlace = useRef<string | undefined>(undefined);
  const openedFromMarker = useRef<string | undefined>(undefined);
  const moving = useRef(false);
  // When a popup was last closed: a focused popup waiting for the map to stop must not reopen
  // after the reader has closed it.
  const lastClosed = useRef(0);
  const callbacks = useRef({ onOpenPlace, onClosePopup });
  useEffect(() => {
    focusRef.current = focusPlace;
    callbacks.current = { onOpenPlace, onClosePopup };
  });

  // Our own handlers per marker, so that re-registering removes exactly these and never
  // Leaflet's (`off("click")` without a handler would unbind the popup itself).
  const handlers = useRef(new Map<string, { marker: L.Marker; on: L.LeafletEventHandlerFnMap }>());

  const register = useCallback(
    (placeId: string, marker: L.Marker | null) => {
      const previous = handlers.current.get(placeId);
      if (previous) previous.marker.off(previous.on);
      handlers.current.delete(placeId);
      if (!marker) return void markers.delete(placeId);
      markers.set(placeId, marker);
      const on: L.LeafletEventHandlerFnMap = {
        click: () => (openedFromMarker.current = placeId),
        keypress: () => (openedFromMarker.current = placeId),
        popupopen: (event) => {
          openPlace.current = placeId;
          // Leaflet's own handler opens the popup before ours records the key press: the focus tells.
          if (openedFromMarker.current === placeId || document.activeElement === marker.getElement()) {
            openedFromMarker.current = placeId;
            const popup = (event as L.PopupEvent).popup;
            // React renders the popup's content on open: focus its heading once it is there.
            setTimeout(() => popup.getElement()?.querySelector<HTMLElement>("[data-popup-heading]")?.focus({ preventScroll: true }), 0);
          }
          if (focusRef.current !== placeId) callbacks.current.onOpenPlace(placeId);
        },
        popupclose: (event) => {
          if (openPlace.current === placeId) openPlace.current = undefined;
          lastClosed.current = performance.now();
          const focusWasInside = (event as L.PopupEvent).popup.getElement()?.contains(document.activeElement) ?? false;
          // After React has re-rendered the marker's face for the new state.
          if (focusWasInside || openedFromMarker.current === placeId)
            setTimeout(() => marker.getElement()?.focus({ preventScroll: true }), 0);
          openedFromMarker.current = undefined;
          // Opening another popup closes this one first: wait a tick to see whether one is open.
          setTimeout(() => {
            if (openPlace.current === undefined && focusRef.current === placeId) callbacks.current.onClosePopup();
          }, 0);
        },
      };
      marker.on(on);
      handlers.current.set(placeId, { marker, on });
      // The map renders its markers only after it exists, so the focused one may arrive late.
      if (focusRef.current === placeId) setTimeout(() => marker.openPopup(), 0);
    },
    [markers],
  );

  useEffect(
    function trackMotionAndEscape() {
      if (!map) return;
      const start = () => (moving.current = true);
      const end = () => (moving.current = false);
      // Leaflet closes a popup on Escape only while the map itself has focus; this covers focus on
      // a marker or inside the popup.
      const escape = (event: KeyboardEvent) => {
        if (event.key !== "Escape" || openPlace.current === undefined) return;
        markers.get(openPlace.current)?.closePopup();
      };
      map.on("movestart", start).on("moveend", end);
      document.addEventListener("keydown", escape);
      return () => {
        map.off("movestart", start).off("moveend", end);
        document.removeEventListener("keydown", escape);
      };
    },
    [map, markers],
  );

  useEffect(
    function openFocusedPopup() {
      if (!map) return;
      if (focusPlace === undefined) {
        if (openPlace.current !== undefined) markers.get(openPlace.current)?.closePopup();
        return;
      }
      const since = performance.now();
      const open = () => {
        if (lastClosed.current > since) return;
        const marker = markers.get(focusPlace);
        if (marker && !marker.isPopupOpen() && focusRef.current === focusPlace) marker.openPopup();
      };
      // Open after the move, and outside Leaflet's moveend dispatch: opening a popup there
      // closes another mid-call and crashes Leaflet's autopan.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const openSoon = () => (timer = setTimeout(open, 0));
      if (moving.current) map.once("moveend", openSoon);
      else open();
      return () => {
        map.off("moveend", openSoon);
        clearTimeout(timer);
      };
    },
    [map, markers, focusPlace],
  );
  return register;
}
