import type L from "leaflet";
import { describe, expect, it, vi } from "vitest";
import { choosesMarker } from "@/components/map/markerKeys";

/** A marker's `keypress` as Leaflet reports it, around the browser's own key event. */
function keypress(key: string) {
  const originalEvent = { key, preventDefault: vi.fn() };
  return { event: { originalEvent } as unknown as L.LeafletEvent, originalEvent };
}

describe("choosesMarker", () => {
  it.each(["Enter", " "])("%j chooses the marker, as on a button, and does not scroll the page", (key) => {
    const { event, originalEvent } = keypress(key);
    expect(choosesMarker(event)).toBe(true);
    expect(originalEvent.preventDefault).toHaveBeenCalledOnce();
  });

  it.each(["Tab", "a", "Escape", "ArrowDown"])("%j leaves the marker and the key's own action alone", (key) => {
    const { event, originalEvent } = keypress(key);
    expect(choosesMarker(event)).toBe(false);
    expect(originalEvent.preventDefault).not.toHaveBeenCalled();
  });
});
