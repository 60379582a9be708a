"use client";

import type { PlaceGroup } from "@/geo/group";
import type { PlaceFeature } from "@/geo/schema";
import { PLACE_KIND_LABELS } from "@/geo/labels";
import { EventDetails } from "./EventDetails";

/** A place's popup: its name and kind, then each of its events that pass the filters, in date order. */
export function PlacePopup({ place, group, focusedEvent }: { place: PlaceFeature; group: PlaceGroup | undefined; focusedEvent?: string }) {
  const { name, kind, precision } = place.properties;
  const features = group?.features ?? [];
  return (
    <div className="place-popup" data-popup-place={place.id}>
      <h2>{name}</h2>
      <p className="place-kind">
        {PLACE_KIND_LABELS[kind]} · {precision === "exact" ? "exact site" : "approximate location"}
      </p>
      {features.length === 0 && <p>No events here match the current filters.</p>}
      {features.map((feature) => (
        <EventDetails key={feature.id} feature={feature} focused={feature.properties.eventId === focusedEvent} />
      ))}
    </div>
  );
}
