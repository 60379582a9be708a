/**
 * The timeline's arithmetic: the scales (the whole story by year, month or day as its length
 * needs, the week of the story by day), histogram buckets counted on the story's index, the tick
 * labels under them, and playback steps. Pure, so it is tested without a browser.
 */
import { addDays, dayNumber, isoDay, monthDays, monthNumber } from "./days";
import { formatContractDate } from "./dates";
import { countStarts, type EventIndex } from "./event-index";
import type { EventFeature } from "./join";

export interface TimelineScale {
  /** First and last day covered, inclusive. */
  start: string;
  end: string;
  /** How wide a histogram bar is. */
  unit: "year" | "month" | "day";
}

export interface Bucket {
  start: string;
  end: string;
  /** The bar's name: "2019", "Mar 2019", "7 Jan". */
  label: string;
  /** Events that start in this bucket with an exact day, and those with a coarser date. */
  exact: number;
  imprecise: number;
}

export type Span = Omit<Bucket, "exact" | "imprecise">;

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function yearBuckets(start: string, end: string): Span[] {
  const buckets: Span[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    buckets.push({ start: `${year}-01-01`, end: `${year}-12-31`, label: String(year) });
  }
  return buckets;
}

function monthBuckets(start: string, end: string): Span[] {
  const buckets: Span[] = [];
  for (let month = monthNumber(start); month <= monthNumber(end); month++) {
    const days = monthDays(month);
    buckets.push({ ...days, label: `${MONTH_NAMES[Number(days.start.slice(5, 7)) - 1]} ${days.start.slice(0, 4)}` });
  }
  return buckets;
}

function dayBuckets(start: string, end: string): Span[] {
  const buckets: Span[] = [];
  for (let day = dayNumber(start); day <= dayNumber(end); day++) {
    const iso = isoDay(day);
    buckets.push({ start: iso, end: iso, label: `${Number(iso.slice(8))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]}` });
  }
  return buckets;
}

const BUCKETS = { year: yearBuckets, month: monthBuckets, day: dayBuckets };

/** The bars of a scale, in order, without their counts: what the brush steps over. */
export function scaleBuckets(scale: TimelineScale): Span[] {
  return BUCKETS[scale.unit](scale.start, scale.end);
}

/** One entry per event (not per place) from features that may repeat an event. */
export function distinctEvents(features: readonly EventFeature[]): EventFeature[] {
  const seen = new Set<string>();
  return features.filter((f) => !seen.has(f.properties.eventId) && seen.add(f.properties.eventId));
}

/**
 * Counts the events of these actors (every actor, if none) by the bucket their date starts in,
 * exact days apart from coarser dates (a month, a year, an interval), which the timeline draws
 * differently. Counted on the story's index (geo/event-index.ts), two binary searches and a
 * population count per bar, so a redraw reads no feature. Events starting outside the scale are
 * left out.
 * @example histogram(indexEvents(features), { start: "2020-01-01", end: "2020-12-31", unit: "month" }, ["iran"])
 */
export function histogram(index: EventIndex, scale: TimelineScale, actors?: readonly string[]): Bucket[] {
  const spans = scaleBuckets(scale);
  if (spans.length === 0) return [];
  const edges = [...spans.map((b) => dayNumber(b.start)), dayNumber(spans[spans.length - 1]!.end) + 1];
  const counts = countStarts(index, edges, actors);
  return spans.map((span, i) => ({ ...span, exact: counts[i]?.exact ?? 0, imprecise: counts[i]?.imprecise ?? 0 }));
}

/**
 * The overview's unit, by how long the story runs (from its first event to its dateline): by day
 * up to about three months (92 days: at most 92 bars, where months would be three or four); by
 * month up to five years (at most 60 bars, still about 5 px each on a phone's chart, and enough
 * to brush a season, where years would be five bars or fewer); by year beyond (six bars or more;
 * the first story's 2011 to 2020 is ten, and months would be 120 bars of 3 px on a phone).
 */
const DAYS_FOR_A_DAY_SCALE = 92;
const MONTHS_FOR_A_MONTH_SCALE = 60;

/**
 * The whole story's scale, from its first event to its dateline: by day (with a day of margin
 * either side, as the week's scale has), by month, or by year, as its length needs (above).
 */
export function overviewScale(features: readonly EventFeature[], dateline: string): TimelineScale {
  const first = features.reduce((min, f) => (f.properties.start < min ? f.properties.start : min), dateline);
  if (dayNumber(dateline) - dayNumber(first) < DAYS_FOR_A_DAY_SCALE) {
    return { start: addDays(first, -1), end: addDays(dateline, 1), unit: "day" };
  }
  if (monthNumber(dateline) - monthNumber(first) < MONTHS_FOR_A_MONTH_SCALE) {
    return { start: monthDays(monthNumber(first)).start, end: monthDays(monthNumber(dateline)).end, unit: "month" };
  }
  return { start: `${first.slice(0, 4)}-01-01`, end: `${dateline.slice(0, 4)}-12-31`, unit: "year" };
}

/** The overview scale's name on its button: its years ("2011–2020", or "2021"), or "Whole story" when it is by day. */
export function overviewLabel(scale: TimelineScale): string {
  if (scale.unit === "day") return "Whole story";
  const [from, to] = [scale.start.slice(0, 4), scale.end.slice(0, 4)];
  return from === to ? from : `${from}–${to}`;
}

/**
 * The text under each bar ("" for none), at most `maxLabels` of them, evenly spaced so that none
 * covers another. Days and years: every n-th bar, counted from the dateline's, which always
 * shows. Months: on the calendar's own steps (every month, two, three, four, six, or a year),
 * named "Mar", with the year ("2020") in place of January; a range within one year names its
 * first month with its year ("Sep 2019"), so the year is always said.
 */
export function tickLabels(
  buckets: readonly Pick<Bucket, "start" | "end" | "label">[],
  unit: TimelineScale["unit"],
  dateline: string,
  maxLabels: number,
): string[] {
  const most = Math.max(1, Math.floor(maxLabels));
  if (unit !== "month") {
    const every = Math.ceil(buckets.length / most);
    const datelineIndex = Math.max(
      0,
      buckets.findIndex((b) => b.start <= dateline && dateline <= b.end),
    );
    return buckets.map((b, i) => ((datelineIndex - i) % every === 0 ? b.label : ""));
  }
  const months = buckets.map((b) => monthNumber(b.start));
  const labelledWith = (step: number) => months.filter((m) => m % step === 0).length;
  const step = MONTH_STEPS.find((s) => labelledWith(s) <= most) ?? 12 * Math.ceil(buckets.length / 12 / most);
  const hasJanuary = months.some((m) => m % step === 0 && m % 12 === 0);
  let yearSaid = hasJanuary;
  return buckets.map((b, i) => {
    const month = months[i]!;
    if (month % step !== 0) return "";
    if (month % 12 === 0) return b.start.slice(0, 4);
    if (yearSaid) return b.label.slice(0, 3);
    yearSaid = true;
    return b.label;
  });
}

/** Steps, in months, that keep month labels on the calendar's divisions. */
const MONTH_STEPS = [1, 2, 3, 4, 6, 12];

/** "The week of the story": the seven days up to and including the dateline. */
export function storyWeek(dateline: string): { from: string; to: string } {
  return { from: addDays(dateline, -6), to: dateline };
}

/** The detail scale: the story's week with a day of margin either side. */
export function detailScale(dateline: string): TimelineScale {
  const week = storyWeek(dateline);
  return { start: addDays(week.from, -1), end: addDays(week.to, 1), unit: "day" };
}

export interface PlaybackStep {
  /** Show events up to this day. */
  day: string;
  /** The step at the precision of the date that starts there: "2011", "7 January 2020". */
  label: string;
}

/**
 * Playback steps: each distinct day on which something starts, in order. Showing events up to
 * each step replays the story as it unfolded.
 */
export function playbackSteps(features: readonly EventFeature[]): PlaybackStep[] {
  const byDay = new Map<string, string>();
  for (const f of features) {
    const startPart = f.properties.date.split("/")[0] ?? f.properties.date;
    const known = byDay.get(f.properties.start);
    // On a day where a year and an exact day both start, the more precise label wins.
    if (known === undefined || startPart.length > known.length) byDay.set(f.properties.start, startPart);
  }
  return [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, date]) => ({ day, label: formatContractDate(date) }));
}

/** Where a day lies on a scale, from 0 (its start) to 1 (its end); clamped. */
export function positionOf(day: string, scale: TimelineScale): number {
  const [start, end] = [dayNumber(scale.start), dayNumber(scale.end) + 1];
  return Math.min(1, Math.max(0, (dayNumber(day) - start) / (end - start)));
}
