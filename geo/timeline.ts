/**
 * The timeline's arithmetic: days as integers, the two scales (the whole story by month, the
 * week of the story by day), histogram buckets and playback steps. Pure, so it is tested
 * without a browser.
 */
import { formatContractDate } from "./dates";
import type { EventFeature } from "./join";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO day, in UTC: calendar days with no time zone shift. */
export function dayNumber(isoDay: string): number {
  return Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

/** The ISO day for a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoDay(dayNumber(day) + days);
}

export interface TimelineScale {
  /** First and last day covered, inclusive. */
  start: string;
  end: string;
  /** How wide a histogram bar is. */
  unit: "year" | "day";
}

export interface Bucket {
  start: string;
  end: string;
  label: string;
  /** Events that start in this bucket with an exact day, and those with a coarser date. */
  exact: number;
  imprecise: number;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function yearBuckets(start: string, end: string): Omit<Bucket, "exact" | "imprecise">[] {
  const buckets: Omit<Bucket, "exact" | "imprecise">[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    buckets.push({ start: `${year}-01-01`, end: `${year}-12-31`, label: String(year) });
  }
  return buckets;
}

function dayBuckets(start: string, end: string): Omit<Bucket, "exact" | "imprecise">[] {
  const buckets: Omit<Bucket, "exact" | "imprecise">[] = [];
  for (let day = dayNumber(start); day <= dayNumber(end); day++) {
    const iso = isoDay(day);
    buckets.push({ start: iso, end: iso, label: `${Number(iso.slice(8))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]}` });
  }
  return buckets;
}

/** One entry per event (not per place) from features that may repeat an event. */
export function distinctEvents(features: readonly EventFeature[]): EventFeature[] {
  const seen = new Set<string>();
  return features.filter((f) => !seen.has(f.properties.eventId) && seen.add(f.properties.eventId));
}

/** The bucket holding a day, by binary search: buckets are in order and do not overlap. */
function bucketOf<B extends { start: string; end: string }>(buckets: readonly B[], day: string): B | undefined {
  let [low, high] = [0, buckets.length - 1];
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const bucket = buckets[mid]!;
    if (day < bucket.start) high = mid - 1;
    else if (day > bucket.end) low = mid + 1;
    else return bucket;
  }
  return undefined;
}

/**
 * Counts events by the bucket their date starts in, exact days apart from coarser dates (a year,
 * an interval), which the timeline draws differently. Events starting outside the scale are left out.
 */
export function histogram(features: readonly EventFeature[], scale: TimelineScale): Bucket[] {
  const buckets = (scale.unit === "year" ? yearBuckets : dayBuckets)(scale.start, scale.end).map((b) => ({ ...b, exact: 0, imprecise: 0 }));
  for (const event of distinctEvents(features)) {
    const bucket = bucketOf(buckets, event.properties.start);
    if (!bucket) continue;
    if (event.properties.precision === "day") bucket.exact += 1;
    else bucket.imprecise += 1;
  }
  return buckets;
}

/** A story whose events all start within this many days of its dateline is drawn by day, not by year. */
const DAYS_FOR_A_DAY_SCALE = 92;

/**
 * The whole story's scale: by year, from its first event's year to its dateline's; or, for a
 * story whose events all start in the last three months or so, by day from its first event to its
 * dateline (with a day of margin, as the week's scale has), where years would be one bar.
 */
export function overviewScale(features: readonly EventFeature[], dateline: string): TimelineScale {
  const first = features.reduce((min, f) => (f.properties.start < min ? f.properties.start : min), dateline);
  if (dayNumber(dateline) - dayNumber(first) < DAYS_FOR_A_DAY_SCALE) {
    return { start: addDays(first, -1), end: addDays(dateline, 1), unit: "day" };
  }
  return { start: `${first.slice(0, 4)}-01-01`, end: `${dateline.slice(0, 4)}-12-31`, unit: "year" };
}

/** The overview scale's name on its button: its years ("2011–2020", or "2021"), or "Whole story" when it is by day. */
export function overviewLabel(scale: TimelineScale): string {
  if (scale.unit === "day") return "Whole story";
  const [from, to] = [scale.start.slice(0, 4), scale.end.slice(0, 4)];
  return from === to ? from : `${from}–${to}`;
}

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
