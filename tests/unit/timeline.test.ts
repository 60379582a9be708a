import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { datePrecision, dateSpan } from "@/geo/dates";
import type { EventFeature } from "@/geo/join";
import { readRawDataset } from "@/geo/load";
import { frontPageStory, storyBundle } from "@/geo/story";
import {
  addDays,
  dayNumber,
  detailScale,
  histogram,
  isoDay,
  overviewLabel,
  overviewScale,
  playbackSteps,
  positionOf,
  storyWeek,
  type Bucket,
} from "@/geo/timeline";
import { validateDataset } from "@/geo/validate";

const { dataset } = validateDataset(readRawDataset());
const story = frontPageStory(dataset);
const { features } = storyBundle(dataset, story);
const DATELINE = story.dateline;

/** A feature carrying only what the timeline reads, for small hand-made cases. */
function feature(eventId: string, date: string, placeId = "somewhere"): EventFeature {
  const span = dateSpan(date);
  const precision = datePrecision(date);
  if (!span || !precision) throw new Error(`bad date ${date}`);
  return {
    type: "Feature",
    id: `${eventId}@${placeId}`,
    geometry: { type: "Point", coordinates: [0, 0] },
    properties: { eventId, placeId, date, start: span.start, end: span.end, precision },
  } as EventFeature;
}

/** The non-empty buckets as `label: exact/imprecise`, for readable assertions. */
const counted = (buckets: Bucket[]) =>
  Object.fromEntries(buckets.filter((b) => b.exact + b.imprecise > 0).map((b) => [b.label, `${b.exact}/${b.imprecise}`]));

describe("dayNumber and isoDay", () => {
  it("count days from 1970-01-01 in UTC", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(isoDay(0)).toBe("1970-01-01");
    expect(isoDay(-1)).toBe("1969-12-31");
  });

  it("know the leap days: 2020 and 2000 have 29 February, 2019 and 1900 do not", () => {
    expect(dayNumber("2020-03-01") - dayNumber("2020-02-28")).toBe(2);
    expect(isoDay(dayNumber("2020-02-28") + 1)).toBe("2020-02-29");
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2);
    expect(dayNumber("2019-03-01") - dayNumber("2019-02-28")).toBe(1);
    expect(dayNumber("1900-03-01") - dayNumber("1900-02-28")).toBe(1);
    expect(dayNumber("2021-01-01") - dayNumber("2020-01-01")).toBe(366);
  });

  it("round-trip every day from 1700 to 2300", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber("1700-01-01"), max: dayNumber("2300-12-31") }), (day) => {
        const iso = isoDay(day);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(dayNumber(iso)).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });

  it("addDays crosses month, year and leap-day boundaries", () => {
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2020-02-29", 1)).toBe("2020-03-01");
    expect(addDays("2019-12-31", 1)).toBe("2020-01-01");
    expect(addDays("2020-01-08", -6)).toBe("2020-01-02");
  });
});

describe("the scales", () => {
  it("the overview spans the story's first year (2011) to the dateline's (2020), by year", () => {
    expect(overviewScale(features, DATELINE)).toEqual({ start: "2011-01-01", end: "2020-12-31", unit: "year" });
  });

  it("a story whose events all start in its last three months is drawn by day, from its first event to its dateline", () => {
    const recent = features.filter((f) => f.properties.start >= "2020-01-01");
    expect(overviewScale(recent, DATELINE)).toEqual({ start: "2020-01-02", end: "2020-01-09", unit: "day" });
    expect(histogram(recent, overviewScale(recent, DATELINE))).toHaveLength(8);
    expect(overviewLabel(overviewScale(recent, DATELINE))).toBe("Whole story");
    expect(overviewLabel(overviewScale(features, DATELINE))).toBe("2011–2020");
    expect(overviewLabel({ start: "2021-01-01", end: "2021-12-31", unit: "year" })).toBe("2021");
  });

  it("the week of the story is the seven days up to the dateline", () => {
    expect(storyWeek("2020-01-08")).toEqual({ from: "2020-01-02", to: "2020-01-08" });
    expect(storyWeek("2020-03-02")).toEqual({ from: "2020-02-25", to: "2020-03-02" });
  });

  it("the detail scale is that week by day with a day either side", () => {
    expect(detailScale("2020-01-08")).toEqual({ start: "2020-01-01", end: "2020-01-09", unit: "day" });
  });
});

describe("histogram", () => {
  it("by year counts each event once, in the year it starts, exact days apart from coarser dates", () => {
    const buckets = histogram(features, overviewScale(features, DATELINE));
    expect(buckets.map((b) => b.label)).toEqual(["2011", "2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020"]);
    expect(buckets[0]).toMatchObject({ start: "2011-01-01", end: "2011-12-31" });
    // Four spans since 2011, the 2012 advance on Damascus, the 2017 visit; seven exact days in January 2020.
    expect(counted(buckets)).toEqual({ "2011": "0/4", "2012": "0/1", "2017": "0/1", "2020": "7/0" });
    const total = buckets.reduce((n, b) => n + b.exact + b.imprecise, 0);
    expect(total).toBe(new Set(features.map((f) => f.properties.eventId)).size);
  });

  it("by day counts the week's exact days and leaves out events that start before the scale", () => {
    const buckets = histogram(features, detailScale(DATELINE));
    expect(buckets).toHaveLength(9);
    expect(buckets.map((b) => b.label)).toEqual(["1 Jan", "2 Jan", "3 Jan", "4 Jan", "5 Jan", "6 Jan", "7 Jan", "8 Jan", "9 Jan"]);
    expect(buckets.every((b) => b.start === b.end)).toBe(true);
    expect(counted(buckets)).toEqual({ "3 Jan": "1/0", "7 Jan": "4/0", "8 Jan": "2/0" });
  });

  it("counts an event at several places once, and a month or a span as imprecise", () => {
    const small = [
      feature("a", "2020-01-07", "x"),
      feature("a", "2020-01-07", "y"),
      feature("b", "2020-01"),
      feature("c", "2020-01-07/2020-01-08"),
      feature("d", "2019"),
    ];
    const byDay = histogram(small, { start: "2020-01-01", end: "2020-01-09", unit: "day" });
    expect(counted(byDay)).toEqual({ "1 Jan": "0/1", "7 Jan": "1/1" });
    const byYear = histogram(small, { start: "2019-01-01", end: "2020-12-31", unit: "year" });
    expect(counted(byYear)).toEqual({ "2019": "0/1", "2020": "1/2" });
  });

  it("has empty buckets across the whole scale when there are no events", () => {
    const buckets = histogram([], { start: "2011-01-01", end: "2020-12-31", unit: "year" });
    expect(buckets).toHaveLength(10);
    expect(buckets.every((b) => b.exact === 0 && b.imprecise === 0)).toBe(true);
  });
});

describe("playbackSteps", () => {
  const steps = playbackSteps(features);

  it("has one step per distinct start day, sorted, labelled at the date's precision", () => {
    expect(steps).toEqual([
      { day: "2011-01-01", label: "2011" },
      { day: "2012-01-01", label: "2012" },
      { day: "2017-01-01", label: "2017" },
      { day: "2020-01-03", label: "3 January 2020" },
      { day: "2020-01-07", label: "7 January 2020" },
      { day: "2020-01-08", label: "8 January 2020" },
    ]);
  });

  it("is sorted and unique for any order of the input", () => {
    const shuffled = [...features].reverse();
    const days = playbackSteps(shuffled).map((s) => s.day);
    expect(days).toEqual([...new Set(days)].sort());
    expect(playbackSteps(shuffled)).toEqual(steps);
  });

  it("labels a day where a year and an exact day both start with the exact day, in either order", () => {
    const yearFirst = playbackSteps([feature("y", "2020"), feature("d", "2020-01-01")]);
    const dayFirst = playbackSteps([feature("d", "2020-01-01"), feature("y", "2020")]);
    expect(yearFirst).toEqual([{ day: "2020-01-01", label: "1 January 2020" }]);
    expect(dayFirst).toEqual(yearFirst);
  });

  it("is empty without events", () => {
    expect(playbackSteps([])).toEqual([]);
  });
});

describe("positionOf", () => {
  const overview = { start: "2011-01-01", end: "2020-12-31", unit: "year" } as const;
  const week = detailScale(DATELINE);

  it("is 0 at the scale's start and grows by the day", () => {
    expect(positionOf("2011-01-01", overview)).toBe(0);
    expect(positionOf("2020-01-01", week)).toBe(0);
    expect(positionOf("2020-01-02", week)).toBeCloseTo(1 / 9);
    expect(positionOf("2020-01-09", week)).toBeCloseTo(8 / 9);
  });

  it("clamps days outside the scale to 0 and 1", () => {
    expect(positionOf("1999-06-01", overview)).toBe(0);
    expect(positionOf("2030-06-01", overview)).toBe(1);
    expect(positionOf("2011-01-01", week)).toBe(0);
    expect(positionOf("2020-01-10", week)).toBe(1);
  });

  it("stays within 0..1 for any day", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber("1900-01-01"), max: dayNumber("2100-12-31") }), (day) => {
        const p = positionOf(isoDay(day), overview);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
    );
  });
});
