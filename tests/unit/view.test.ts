import { describe, expect, it } from "vitest";
import { indexEvents } from "@/geo/event-index";
import { filterEvents } from "@/geo/filter";
import { groupByPlace } from "@/geo/group";
import { compareChronologically } from "@/geo/join";
import { coreBoundsOf } from "@/geo/spatial";
import { CLUSTER_ABOVE } from "@/geo/thresholds";
import { countEventsByActor, deriveView, eventBounds, framedEvents, listEvents } from "@/geo/view";
import { joinedFeatures, readInput } from "./fixtures";

const input = readInput("levant");
const bundle = { features: joinedFeatures(input), places: input.places };
const allEventIds = [...new Set(bundle.features.map((f) => f.properties.eventId))];

describe("deriveView", () => {
  it("shows everything, in date order, when the state asks for nothing", () => {
    const view = deriveView(bundle, {});
    expect(view.visible.map((f) => f.id)).toEqual([...bundle.features].sort(compareChronologically).map((f) => f.id));
    expect(view.counts).toEqual({ shown: allEventIds.length, total: allEventIds.length });
    expect(view.events.map((e) => e.eventId).sort()).toEqual([...allEventIds].sort());
    expect(view.focusPlace).toBeUndefined();
  });

  it("agrees with filterEvents and groupByPlace, the pieces it is made of, for every actor", () => {
    const actors = [...new Set(bundle.features.flatMap((f) => f.properties.actors))];
    for (const actor of actors) {
      const view = deriveView(bundle, { actors: [actor] });
      const expected = filterEvents(bundle.features, { actors: [actor] }).sort(compareChronologically);
      expect(view.visible).toEqual(expected);
      expect(view.groups).toEqual(groupByPlace(expected));
      expect(view.counts.shown).toBe(new Set(expected.map((f) => f.properties.eventId)).size);
      expect([...view.shownEventIds].sort()).toEqual([...new Set(expected.map((f) => f.properties.eventId))].sort());
      expect(view.places.map((p) => p.id).sort()).toEqual([...new Set(expected.map((f) => f.properties.placeId))].sort());
      expect(view.coreBounds()).toEqual(coreBoundsOf(expected));
      // The timeline counts on the story's index, built once for its features.
      expect(view.index).toBe(indexEvents(bundle.features));
    }
  });

  it("keeps the total and the actor counts whatever the filters", () => {
    const all = deriveView(bundle, {});
    const narrow = deriveView(bundle, { from: "2020-01-08", to: "2020-01-08" });
    expect(narrow.counts.total).toBe(all.counts.total);
    expect(narrow.actorCounts).toEqual(all.actorCounts);
  });

  it("draws a focused place even when the filters hide its events, and finds an event's place", () => {
    const event = bundle.features[0]!;
    const hidden = deriveView(bundle, { place: event.properties.placeId, from: "1900-01-01", to: "1900-01-01" });
    expect(hidden.counts.shown).toBe(0);
    expect(hidden.places.map((p) => p.id)).toEqual([event.properties.placeId]);
    expect(hidden.coreBounds()).toBeUndefined();
    const byEvent = deriveView(bundle, { event: event.properties.eventId });
    expect(byEvent.focusPlace).toBe(event.properties.placeId);
    expect(byEvent.focusEvent).toBe(event.properties.eventId);
  });

  it("is empty for an empty story", () => {
    const view = deriveView({ features: [], places: [] }, {});
    expect(view).toMatchObject({ visible: [], groups: [], places: [], events: [], counts: { shown: 0, total: 0 } });
  });

  it("reuses what a filter shows when only the focus or the map view changes, and for a filter seen lately", () => {
    const actor = bundle.features[0]!.properties.actors[0]!;
    const first = deriveView(bundle, { actors: [actor] });
    const panned = deriveView(bundle, { actors: [actor], view: { zoom: 5, lat: 34, lng: 36 } });
    expect(panned.visible).toBe(first.visible);
    expect(panned.groupsByPlace).toBe(first.groupsByPlace);
    expect(panned.places).toBe(first.places);
    expect(panned.coreBounds).toBe(first.coreBounds);
    const all = deriveView(bundle, {});
    expect(all.visible).not.toBe(first.visible);
    expect(deriveView(bundle, { actors: [actor] }).visible).toBe(first.visible);
    // Another story with the same events (the studio's next draft) is worked out afresh.
    const copy = { features: [...bundle.features], places: bundle.places };
    expect(deriveView(copy, { actors: [actor] }).visible).not.toBe(first.visible);
    expect(deriveView(copy, { actors: [actor] }).visible).toEqual(first.visible);
  });

  it("works out the bounds once, and only when asked", () => {
    const view = deriveView(bundle, { from: "2020-01-07" });
    expect(view.coreBounds()).toBe(view.coreBounds());
    expect(view.coreBounds()).toEqual(coreBoundsOf(view.visible));
  });

  it("does not touch its input", () => {
    const copy = structuredClone(bundle);
    deriveView(bundle, { actors: ["iran"] });
    expect(bundle).toEqual(copy);
  });
});

describe("listEvents and countEventsByActor", () => {
  it("list an event at two places once, and count it once per actor", () => {
    const twice = bundle.features.find((f) => bundle.features.some((g) => g !== f && g.properties.eventId === f.properties.eventId));
    expect(twice, "the levant fixture has an event at two places").toBeDefined();
    const features = bundle.features.filter((f) => f.properties.eventId === twice!.properties.eventId);
    expect(listEvents(features)).toEqual([{ eventId: twice!.properties.eventId, features }]);
    expect([...countEventsByActor(features).values()].every((n) => n === 1)).toBe(true);
  });
});

describe("framedEvents: what the map frames when it opens", () => {
  // The levant story's own events, and a crowd from outside the article far to the west (in
  // Libya, over 2,000 km away, so that coreBoundsOf would not leave it out on its own): sixty
  // places of context, more than CLUSTER_ABOVE in all, as an import of a conflict dataset makes.
  const template = bundle.features[0]!;
  const fromDataset = {
    kind: "context" as const,
    citation: { title: "A dataset", publisher: "A publisher", url: "https://example.org/" },
  };
  const crowdPlaces = Array.from({ length: CLUSTER_ABOVE + 10 }, (_, i) => ({
    ...input.places[0]!,
    id: `crowd-${i}`,
    geometry: { type: "Point" as const, coordinates: [13 + (i % 10) * 0.3, 32 + Math.floor(i / 10) * 0.2] as [number, number] },
  }));
  const crowd = crowdPlaces.flatMap((place, i) =>
    Array.from({ length: 5 }, (_, j) => ({
      ...template,
      id: `crowd-${i}-${j}`,
      geometry: place.geometry,
      properties: {
        ...template.properties,
        eventId: `crowd-event-${i}-${j}`,
        placeId: place.id,
        // An event of the context layer: it and its place come from outside the article.
        provenance: fromDataset,
        placeProvenance: fromDataset,
      },
    })),
  );
  const large = { features: [...bundle.features, ...crowd], places: [...input.places, ...crowdPlaces] };
  const own = bundle.features.filter((f) => f.properties.provenance.kind !== "context");

  it("frames the article's own events in a story of many places, not the crowd around them", () => {
    expect(large.places.length).toBeGreaterThan(CLUSTER_ABOVE);
    expect(own.length).toBeGreaterThan(0);
    expect(framedEvents(large.features, large.places.length)).toEqual(own);
    // The article's event at Erbil is its own, though the article does not name the place.
    const erbil = own.find((f) => f.properties.placeId === "erbil");
    expect(erbil?.properties.placeProvenance.kind).toBe("context");
    expect(deriveView(large, {}).coreBounds()).toEqual(coreBoundsOf(own));
    // The crowd is far enough away that framing everything takes it in.
    expect(coreBoundsOf(large.features)![0]).toBeLessThan(20);
  });

  it("frames everything shown in a story of few places, or when a filter leaves none of the article's own", () => {
    expect(framedEvents(large.features, CLUSTER_ABOVE)).toBe(large.features);
    expect(framedEvents(crowd, large.places.length)).toBe(crowd);
    expect(deriveView(bundle, {}).coreBounds()).toEqual(coreBoundsOf(bundle.features));
  });
});

describe("focusBounds: the box the map frames for a focused event", () => {
  it("is the box around the event's places, when it has several", () => {
    expect(deriveView(bundle, { event: "iran-missiles-iraq-bases" }).focusBounds).toEqual([42.4411, 33.7861, 43.9631, 36.2375]);
    // Washington and Tehran: the whole event, however far apart its places are.
    expect(deriveView(bundle, { event: "attack-called-first-retaliation" }).focusBounds).toEqual([-77.03637, 35.69439, 51.42151, 38.89511]);
  });

  it("is undefined for a place, for an event at one place, and with no focus", () => {
    expect(deriveView(bundle, { place: "erbil" }).focusBounds).toBeUndefined();
    expect(deriveView(bundle, { event: "putin-assad-talks-damascus" }).focusBounds).toBeUndefined();
    expect(deriveView(bundle, {}).focusBounds).toBeUndefined();
  });

  it("leaves out the event's places the map does not draw", () => {
    const erbilOnly = bundle.places.filter((p) => p.id !== "ain-al-asad");
    expect(eventBounds(bundle.features, erbilOnly, "iran-missiles-iraq-bases")).toBeUndefined();
    expect(eventBounds(bundle.features, bundle.places, "no-such-event")).toBeUndefined();
  });
});
