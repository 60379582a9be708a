import { describe, expect, it } from "vitest";
import { eventsCollection, placesCollection } from "@/geo/api";
import { readRawDataset } from "@/geo/load";
import { validateDataset } from "@/geo/validate";

const { dataset } = validateDataset(readRawDataset());
const ALL_EVENTS = dataset.events.map((e) => e.id);

function get(query: string) {
  return eventsCollection(dataset, new URLSearchParams(query));
}

/** The features of a 200 answer; fails the test on anything else. */
function features(query: string) {
  const result = get(query);
  if (result.status !== 200) throw new Error(`?${query} answered ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body.features;
}

const eventIds = (query: string) => [...new Set(features(query).map((f) => f.properties.eventId))].sort();

describe("GET /api/events without parameters", () => {
  it("is a FeatureCollection with one feature per (event, place) pair, every event present", () => {
    const result = get("");
    expect(result.status).toBe(200);
    if (result.status !== 200) return;
    expect(result.body.type).toBe("FeatureCollection");
    expect(eventIds("")).toEqual([...ALL_EVENTS].sort());
    const pairs = dataset.events.reduce((n, e) => n + e.places.length, 0);
    expect(result.body.features).toHaveLength(pairs);
  });

  it("gives each feature the contract's properties and [lng, lat] with at most 6 decimals", () => {
    for (const f of features("")) {
      expect(f.properties).toEqual(
        expect.objectContaining({
          eventId: expect.any(String),
          placeId: expect.any(String),
          title: expect.any(String),
          date: expect.any(String),
          quote: expect.any(String),
        }),
      );
      expect(Array.isArray(f.properties.actors)).toBe(true);
      const [lng, lat] = f.geometry.coordinates;
      expect(Math.abs(lat ?? 99)).toBeLessThanOrEqual(90);
      expect(Math.abs(lng ?? 999)).toBeLessThanOrEqual(180);
      for (const n of f.geometry.coordinates) expect(String(n)).toMatch(/^-?\d+(\.\d{1,6})?$/);
    }
    const damascus = features("place=damascus")[0];
    expect(damascus?.geometry.coordinates).toEqual([36.29128, 33.5102]);
  });
});

describe("GET /api/events filters", () => {
  it("actors keeps events with at least one of the actors", () => {
    expect(eventIds("actors=usa")).toEqual(["attack-called-first-retaliation", "iran-missiles-iraq-bases", "us-kills-soleimani"]);
    for (const f of features("actors=iran")) expect(f.properties.actors).toContain("iran");
    const both = eventIds("actors=usa,rebels");
    expect(both).toEqual([...new Set([...eventIds("actors=usa"), ...eventIds("actors=rebels")])].sort());
  });

  it("from and to keep events whose span overlaps the range, both ends inclusive", () => {
    expect(eventIds("from=2020-01-07&to=2020-01-07")).toEqual([
      "iran-russia-help-assad-regain-territory",
      "military-reports-presented",
      "putin-assad-talks-damascus",
      "putin-statehood-remarks",
      "putin-visits-syria",
      "shiite-militias-and-sieges",
      "soleimani-frontman-in-syria",
      "syria-war-toll",
    ]);
    expect(eventIds("from=2020-01-09")).toEqual([]);
    expect(eventIds("to=2010-12-31")).toEqual([]);
    expect(eventIds("from=2017-12-31&to=2017-12-31")).toContain("putin-visit-khmeimim-2017");
    expect(eventIds("from=2018-01-01&to=2019-12-31")).not.toContain("putin-visit-khmeimim-2017");
  });

  it("place keeps only the features at that place", () => {
    const atErbil = features("place=erbil");
    expect(atErbil.map((f) => f.properties.placeId)).toEqual(["erbil"]);
    expect(atErbil.map((f) => f.properties.eventId)).toEqual(["iran-missiles-iraq-bases"]);
  });

  it("combines every filter", () => {
    const result = features("actors=iran&from=2020-01-08&to=2020-01-08&place=erbil");
    expect(result.map((f) => [f.properties.eventId, f.properties.placeId])).toEqual([["iran-missiles-iraq-bases", "erbil"]]);
    expect(features("actors=russia&place=erbil")).toEqual([]);
  });

  it("ignores parameters it does not know, the page's own included", () => {
    const plain = get("");
    expect(get("foo=bar&event=%3Cscript%3E&view=junk&lang=en")).toEqual(plain);
    expect(get("actors=iran&utm_source=mail")).toEqual(get("actors=iran"));
  });
});

describe("GET /api/events with a bad value", () => {
  it.each([
    ["actors=martians", "actors", "martians"],
    ["actors=iran,martians", "actors", "martians"],
    ["from=2020-02-30", "from", "2020-02-30"],
    ["from=2020-1-7", "from", "2020-1-7"],
    ["to=12abc", "to", "12abc"],
    ["to=2020", "to", "2020"],
    ["place=nowhere", "place", "nowhere"],
    ["place=Damascus", "place", "Damascus"],
  ])("?%s is a 400 that names %s and the value", (query, param, value) => {
    const result = get(query);
    expect(result.status).toBe(400);
    if (result.status !== 400) return;
    expect(result.body.error.code).toEqual(expect.any(String));
    expect(result.body.error.message).toContain(param);
    expect(result.body.error.message).toContain(value);
  });

  it("from after to is a 400 that names the range", () => {
    const result = get("from=2020-01-08&to=2020-01-07");
    expect(result.status).toBe(400);
    if (result.status !== 400) return;
    expect(result.body.error.message).toMatch(/\bto\b/);
    expect(result.body.error.message).toMatch(/\bfrom\b/);
  });

  it("names the bad parameter even when good ones come with it", () => {
    const result = get("actors=iran&from=2020-01-07&to=2020-13-01&place=erbil");
    expect(result.status).toBe(400);
    if (result.status === 400) expect(result.body.error.message).toContain("to");
  });
});

describe("GET /api/places", () => {
  it("is every place, each feature's id its place id", () => {
    const collection = placesCollection(dataset);
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features.map((f) => f.id)).toEqual(dataset.places.map((p) => p.id));
    for (const id of ["damascus", "latakia", "khmeimim", "ain-al-asad", "erbil"])
      expect(collection.features.map((f) => f.id)).toContain(id);
  });
});

describe("GET /api/events?story=<id> (a story page's Download)", () => {
  const two = validateDataset(readRawDataset("tests/fixtures/stories-two")).dataset;
  const inTwo = (query: string) => {
    const result = eventsCollection(two, new URLSearchParams(query));
    if (result.status !== 200) throw new Error(`?${query} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return [...new Set(result.body.features.map((f) => f.properties.story))];
  };

  it("keeps that story's events only; without it, every story's", () => {
    expect(inTwo("story=rockets-hit-ain-al-asad-2021")).toEqual(["rockets-hit-ain-al-asad-2021"]);
    expect(inTwo("story=putin-visits-syria-2020&place=damascus")).toEqual(["putin-visits-syria-2020"]);
    expect(inTwo("").sort()).toEqual(["putin-visits-syria-2020", "rockets-hit-ain-al-asad-2021"]);
  });

  it("is a 400 naming the parameter for an unknown story or two stories", () => {
    const unknown = eventsCollection(two, new URLSearchParams("story=rockets-hit-ain-al-asad"));
    expect(unknown.status).toBe(400);
    if (unknown.status === 400) {
      expect(unknown.body.error.message).toBe(
        'story="rockets-hit-ain-al-asad": unknown story (did you mean "rockets-hit-ain-al-asad-2021"?)',
      );
    }
    const twice = eventsCollection(two, new URLSearchParams("story=a&story=b"));
    expect(twice.status).toBe(400);
    if (twice.status === 400) expect(twice.body.error.message).toMatch(/^story="a,b": give one story/);
  });
});
