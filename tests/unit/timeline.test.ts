import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { datePrecision, dateSpan } from "@/geo/dates";
import { addDays, dayNumber, isoDay, monthDays, monthNumber } from "@/geo/days";
import { indexEvents } from "@/geo/event-index";
import type { EventFeature } from "@/geo/join";
import { readRawDataset } from "@/geo/load";
import { frontPageStory, storyBundle } from "@/geo/story";
import {
  detailScale,
  distinctEvents,
  histogram,
  overviewLabel,
  overviewScale,
  playbackSteps,
  positionOf,
  scaleBuckets,
  storyWeek,
  tickLabels,
  type Bucket,
  type TimelineScale,
} from "@/geo/timeline";
import { validateDataset } from "@/geo/validate";

const { dataset } = validateDataset(readRawDataset());
const story = frontPageStory(dataset);
const { features } = storyBundle(dataset, story);
const DATELINE = story.dateline;

/** A feature carrying only what the timeline reads, for small hand-made cases. */
function feature(eventId: string, date: string, placeId = "somewhere", actors: string[] = ["a"]): EventFeature {
  const span = dateSpan(date);
  const precision = datePrecision(date);
  if (!span || !precision) throw new Error(`bad date ${date}`);
  return {
    type: "Feature",
    id: `${eventId}@${placeId}`,
    geometry: { type: "Point", coordinates: [0, 0] },
    properties: { eventId, placeId, date, start: span.start, end: span.end, precision, actors },
  } as EventFeature;
}

/** The histogram of these features, counted on their index. */
const histogramOf = (list: readonly EventFeature[], scale: TimelineScale, actors?: string[]) => histogram(indexEvents(list), scale, actors);

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

describe("monthNumber and monthDays", () => {
  it("count months from January 1970, from a day or a month", () => {
    expect(monthNumber("1970-01-01")).toBe(0);
    expect(monthNumber("2020-01")).toBe(600);
    expect(monthNumber("2020-01-31")).toBe(600);
    expect(monthNumber("2019-12-31")).toBe(599);
    expect(monthNumber("1969-12")).toBe(-1);
  });

  it("give a month's first and last day, 29 February in leap years only", () => {
    expect(monthDays(600)).toEqual({ start: "2020-01-01", end: "2020-01-31" });
    expect(monthDays(monthNumber("2020-02"))).toEqual({ start: "2020-02-01", end: "2020-02-29" });
    expect(monthDays(monthNumber("2019-02"))).toEqual({ start: "2019-02-01", end: "2019-02-28" });
    expect(monthDays(monthNumber("2000-02"))).toEqual({ start: "2000-02-01", end: "2000-02-29" });
    expect(monthDays(monthNumber("1900-02"))).toEqual({ start: "1900-02-01", end: "1900-02-28" });
    expect(monthDays(monthNumber("2019-12"))).toEqual({ start: "2019-12-01", end: "2019-12-31" });
    expect(monthDays(-1)).toEqual({ start: "1969-12-01", end: "1969-12-31" });
  });

  it("tile the calendar: each month starts the day after the last one ends", () => {
    fc.assert(
      fc.property(fc.integer({ min: monthNumber("1800-01"), max: monthNumber("2200-12") }), (month) => {
        const { start, end } = monthDays(month);
        expect(monthNumber(start)).toBe(month);
        expect(monthNumber(end)).toBe(month);
        expect(addDays(end, 1)).toBe(monthDays(month + 1).start);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the scales", () => {
  it("the overview spans the story's first year (2011) to the dateline's (2020), by year", () => {
    expect(overviewScale(features, DATELINE)).toEqual({ start: "2011-01-01", end: "2020-12-31", unit: "year" });
  });

  it("a story whose events all start in its last three months is drawn by day, from its first event to its dateline", () => {
    const recent = features.filter((f) => f.properties.start >= "2020-01-01");
    expect(overviewScale(recent, DATELINE)).toEqual({ start: "2020-01-02", end: "2020-01-09", unit: "day" });
    expect(histogramOf(recent, overviewScale(recent, DATELINE))).toHaveLength(8);
    expect(overviewLabel(overviewScale(recent, DATELINE))).toBe("Whole story");
    expect(overviewLabel(overviewScale(features, DATELINE))).toBe("2011–2020");
    expect(overviewLabel({ start: "2021-01-01", end: "2021-12-31", unit: "year" })).toBe("2021");
  });

  it("a story of more than three months and up to five years is drawn by month, whole months from its first event's to its dateline's", () => {
    const since = (date: string) => [feature("first", date), feature("last", "2020-01-07")];
    // 92 days before the dateline is still by day; a day more is by month.
    expect(overviewScale(since(addDays(DATELINE, -91)), DATELINE).unit).toBe("day");
    expect(overviewScale(since(addDays(DATELINE, -92)), DATELINE)).toEqual({ start: "2019-10-01", end: "2020-01-31", unit: "month" });
    // Sixty months (February 2015 to January 2020) by month; sixty-one by year.
    expect(overviewScale(since("2015-02-28"), DATELINE)).toEqual({ start: "2015-02-01", end: "2020-01-31", unit: "month" });
    expect(scaleBuckets(overviewScale(since("2015-02-28"), DATELINE))).toHaveLength(60);
    expect(overviewScale(since("2015-01-31"), DATELINE)).toEqual({ start: "2015-01-01", end: "2020-12-31", unit: "year" });
    // A year-precision event starts on 1 January: its month is January.
    expect(overviewScale(since("2018"), DATELINE)).toEqual({ start: "2018-01-01", end: "2020-01-31", unit: "month" });
    expect(overviewLabel(overviewScale(since("2018"), DATELINE))).toBe("2018–2020");
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
    const buckets = histogramOf(features, overviewScale(features, DATELINE));
    expect(buckets.map((b) => b.label)).toEqual(["2011", "2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020"]);
    expect(buckets[0]).toMatchObject({ start: "2011-01-01", end: "2011-12-31" });
    // Four spans since 2011, the 2012 advance on Damascus, the 2017 visit; seven exact days in January 2020.
    expect(counted(buckets)).toEqual({ "2011": "0/4", "2012": "0/1", "2017": "0/1", "2020": "7/0" });
    const total = buckets.reduce((n, b) => n + b.exact + b.imprecise, 0);
    expect(total).toBe(new Set(features.map((f) => f.properties.eventId)).size);
  });

  it("by day counts the week's exact days and leaves out events that start before the scale", () => {
    const buckets = histogramOf(features, detailScale(DATELINE));
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
    const byDay = histogramOf(small, { start: "2020-01-01", end: "2020-01-09", unit: "day" });
    expect(counted(byDay)).toEqual({ "1 Jan": "0/1", "7 Jan": "1/1" });
    const byYear = histogramOf(small, { start: "2019-01-01", end: "2020-12-31", unit: "year" });
    expect(counted(byYear)).toEqual({ "2019": "0/1", "2020": "1/2" });
  });

  it("has empty buckets across the whole scale when there are no events", () => {
    const buckets = histogramOf([], { start: "2011-01-01", end: "2020-12-31", unit: "year" });
    expect(buckets).toHaveLength(10);
    expect(buckets.every((b) => b.exact === 0 && b.imprecise === 0)).toBe(true);
  });
});

describe("histogram by month", () => {
  const months = (start: string, end: string): TimelineScale => ({ start, end, unit: "month" });

  it("has one bar per calendar month, named with its year, February ending on the 29th in leap years", () => {
    const buckets = histogramOf([], months("2019-11-01", "2020-03-31"));
    expect(buckets.map((b) => [b.label, b.start, b.end])).toEqual([
      ["Nov 2019", "2019-11-01", "2019-11-30"],
      ["Dec 2019", "2019-12-01", "2019-12-31"],
      ["Jan 2020", "2020-01-01", "2020-01-31"],
      ["Feb 2020", "2020-02-01", "2020-02-29"],
      ["Mar 2020", "2020-03-01", "2020-03-31"],
    ]);
    expect(histogramOf([], months("2019-02-01", "2019-02-28")).map((b) => b.end)).toEqual(["2019-02-28"]);
  });

  it("counts an event in the month it starts, on either side of each month's boundary and the leap day", () => {
    const list = [
      feature("dec-31", "2019-12-31"),
      feature("jan-1", "2020-01-01"),
      feature("jan-31", "2020-01-31"),
      feature("feb-1", "2020-02-01"),
      feature("leap-day", "2020-02-29"),
      feature("mar-1", "2020-03-01"),
    ];
    expect(counted(histogramOf(list, months("2019-12-01", "2020-03-31")))).toEqual({
      "Dec 2019": "1/0",
      "Jan 2020": "2/0",
      "Feb 2020": "2/0",
      "Mar 2020": "1/0",
    });
  });

  it("counts exact days apart from months, years and spans, each event once however many places it has", () => {
    const list = [
      feature("day", "2020-02-10", "x"),
      feature("day", "2020-02-10", "y"),
      feature("month", "2020-02", "x"),
      feature("month", "2020-02", "y"),
      feature("year", "2020"),
      feature("span", "2020-02-27/2020-03-02"),
    ];
    // The year starts on 1 January; the span in February, where it starts.
    expect(counted(histogramOf(list, months("2020-01-01", "2020-03-31")))).toEqual({ "Jan 2020": "0/1", "Feb 2020": "1/2" });
  });

  it("leaves out events that start before or after the scale, even those that run into it", () => {
    const list = [
      feature("before", "2019-12-31"),
      feature("into", "2019-12-15/2020-01-15"),
      feature("inside", "2020-01-15"),
      feature("after", "2020-02-01"),
      feature("year-before", "2019"),
    ];
    const buckets = histogramOf(list, months("2020-01-01", "2020-01-31"));
    expect(counted(buckets)).toEqual({ "Jan 2020": "1/0" });
  });

  it("counts only the actors' events when given actors, and nothing for an actor without events", () => {
    const list = [
      feature("a1", "2020-01-05", "x", ["a"]),
      feature("b1", "2020-01-06", "x", ["b"]),
      feature("ab", "2020-02", "x", ["a", "b"]),
    ];
    const scale = months("2020-01-01", "2020-02-29");
    expect(counted(histogramOf(list, scale, ["a"]))).toEqual({ "Jan 2020": "1/0", "Feb 2020": "0/1" });
    expect(counted(histogramOf(list, scale, ["b"]))).toEqual({ "Jan 2020": "1/0", "Feb 2020": "0/1" });
    expect(counted(histogramOf(list, scale, ["a", "b"]))).toEqual({ "Jan 2020": "2/0", "Feb 2020": "0/1" });
    expect(counted(histogramOf(list, scale, ["nobody"]))).toEqual({});
    expect(counted(histogramOf(list, scale, []))).toEqual(counted(histogramOf(list, scale)));
  });
});

describe("histogram against a scan of every feature", () => {
  /** What the histogram was before the index: each event once, in the bucket holding its start day. */
  function scanned(list: readonly EventFeature[], scale: TimelineScale, actors?: string[]): Bucket[] {
    const buckets = scaleBuckets(scale).map((b) => ({ ...b, exact: 0, imprecise: 0 }));
    const chosen = actors && actors.length > 0 ? list.filter((f) => f.properties.actors.some((a) => actors.includes(a))) : list;
    for (const event of distinctEvents(chosen)) {
      const bucket = buckets.find((b) => b.start <= event.properties.start && event.properties.start <= b.end);
      if (!bucket) continue;
      if (event.properties.precision === "day") bucket.exact += 1;
      else bucket.imprecise += 1;
    }
    return buckets;
  }

  const day = fc.integer({ min: dayNumber("2018-10-01"), max: dayNumber("2021-03-31") }).map(isoDay);
  const date = fc.oneof(
    day,
    day.map((d) => d.slice(0, 7)),
    day.map((d) => d.slice(0, 4)),
    fc.tuple(day, day).map(([x, y]) => (x <= y ? `${x}/${y}` : `${y}/${x}`)),
  );
  const events = fc.array(
    fc.record({
      date,
      places: fc.integer({ min: 1, max: 3 }),
      actors: fc.uniqueArray(fc.constantFrom("a", "b", "c"), { minLength: 1, maxLength: 2 }),
    }),
    { maxLength: 120 },
  );
  const scale = fc.oneof(
    fc.tuple(day, day).map(([x, y]): TimelineScale => ({ start: x < y ? x : y, end: x < y ? y : x, unit: "day" })),
    fc.tuple(day, day).map(([x, y]): TimelineScale => {
      const [a, b] = x < y ? [x, y] : [y, x];
      return { start: monthDays(monthNumber(a)).start, end: monthDays(monthNumber(b)).end, unit: "month" };
    }),
    fc.tuple(day, day).map(([x, y]): TimelineScale => {
      const [a, b] = x < y ? [x, y] : [y, x];
      return { start: `${a.slice(0, 4)}-01-01`, end: `${b.slice(0, 4)}-12-31`, unit: "year" };
    }),
  );
  const actors = fc.option(fc.uniqueArray(fc.constantFrom("a", "b", "c", "nobody"), { maxLength: 2 }), { nil: undefined });

  it("gives the same bars and counts for any events, scale and actors (more than 32 features: several bitset words)", () => {
    fc.assert(
      fc.property(events, scale, actors, (list, s, chosen) => {
        const all = list.flatMap((e, i) => Array.from({ length: e.places }, (_, p) => feature(`e${i}`, e.date, `p${p}`, e.actors)));
        expect(histogramOf(all, s, chosen)).toEqual(scanned(all, s, chosen));
      }),
      { numRuns: 300 },
    );
  });
});

describe("tickLabels", () => {
  const buckets = (scale: TimelineScale) => scaleBuckets(scale);
  const shown = (labels: string[]) => labels.map((text, i) => [i, text] as const).filter(([, text]) => text !== "");

  it("labels every day of the week and every year of the first story, as before months existed", () => {
    expect(tickLabels(buckets(detailScale(DATELINE)), "day", DATELINE, 10)).toEqual([
      "1 Jan",
      "2 Jan",
      "3 Jan",
      "4 Jan",
      "5 Jan",
      "6 Jan",
      "7 Jan",
      "8 Jan",
      "9 Jan",
    ]);
    const years = overviewScale(features, DATELINE);
    expect(tickLabels(buckets(years), "year", DATELINE, 10)).toEqual([
      "2011",
      "2012",
      "2013",
      "2014",
      "2015",
      "2016",
      "2017",
      "2018",
      "2019",
      "2020",
    ]);
  });

  it("labels every n-th day counted from the dateline's when they do not all fit", () => {
    const labels = tickLabels(buckets({ start: "2019-12-01", end: "2020-01-09", unit: "day" }), "day", DATELINE, 10);
    expect(shown(labels).length).toBeLessThanOrEqual(10);
    expect(labels[38]).toBe("8 Jan");
    expect(shown(labels).map(([i]) => (38 - i) % 4)).toEqual(shown(labels).map(() => 0));
  });

  it("labels months on the calendar's steps, the year in place of January, never more than asked", () => {
    const scale: TimelineScale = { start: "2015-02-01", end: "2020-01-31", unit: "month" };
    expect(shown(tickLabels(buckets(scale), "month", DATELINE, 10)).map(([, t]) => t)).toEqual([
      "Jul",
      "2016",
      "Jul",
      "2017",
      "Jul",
      "2018",
      "Jul",
      "2019",
      "Jul",
      "2020",
    ]);
    expect(shown(tickLabels(buckets(scale), "month", DATELINE, 6)).map(([, t]) => t)).toEqual(["2016", "2017", "2018", "2019", "2020"]);
    const year: TimelineScale = { start: "2019-01-01", end: "2019-12-31", unit: "month" };
    expect(tickLabels(buckets(year), "month", DATELINE, 12)).toEqual([
      "2019",
      "Feb",
      "Mar",
      "Apr",
      "May",
      "Jun",
      "Jul",
      "Aug",
      "Sep",
      "Oct",
      "Nov",
      "Dec",
    ]);
    expect(shown(tickLabels(buckets(year), "month", DATELINE, 4)).map(([, t]) => t)).toEqual(["2019", "Apr", "Jul", "Oct"]);
  });

  it("names the first month with its year when no January is labelled", () => {
    const autumn: TimelineScale = { start: "2019-09-01", end: "2019-12-31", unit: "month" };
    expect(tickLabels(buckets(autumn), "month", DATELINE, 10)).toEqual(["Sep 2019", "Oct", "Nov", "Dec"]);
    const across: TimelineScale = { start: "2019-10-01", end: "2020-03-31", unit: "month" };
    expect(tickLabels(buckets(across), "month", DATELINE, 10)).toEqual(["Oct", "Nov", "Dec", "2020", "Feb", "Mar"]);
  });

  it("never gives more labels than asked, evenly spaced, for any scale up to five years", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: monthNumber("2000-01"), max: monthNumber("2030-01") }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        (first, length, most) => {
          const scale: TimelineScale = { start: monthDays(first).start, end: monthDays(first + length - 1).end, unit: "month" };
          const at = shown(tickLabels(buckets(scale), "month", DATELINE, most)).map(([i]) => i);
          expect(at.length).toBeLessThanOrEqual(most);
          expect(new Set(at.slice(1).map((i, k) => i - at[k]!)).size).toBeLessThanOrEqual(1);
        },
      ),
    );
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
