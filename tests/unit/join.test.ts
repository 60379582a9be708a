import { describe, expect, it } from "vitest";
import { compareChronologically, eventFeatureId, joinEvents, type EventFeature, type JoinableEvent } from "@/geo/join";
import { expectFixture, inputNames, readInput } from "./fixtures";

describe.each(inputNames())("joinEvents on fixture %s", (name) => {
  it("matches out/join-" + name + ".geojson", () => {
    const { places, events } = readInput(name);
    expectFixture(`join-${name}`, joinEvents(events, places));
  });
});

const levant = readInput("levant");
const zero = readInput("zero");

function event(id: string, input = levant): JoinableEvent {
  const found = input.events.find((e) => e.id === id);
  if (!found) throw new Error(`no event "${id}" in the fixture`);
  return found;
}

describe("joinEvents", () => {
  it("returns an empty FeatureCollection for no events or no places", () => {
    expect(joinEvents([], levant.places)).toEqual({ type: "FeatureCollection", features: [] });
    expect(joinEvents(levant.events, [])).toEqual({ type: "FeatureCollection", features: [] });
  });

  it("makes one feature per place of an event, in the event's order, each with that place's geometry", () => {
    const { features } = joinEvents([event("putin-visit-khmeimim-2017")], levant.places);
    expect(features.map((f) => f.id)).toEqual(["putin-visit-khmeimim-2017@khmeimim", "putin-visit-khmeimim-2017@latakia"]);
    expect(features.map((f) => f.properties.placeId)).toEqual(["khmeimim", "latakia"]);
    const khmeimim = levant.places.find((p) => p.id === "khmeimim");
    expect(features[0]?.geometry.coordinates).toEqual(khmeimim?.geometry.coordinates);
  });

  it("carries the contract's properties: eventId, placeId, title, date, actors and quote", () => {
    const [feature] = joinEvents([event("iran-missiles-iraq-bases")], levant.places).features;
    expect(feature?.properties).toMatchObject({
      eventId: "iran-missiles-iraq-bases",
      placeId: "ain-al-asad",
      date: "2020-01-08",
      actors: ["iran", "usa"],
      quote: event("iran-missiles-iraq-bases").quote!.text,
    });
    expect(feature?.properties.title.length).toBeGreaterThan(0);
  });

  it("turns the date into its first and last day and its precision", () => {
    const byEvent = (id: string) => joinEvents([event(id)], levant.places).features[0]?.properties;
    expect(byEvent("putin-visit-khmeimim-2017")).toMatchObject({ start: "2017-01-01", end: "2017-12-31", precision: "year" });
    expect(byEvent("rebels-reach-damascus")).toMatchObject({ start: "2012-07-01", end: "2012-07-31", precision: "month" });
    expect(byEvent("syria-war-toll")).toMatchObject({ start: "2011-01-01", end: "2020-01-08", precision: "interval" });
  });

  it("keeps the place link's provenance, and uses the event's provenance when the date has none", () => {
    const [feature] = joinEvents([event("iran-missiles-iraq-bases")], levant.places).features;
    expect(feature?.properties.placeProvenance.kind).toBe("context");
    expect(feature?.properties.dateProvenance).toEqual(event("iran-missiles-iraq-bases").provenance);
    const [rebels] = joinEvents([event("rebels-reach-damascus")], levant.places).features;
    expect(rebels?.properties.dateProvenance.kind).toBe("context");
  });

  it("keeps 0 as a coordinate", () => {
    const { features } = joinEvents([event("zero-meridian-meeting", zero)], zero.places);
    expect(features.map((f) => f.geometry.coordinates)).toEqual([
      [0, 0],
      [0, 51.4779],
      [-78.4558, 0],
    ]);
  });

  it("skips links to unknown places and events whose date is not a contract date", () => {
    const strays: JoinableEvent[] = [
      {
        ...event("putin-visit-khmeimim-2017"),
        places: [{ place: "atlantis", role: "venue", provenance: { kind: "article" } }, ...event("putin-visit-khmeimim-2017").places],
      },
      { ...event("putin-assad-talks-damascus"), date: "2020-02-30" },
    ];
    expect(joinEvents(strays, levant.places).features.map((f) => f.id)).toEqual([
      "putin-visit-khmeimim-2017@khmeimim",
      "putin-visit-khmeimim-2017@latakia",
    ]);
  });

  it("gives every feature a string id (callers rely on it when they treat features as EventFeature)", () => {
    for (const feature of joinEvents(levant.events, levant.places).features) expect(typeof feature.id).toBe("string");
  });

  it("joins the same event twice if given it twice (deduplication is validation's job)", () => {
    const twice = joinEvents([event("putin-assad-talks-damascus"), event("putin-assad-talks-damascus")], levant.places);
    expect(twice.features.map((f) => f.id)).toEqual(["putin-assad-talks-damascus@damascus", "putin-assad-talks-damascus@damascus"]);
  });

  it('sets story to the event\'s story, or "" for a bare event', () => {
    const withStory = { ...event("putin-assad-talks-damascus"), story: "putin-visits-syria-2020" };
    expect(joinEvents([withStory], levant.places).features[0]?.properties.story).toBe("putin-visits-syria-2020");
    expect(joinEvents([event("putin-assad-talks-damascus")], levant.places).features[0]?.properties.story).toBe("");
  });

  it("does not mutate its input, and shares no arrays with it", () => {
    const before = structuredClone({ places: levant.places, events: levant.events });
    const joined = joinEvents(levant.events, levant.places);
    expect({ places: levant.places, events: levant.events }).toEqual(before);

    for (const feature of joined.features) {
      feature.geometry.coordinates[0] = 999;
      feature.properties.actorRoles[0]!.role = "target";
    }
    expect({ places: levant.places, events: levant.events }).toEqual(before);
  });
});

describe("eventFeatureId", () => {
  it("writes event@place", () => expect(eventFeatureId("a-b", "c")).toBe("a-b@c"));
});

describe("compareChronologically", () => {
  it("orders by start day, then end day, then id", () => {
    const sorted = [...(joinEvents(levant.events, levant.places).features as EventFeature[])].sort(compareChronologically);
    sorted.slice(1).forEach((feature, i) => {
      const previous = sorted[i]!.properties;
      expect(previous.start <= feature.properties.start).toBe(true);
      if (previous.start === feature.properties.start) expect(previous.end <= feature.properties.end).toBe(true);
    });
    expect(sorted[0]?.id).toBe("syria-war-toll@syria"); // 2011/... starts first though it ends last
  });
});
