"use client";

import { useEffect, useRef, useState } from "react";
import type { PlaceGroup } from "@/geo/group";
import type { PlaceFeature } from "@/geo/schema";
import { PLACE_KIND_LABELS } from "@/geo/labels";
import { CopyLinkButton } from "./CopyLinkButton";
import { EventDetails } from "./EventDetails";

export interface PlacePopupProps {
  place: PlaceFeature;
  group: PlaceGroup | undefined;
  focusedEvent?: string;
  /** Whether the keyboard focus should move to the heading once it is drawn (the reader opened it with Enter). */
  takeFocus?: boolean;
  onFocusTaken?: () => void;
}

/** How many events a popup shows at first, and adds at each "Show more": a place in a war's record may hold a hundred. */
export const POPUP_EVENTS_STEP = 20;

/** How many of a place's events its popup draws: the first `limit`, and always as far as the chosen one. */
export function popupEventCount(total: number, chosenIndex: number, limit: number): number {
  return Math.min(total, Math.max(limit, chosenIndex + 1));
}

/**
 * A place's popup: its name and kind, then its events that pass the filters, in date order: the
 * first twenty (and the chosen one), then twenty more at each "Show more", and a link to the
 * place's own page of every event.
 */
export function PlacePopup({ place, group, focusedEvent, takeFocus = false, onFocusTaken }: PlacePopupProps) {
  const { name, kind, precision } = place.properties;
  const features = group?.features ?? [];
  // The limit belongs to the place it was raised for: another place starts again at the first step.
  const [raised, setRaised] = useState({ placeId: place.id, limit: POPUP_EVENTS_STEP });
  const limit = raised.placeId === place.id ? raised.limit : POPUP_EVENTS_STEP;
  const chosenIndex = features.findIndex((feature) => feature.properties.eventId === focusedEvent);
  const shown = features.slice(0, popupEventCount(features.length, chosenIndex, limit));
  const notShown = features.length - shown.length;
  const root = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(
    function focusHeadingWhenAsked() {
      if (!takeFocus || !heading.current) return;
      heading.current.focus({ preventScroll: true });
      onFocusTaken?.();
    },
    [takeFocus, onFocusTaken],
  );
  useEffect(
    function keepFocusedEventInView() {
      const content = root.current?.closest<HTMLElement>(".leaflet-popup-content");
      const focused = root.current?.querySelector<HTMLElement>(".event-details.focused");
      if (!root.current || !content || !focused) return;
      // Scroll the popup's own box only: scrollIntoView would also scroll the map container.
      const pin = () => {
        content.scrollTop += focused.getBoundingClientRect().top - content.getBoundingClientRect().top - 8;
      };
      // Leaflet sizes the popup once its content is in, and again when the map's width or the
      // marker's face moves; each reflows the events above the focused one. A resize is the
      // signal that the scroll must be made again (the observer also reports the first layout).
      const observer = new ResizeObserver(pin);
      observer.observe(root.current);
      observer.observe(content);
      return () => observer.disconnect();
    },
    [focusedEvent],
  );
  return (
    <div className="place-popup" data-popup-place={place.id} ref={root}>
      <h2 tabIndex={-1} data-popup-heading ref={heading}>
        {name}
      </h2>
      <p className="place-kind">
        {PLACE_KIND_LABELS[kind]} · {precision === "exact" ? "exact site" : "approximate location"}
      </p>
      <CopyLinkButton path={`/places/${place.id}`} what={name} title={name} />
      {features.length === 0 && <p>No events here match the current filters.</p>}
      {shown.map((feature) => (
        <EventDetails key={feature.id} feature={feature} focused={feature.properties.eventId === focusedEvent} />
      ))}
      {notShown > 0 && (
        <p className="popup-more">
          <button type="button" className="chip" onClick={() => setRaised({ placeId: place.id, limit: shown.length + POPUP_EVENTS_STEP })}>
            Show {Math.min(notShown, POPUP_EVENTS_STEP)} more
          </button>{" "}
          <span>
            {shown.length} of {features.length} events shown · <a href={`/places/${place.id}`}>every event at {name}</a>
          </span>
        </p>
      )}
    </div>
  );
}
