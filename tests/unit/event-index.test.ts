import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterIndex, indexEvents, intervalEvents } from "@/geo/event-index";
import { filterEvents, type EventFilter } from "@/geo/filter";
import { compareChronologically, joinEvents, type EventFeature } from "@/geo/join";
import type { PlaceFeature, StoryEvent } from "@/geo/schema";
import { inputNames, joinedFeatures, readInput } from "./fixtures";

/** The brute force the index must agree with: a scan of every feature, then date order. */
const bruteForce = (features: readonly EventFeature[], filter: EventFilter) => filterEvents(features, filter).sort(compareChronologically);

const ACTORS = ["a", "b", "c", "d"];
const place: PlaceFeature = {
  type: "Feature",
  id: "p",
  geometry: { type: "Point", coordinates: [0, 0] },
  properties: { name: "P", kind: "city", country: "SY", aliases: [], precision: "exact", coordinatesSource: "test" },
};

const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2019, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
/** Any contract date: a day, a month, a year, or an interval of two days. */
const contractDate = fc.oneof(
  day,
  day.map((d) => d.slice(0, 7)),
  day.map((d) => d.slice(0, 4)),
  fc.tuple(day, day).map(([x, y]) => (x <= y ? `${x}/${y}` : `${y}/${x}`)),
);
const events = fc.array(
  fc.record({ date: contractDate, actors: fc.uniqueArray(fc.constantFrom(...ACTORS), { minLength: 1, maxLength: 3 }) }),
  { maxLength: 90 },
);
const filter = fc.record(
  {
    actors: fc.uniqueArray(fc.constantFrom(...ACTORS, "nobody"), { maxLength: 3 }),
    from: day,
    to: day,
  },
  { requiredKeys: [] },
);

function features(list: { date: string; actors: string[] }[]): EventFeature[] {
  const storyEvents = list.map((e, i): StoryEvent => ({
    id: `e${i}`,
    title: "t",
    summary: "s",
    date: e.date,
    actors: e.actors.map((actor) => ({ actor, role: "attacker" })),
    places: [{ place: "p", role: "venue", provenance: { kind: "article" } }],
    quote: { start: 0, end: 1, text: "x" },
    provenance: { kind: "article" },
  }));
  return joinEvents(storyEvents, [place]).features;
}

describe("filterIndex", () => {
  it("gives what a scan of every feature gives, for any events and any filter (more than 32 features: several bitset words)", () => {
    fc.assert(
      fc.property(events, filter, (list, f) => {
        const all = features(list);
        expect(filterIndex(indexEvents(all), f)).toEqual(bruteForce(all, f));
      }),
      { numRuns: 300 },
    );
  });

  it.each(inputNames())(
    "agrees with filterEvents on the fixture %s, for each of its filters (but `place`, which the map applies)",
    (name) => {
      const input = readInput(name);
      const all = joinedFeatures(input);
      for (const f of Object.values(input.filters).map((filter) => ({ ...filter, place: undefined })))
        expect(filterIndex(indexEvents(all), f)).toEqual(bruteForce(all, f));
    },
  );

  it("handles no features, and a range before or after all of them", () => {
    expect(filterIndex(indexEvents([]), { actors: ["a"], from: "2020-01-01" })).toEqual([]);
    const all = features([{ date: "2020-05-05", actors: ["a"] }]);
    expect(filterIndex(indexEvents(all), { to: "2020-05-04" })).toEqual([]);
    expect(filterIndex(indexEvents(all), { from: "2020-05-06" })).toEqual([]);
    expect(filterIndex(indexEvents(all), { from: "2020-05-05", to: "2020-05-05" })).toHaveLength(1);
  });

  it("counts distinct events per actor and in all, and does not touch its input", () => {
    const all = features([
      { date: "2020", actors: ["a", "b"] },
      { date: "2019", actors: ["a"] },
    ]);
    const copy = structuredClone(all);
    const index = indexEvents(all);
    expect(index.eventCount).toBe(2);
    expect(Object.fromEntries(index.actorCounts)).toEqual({ a: 2, b: 1 });
    expect(all).toEqual(copy);
    expect(indexEvents(all)).toBe(index);
  });
});

describe("intervalEvents", () => {
  it("gives each event dated by an interval once, in date order, of the actors asked for", () => {
    fc.assert(
      fc.property(events, fc.uniqueArray(fc.constantFrom(...ACTORS, "nobody"), { maxLength: 2 }), (list, actors) => {
        const all = features(list);
        const seen = new Set<string>();
        const expected = bruteForce(all, { actors }).filter(
          (f) => f.properties.precision === "interval" && !seen.has(f.properties.eventId) && seen.add(f.properties.eventId),
        );
        expect(intervalEvents(indexEvents(all), actors)).toEqual(expected);
      }),
    );
  });
});
