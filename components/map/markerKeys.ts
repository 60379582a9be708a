import type L from "leaflet";

/**
 * Whether a key pressed on a marker chooses it. Leaflet reports keys pressed on a marker as its
 * `keypress`; Enter and Space choose it, as on a button, and must not also scroll the page.
 */
export function choosesMarker(event: L.LeafletEvent): boolean {
  const key = (event as L.LeafletKeyboardEvent).originalEvent;
  if (key.key !== "Enter" && key.key !== " ") return false;
  key.preventDefault();
  return true;
}
