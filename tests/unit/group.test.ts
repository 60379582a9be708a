import type { FeatureCollection, Point } from "geojson";
import { describe, expect, it } from "vitest";
import { groupByPlace, type PlaceGroup } from "@/geo/group";
import type { EventFeature } from "@/geo/join";
import { expectFixture, inputNames, joinedFeatures, readInput } from "./fixtures";

/** A group as a map marker: one point per place, listing its events in date order. */
function asMarkers(groups: PlaceGroup[]): FeatureCollection<Point> {
  return {
    type: "FeatureCollection",
    features: groups.map((group) => ({
      type: "Feature",
      id: group.placeId,
      geometry: { type: "Point", coordinates: group.features[0]?.geometry.coordinates ?? [] },
      properties: {
        placeId: group.placeId,
        eventIds: group.features.map((f) => f.properties.eventId),
        actors: group.actors,
        contextOnly: group.contextOnly,
      },
    })),
  };
}

describe.each(inputNames())("groupByPlace on fixture %s", (name) => {
  it("matches out/group-" + name + ".geojson", () => {
    expectFixture(`group-${name}`, asMarkers(groupByPlace(joinedFeatures(readInput(name)))));
  });
});

const levant = joinedFeatures(readInput("levant"));
const zero = joinedFeatures(readInput("zero"));

function groupOf(groups: PlaceGroup[], placeId: string): PlaceGroup {
  const group = groups.find((g) => g.placeId === placeId);
  if (!group) throw new Error(`no group for "${placeId}"`);
  return group;
}

describe("groupByPlace", () => {
  it("returns no groups for no features", () => {
    expect(groupByPlace([])).toEqual([]);
  });

  it("makes one group per place, in order of first appearance, holding every feature exactly once", () => {
    const groups = groupByPlace(levant);
    expect(groups.map((g) => g.placeId)).toEqual([...new Set(levant.map((f) => f.properties.placeId))]);
    const grouped = groups.flatMap((g) => g.features);
    expect(grouped).toHaveLength(levant.length);
    expect(new Set(grouped)).toEqual(new Set(levant));
    for (const group of groups) for (const f of group.features) expect(f.properties.placeId).toBe(group.placeId);
  });

  it("sorts each place's events by date, whatever the input order", () => {
    // The fixture lists the 2020 talks before the 2012 fighting.
    for (const input of [levant, [...levant].reverse()]) {
      const damascus = groupOf(groupByPlace(input), "damascus");
      expect(damascus.features.map((f) => f.properties.eventId)).toEqual(["rebels-reach-damascus", "putin-assad-talks-damascus"]);
    }
  });

  it("lists each actor once, in order of first appearance over the sorted events", () => {
    const damascus = groupOf(groupByPlace(levant), "damascus");
    expect(damascus.actors).toEqual(["rebels", "syria", "russia"]); // 2012 (rebels, syria), then 2020 (russia, syria)
  });

  it("is context-only when every link to the place comes from context, not when some do", () => {
    const groups = groupByPlace(levant);
    expect(groupOf(groups, "erbil").contextOnly).toBe(true);
    expect(groupOf(groups, "damascus").contextOnly).toBe(false);

    const erbil = groupOf(groups, "erbil").features[0];
    if (!erbil) throw new Error("no Erbil feature");
    const mixed: EventFeature = {
      ...erbil,
      id: "x@erbil",
      properties: { ...erbil.properties, eventId: "x", placeProvenance: { kind: "article" } },
    };
    expect(groupOf(groupByPlace([erbil, mixed]), "erbil").contextOnly).toBe(false);
  });

  it("is in the article when one of its events is the article's own, though the place comes from context", () => {
    const groups = groupByPlace(levant);
    const erbil = groupOf(groups, "erbil");
    expect(erbil.contextOnly).toBe(true);
    expect(erbil.inArticle).toBe(true);
    const record = erbil.features[0];
    if (!record) throw new Error("no Erbil feature");
    const imported: EventFeature = {
      ...record,
      id: "y@erbil",
      properties: { ...record.properties, eventId: "y", provenance: record.properties.placeProvenance },
    };
    expect(record.properties.placeProvenance.kind).toBe("context");
    expect(groupOf(groupByPlace([imported]), "erbil").inArticle).toBe(false);
  });

  it("keeps duplicate features (one group, both copies)", () => {
    const first = levant[0];
    if (!first) throw new Error("empty fixture");
    const groups = groupByPlace([first, first]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.features).toEqual([first, first]);
    expect(groups[0]?.actors).toEqual(first.properties.actors);
  });

  it("groups places at 0 latitude or longitude like any other", () => {
    const groups = groupByPlace(zero);
    expect(groups.map((g) => g.placeId)).toEqual(["null-island", "greenwich", "mitad-del-mundo"]);
    expect(groupOf(groups, "null-island").features.map((f) => f.properties.eventId)).toEqual(["null-island-year", "zero-meridian-meeting"]);
  });

  it("does not mutate or reorder its input", () => {
    const input = [...levant].reverse();
    const before = structuredClone(input);
    const order = input.map((f) => f.id);
    groupByPlace(input);
    expect(input).toEqual(before);
    expect(input.map((f) => f.id)).toEqual(order);
  });
});
