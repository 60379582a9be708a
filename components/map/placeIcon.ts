import L from "leaflet";
import { textColorOn } from "@/geo/colors";
import type { Actor, PlaceFeature } from "@/geo/schema";

export interface PlaceIconOptions {
  place: PlaceFeature;
  eventCount: number;
  actors: readonly Actor[];
  contextOnly: boolean;
  focused: boolean;
}

const SIZE = 32;

/**
 * Builds the marker's face with DOM calls and `textContent`, never an HTML string: Leaflet's
 * `divIcon({ html })` would parse a string as HTML.
 */
function markerFace({ place, eventCount, actors, contextOnly, focused }: PlaceIconOptions): HTMLElement {
  const face = document.createElement("div");
  face.className = [
    "place-marker",
    place.properties.precision === "exact" ? "is-exact" : "is-approximate",
    contextOnly ? "is-context" : "",
    focused ? "is-focused" : "",
  ].join(" ");
  face.setAttribute("aria-hidden", "true");
  const count = document.createElement("span");
  count.className = "place-marker-count";
  count.textContent = String(eventCount);
  face.append(count);
  const swatches = document.createElement("span");
  swatches.className = "place-marker-actors";
  for (const actor of actors) {
    const swatch = document.createElement("span");
    swatch.className = "actor-swatch";
    swatch.style.background = actor.color;
    swatch.style.color = textColorOn(actor.color);
    swatch.textContent = actor.abbreviation;
    swatches.append(swatch);
  }
  face.append(swatches);
  return face;
}

/** A DivIcon whose element carries the contract's hooks: `data-place` and an accessible name. */
class PlaceIcon extends L.DivIcon {
  constructor(private readonly details: PlaceIconOptions) {
    super({
      html: markerFace(details),
      className: "place-marker-icon",
      iconSize: [SIZE, SIZE],
      iconAnchor: [SIZE / 2, SIZE / 2],
      popupAnchor: [0, -SIZE / 2],
    });
  }

  override createIcon(oldIcon?: HTMLElement): HTMLElement {
    const element = super.createIcon(oldIcon);
    const { place, eventCount } = this.details;
    element.dataset.place = place.id;
    element.setAttribute("aria-label", place.properties.name);
    element.title = `${place.properties.name}: ${eventCount} event${eventCount === 1 ? "" : "s"}`;
    return element;
  }
}

export function placeIcon(options: PlaceIconOptions): L.DivIcon {
  return new PlaceIcon(options);
}
