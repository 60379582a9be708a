import { describe, expect, it } from "vitest";
import { filterEvents, matchesFilter, type EventFilter } from "@/geo/filter";
import type { EventFeature } from "@/geo/join";
import { expectFixture, inputNames, joinedFeatures, readInput } from "./fixtures";

const fixtureCases = inputNames().flatMap((name) => {
  const input = readInput(name);
  return Object.entries(input.filters).map(([filterName, filter]) => ({ name, filterName, filter, input }));
});

describe("filterEvents on the fixtures", () => {
  it.each(fixtureCases)(
    "$name with filter $filterName matches out/filter-$name-$filterName.geojson",
    ({ name, filterName, filter, input }) => {
      const features = filterEvents(joinedFeatures(input), filter);
      expectFixture(`filter-${name}-${filterName}`, { type: "FeatureCollection", features });
    },
  );
});

const levant = joinedFeatures(readInput("levant"));
const zero = joinedFeatures(readInput("zero"));

/** The ids of the features that pass, for short assertions. */
const ids = (features: readonly EventFeature[], filter: EventFilter) => filterEvents(features, filter).map((f) => f.id);
const eventIds = (features: readonly EventFeature[], filter: EventFilter) => [
  ...new Set(filterEvents(features, filter).map((f) => f.properties.eventId)),
];

describe("filterEvents by date", () => {
  it("keeps an event dated 2017 from 2017-12-31 and drops it from 2018-01-01", () => {
    expect(eventIds(levant, { from: "2017-12-31" })).toContain("putin-visit-khmeimim-2017");
    expect(eventIds(levant, { from: "2018-01-01" })).not.toContain("putin-visit-khmeimim-2017");
  });

  it("keeps an event dated 2017 up to 2017-01-01 and drops it up to 2016-12-31", () => {
    expect(eventIds(levant, { to: "2017-01-01" })).toContain("putin-visit-khmeimim-2017");
    expect(eventIds(levant, { to: "2016-12-31" })).not.toContain("putin-visit-khmeimim-2017");
  });

  it("treats a month as all of its days", () => {
    expect(eventIds(levant, { from: "2012-07-31", to: "2012-07-31" })).toContain("rebels-reach-damascus");
    expect(eventIds(levant, { from: "2012-07-01", to: "2012-07-01" })).toContain("rebels-reach-damascus");
    expect(eventIds(levant, { from: "2012-08-01" })).not.toContain("rebels-reach-damascus");
    expect(eventIds(levant, { to: "2012-06-30" })).not.toContain("rebels-reach-damascus");
  });

  it("keeps an interval that overlaps the range at either end or contains it", () => {
    expect(eventIds(levant, { from: "2020-01-08", to: "2020-01-31" })).toContain("syria-war-toll"); // its last day
    expect(eventIds(levant, { from: "2010-01-01", to: "2011-01-01" })).toContain("syria-war-toll"); // its first day
    expect(eventIds(levant, { from: "2015-05-05", to: "2015-05-05" })).toContain("syria-war-toll"); // inside it
    expect(eventIds(levant, { from: "2020-01-09" })).not.toContain("syria-war-toll");
    expect(eventIds(levant, { to: "2010-12-31" })).not.toContain("syria-war-toll");
  });

  it("keeps exactly the events of a single day, plus intervals that span it", () => {
    expect(eventIds(levant, { from: "2020-01-07", to: "2020-01-07" }).sort()).toEqual(["putin-assad-talks-damascus", "syria-war-toll"]);
  });
});

describe("filterEvents by actor and place", () => {
  it("keeps events with at least one of several actors", () => {
    const chosen = eventIds(levant, { actors: ["iran", "rebels"] });
    expect(chosen.sort()).toEqual([
      "attack-called-first-retaliation",
      "iran-missiles-iraq-bases",
      "rebels-reach-damascus",
      "syria-war-toll",
    ]);
    for (const feature of filterEvents(levant, { actors: ["iran", "rebels"] })) {
      expect(feature.properties.actors.some((a) => a === "iran" || a === "rebels")).toBe(true);
    }
  });

  it("treats an empty actor list as no actor filter, and an unknown actor as matching nothing", () => {
    expect(filterEvents(levant, { actors: [] })).toEqual(levant);
    expect(filterEvents(levant, { actors: ["martians"] })).toEqual([]);
  });

  it("keeps only the features at a place, even of an event with several places", () => {
    expect(ids(levant, { place: "latakia" })).toEqual(["putin-visit-khmeimim-2017@latakia"]);
    expect(ids(zero, { place: "null-island" })).toEqual(["zero-meridian-meeting@null-island", "null-island-year@null-island"]);
  });

  it("combines filters with AND (the contract's example link)", () => {
    expect(ids(levant, { actors: ["iran"], from: "2020-01-08", to: "2020-01-08", place: "erbil" })).toEqual([
      "iran-missiles-iraq-bases@erbil",
    ]);
    expect(ids(levant, { actors: ["russia"], place: "erbil" })).toEqual([]);
  });

  it("agrees with matchesFilter feature by feature", () => {
    const filter: EventFilter = { actors: ["syria", "usa"], from: "2012-01-01" };
    expect(filterEvents(levant, filter)).toEqual(levant.filter((f) => matchesFilter(f, filter)));
  });
});

describe("filterEvents in general", () => {
  it("returns nothing for no features, and everything for no filter", () => {
    expect(filterEvents([], { actors: ["iran"] })).toEqual([]);
    expect(filterEvents(levant, {})).toEqual(levant);
  });

  it("keeps duplicates and the input order", () => {
    const first = levant[0];
    if (!first) throw new Error("empty fixture");
    expect(filterEvents([first, first], {})).toEqual([first, first]);
    const reversed = [...levant].reverse();
    expect(filterEvents(reversed, { from: "2018-01-01" }).map((f) => f.id)).toEqual(
      reversed.map((f) => f.id).filter((id) => ids(levant, { from: "2018-01-01" }).includes(id)),
    );
  });

  it("does not mutate its input and returns a new array", () => {
    const before = structuredClone(levant);
    const filter: EventFilter = { actors: ["iran"], from: "2020-01-01" };
    const filterBefore = structuredClone(filter);
    const result = filterEvents(levant, filter);
    expect(result).not.toBe(levant);
    expect(levant).toEqual(before);
    expect(filter).toEqual(filterBefore);
    expect(filterEvents(levant, {})).not.toBe(levant);
  });
});
