import { describe, expect, it, vi } from "vitest";
import { latLngBox, latLngOf, mapTarget } from "@/geo/map-target";
import { deriveView } from "@/geo/view";
import { joinedFeatures, readInput } from "./fixtures";

const input = readInput("levant");
const bundle = { features: joinedFeatures(input), places: input.places };

describe("mapTarget", () => {
  const view = { zoom: 7, lat: 35.41, lng: 35.95 };
  const box = () => [35, 33, 37, 36] as [number, number, number, number];

  it("takes the URL's view over a focused place and the shown events", () => {
    expect(mapTarget({ view, focus: [33.5, 36.3], bounds: box })).toEqual({ kind: "view", view });
  });

  it("takes the focused place over the shown events", () => {
    expect(mapTarget({ focus: [33.5, 36.3], bounds: box })).toEqual({ kind: "focus", point: [33.5, 36.3] });
  });

  it("frames a focused event's places when it has several, with its popup's place as the point", () => {
    const eventBox = [42.44, 33.79, 43.96, 36.24] as [number, number, number, number];
    expect(mapTarget({ focus: [33.79, 42.44], focusBounds: eventBox, bounds: box })).toEqual({
      kind: "frame",
      point: [33.79, 42.44],
      bounds: eventBox,
    });
    // The URL's view still wins, and a box without a focus is no focus.
    expect(mapTarget({ view, focus: [33.79, 42.44], focusBounds: eventBox, bounds: box }).kind).toBe("view");
    expect(mapTarget({ focusBounds: eventBox, bounds: box }).kind).toBe("fit");
  });

  it("frames the event a story's URL names at both bases where Iran's missiles fell", () => {
    const story = deriveView(bundle, { event: "iran-missiles-iraq-bases" });
    const focus = latLngOf(story.places.find((p) => p.id === story.focusPlace));
    expect(story.focusPlace).toBe("ain-al-asad");
    expect(mapTarget({ focus, focusBounds: story.focusBounds, bounds: story.coreBounds })).toEqual({
      kind: "frame",
      point: [33.7861, 42.4411],
      bounds: [42.4411, 33.7861, 43.9631, 36.2375],
    });
  });

  it("frames the shown events when the URL names neither, without computing the box until asked", () => {
    const bounds = vi.fn(box);
    const target = mapTarget({ bounds });
    expect(target.kind).toBe("fit");
    expect(bounds).not.toHaveBeenCalled();
    expect(target.kind === "fit" && target.bounds()).toEqual([35, 33, 37, 36]);
  });

  it("focuses the place a story's URL names, at its coordinates as Leaflet takes them", () => {
    const story = deriveView(bundle, { place: "khmeimim" });
    const focus = latLngOf(story.places.find((p) => p.id === story.focusPlace));
    const [lng, lat] = input.places.find((p) => p.id === "khmeimim")!.geometry.coordinates;
    expect(focus).toEqual([lat, lng]);
    expect(mapTarget({ focus, bounds: story.coreBounds })).toEqual({ kind: "focus", point: [lat, lng] });
  });

  it("has no point for no place", () => {
    expect(latLngOf(undefined)).toBeUndefined();
  });

  it("turns a [west, south, east, north] box into Leaflet's corners", () => {
    expect(latLngBox([35, 33, 37, 36])).toEqual([
      [33, 35],
      [36, 37],
    ]);
  });
});
