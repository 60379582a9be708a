"use client";

import { useEffect, useRef } from "react";
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

/** A place's popup: its name and kind, then each of its events that pass the filters, in date order. */
export function PlacePopup({ place, group, focusedEvent, takeFocus = false, onFocusTaken }: PlacePopupProps) {
  const { name, kind, precision } = place.properties;
  const features = group?.features ?? [];
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
      {features.map((feature) => (
        <EventDetails key={feature.id} feature={feature} focused={feature.properties.eventId === focusedEvent} />
      ))}
    </div>
  );
}
