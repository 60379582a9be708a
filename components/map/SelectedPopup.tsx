"use client";

import type L from "leaflet";
import { useEffect, useMemo, useRef, useState } from "react";
import { Popup } from "react-leaflet";
import type { PlaceGroup } from "@/geo/group";
import type { Point } from "@/geo/layout";
import type { PlaceFeature } from "@/geo/schema";
import { PlacePopup } from "../PlacePopup";
import { FACE_SIZE } from "./faceGeometry";

export interface SelectedPopupProps {
  place: PlaceFeature;
  group: PlaceGroup | undefined;
  focusedEvent?: string;
  /** Where the marker's face is drawn, from its place: the popup points at the face. */
  offset: Point;
  /** The map's width: popups are never wider than the map, leaving room for the zoom buttons. */
  mapWidth: number;
  takeFocus: boolean;
  onFocusTaken: () => void;
  /** The reader closed the popup (its close button, a click on the map, Escape on the map). */
  onClose: (focusWasInside: boolean) => void;
}

function widths(mapWidth: number) {
  const maxWidth = Math.max(200, Math.min(340, mapWidth - 100));
  return { maxWidth, minWidth: Math.min(240, maxWidth) };
}

/**
 * The selected place's popup. It exists exactly while the URL selects a place (and the map is not
 * flying there), so it opens and closes with the state; the reader closing it is reported, and
 * unmounting it (the state moved on) is not, because react-leaflet removes the handlers first.
 */
export function SelectedPopup({ place, group, focusedEvent, offset, mapWidth, takeFocus, onFocusTaken, onClose }: SelectedPopupProps) {
  const popupRef = useRef<L.Popup>(null);
  const [lng, lat] = place.geometry.coordinates;
  const position = useMemo((): [number, number] => [lat, lng], [lat, lng]);
  // Read once by react-leaflet: later changes are applied by the effects below.
  const [initial] = useState(() => ({ ...widths(mapWidth), offset: [offset.x, offset.y - FACE_SIZE / 2] as [number, number] }));

  useEffect(
    function followMapWidthAndFace() {
      const popup = popupRef.current;
      if (!popup) return;
      Object.assign(popup.options, widths(mapWidth), { offset: [offset.x, offset.y - FACE_SIZE / 2] });
      if (!popup.isOpen()) return;
      // update() measures the content laid out on one line, which clamps its scroll to the top
      // part: put the reader back where they were (PlacePopup re-pins the chosen event on a resize).
      const content = popup.getElement()?.querySelector(".leaflet-popup-content");
      const scrollTop = content?.scrollTop ?? 0;
      popup.update();
      if (content) content.scrollTop = scrollTop;
    },
    [mapWidth, offset.x, offset.y],
  );

  const eventHandlers = useMemo<L.LeafletEventHandlerFnMap>(
    () => ({
      remove: (event) => {
        const element = (event.target as L.Popup).getElement();
        onClose(element?.contains(document.activeElement) ?? false);
      },
    }),
    [onClose],
  );

  // react-leaflet calls the popup's update() whenever its children change, and an update clamps the
  // content's scroll (see above): the content is a new element only when what it shows changes.
  const content = useMemo(
    () => <PlacePopup place={place} group={group} focusedEvent={focusedEvent} takeFocus={takeFocus} onFocusTaken={onFocusTaken} />,
    [place, group, focusedEvent, takeFocus, onFocusTaken],
  );

  return (
    <Popup
      ref={popupRef}
      position={position}
      maxWidth={initial.maxWidth}
      minWidth={initial.minWidth}
      offset={initial.offset}
      autoPanPaddingTopLeft={[56, 16]}
      autoPanPaddingBottomRight={[16, 16]}
      eventHandlers={eventHandlers}
    >
      {content}
    </Popup>
  );
}
