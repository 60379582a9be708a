/**
 * A story's events indexed once, so that a filter change costs a pass over typed arrays instead
 * of a scan of every feature's properties: the features in date order, their first and last days
 * as day numbers, and bitsets over those positions (one per actor, and which position stands for
 * its event in counts). Pure: no React, no Leaflet. `filterIndex` gives exactly what
 * `filterEvents` (geo/filter.ts) gives, and `countStarts` what a scan would count; the tests check
 * each against brute force.
 */
import { dayNumber } from "./days";
import { compareChronologically, type EventFeature } from "./join";

export interface EventIndex {
  /** Every feature, in date order (compareChronologically). */
  features: readonly EventFeature[];
  /** Day numbers of each feature's first and last day, by position in `features`. */
  start: Int32Array;
  end: Int32Array;
  /** For each actor id, a bitset of the positions whose event names it. */
  actorBits: ReadonlyMap<string, Uint32Array>;
  /** Distinct events per actor over the whole story. */
  actorCounts: ReadonlyMap<string, number>;
  /** Distinct events in the story. */
  eventCount: number;
  /**
   * One position per event (its first in date order; an event's features share its date and
   * actors), split by precision: dated to the day, or coarser (a month, a year, an interval).
   * Counting these bits counts events, not (event, place) pairs.
   */
  exactEvents: Uint32Array;
  coarseEvents: Uint32Array;
  /** The positions that stand for an event dated by an interval ("2011/2020-01-08"), in date order. */
  intervals: Int32Array;
}

const indexes = new WeakMap<readonly EventFeature[], EventIndex>();

/** The index of these features, built on first use and kept for as long as the array lives. */
export function indexEvents(features: readonly EventFeature[]): EventIndex {
  const known = indexes.get(features);
  if (known) return known;
  const days = new Map<string, number>();
  const day = (iso: string) => {
    let n = days.get(iso);
    if (n === undefined) days.set(iso, (n = dayNumber(iso)));
    return n;
  };
  // compareChronologically's order, on numbers: ISO days compare as their day numbers do.
  const startOf = features.map((f) => day(f.properties.start));
  const endOf = features.map((f) => day(f.properties.end));
  const order = features.map((_, i) => i);
  order.sort((a, b) => startOf[a]! - startOf[b]! || endOf[a]! - endOf[b]! || compareChronologically(features[a]!, features[b]!));
  const sorted = order.map((i) => features[i]!);
  const words = Math.ceil(sorted.length / 32);
  const start = Int32Array.from(order, (i) => startOf[i]!);
  const end = Int32Array.from(order, (i) => endOf[i]!);
  const actorBits = new Map<string, Uint32Array>();
  const eventsByActor = new Map<string, Set<string>>();
  const exactEvents = new Uint32Array(words);
  const coarseEvents = new Uint32Array(words);
  const intervals: number[] = [];
  const counted = new Set<string>();
  sorted.forEach((feature, i) => {
    if (!counted.has(feature.properties.eventId)) {
      counted.add(feature.properties.eventId);
      (feature.properties.precision === "day" ? exactEvents : coarseEvents)[i >>> 5]! |= 1 << (i & 31);
      if (feature.properties.precision === "interval") intervals.push(i);
    }
    for (const actor of feature.properties.actors) {
      let bits = actorBits.get(actor);
      if (!bits) actorBits.set(actor, (bits = new Uint32Array(words)));
      bits[i >>> 5]! |= 1 << (i & 31);
      let events = eventsByActor.get(actor);
      if (!events) eventsByActor.set(actor, (events = new Set()));
      events.add(feature.properties.eventId);
    }
  });
  const index: EventIndex = {
    features: sorted,
    start,
    end,
    actorBits,
    actorCounts: new Map([...eventsByActor].map(([actor, events]) => [actor, events.size])),
    eventCount: counted.size,
    exactEvents,
    coarseEvents,
    intervals: Int32Array.from(intervals),
  };
  indexes.set(features, index);
  return index;
}

export interface IndexFilter {
  /** Actor ids; undefined or empty means every actor. */
  actors?: readonly string[];
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
}

/** The first position whose start day is after `day` (features are sorted by start). */
function startsAfter(start: Int32Array, day: number): number {
  let [low, high] = [0, start.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (start[mid]! <= day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The positions of any of these actors' events, as a bitset (an OR of theirs); undefined for every actor. */
function actorMask(index: EventIndex, actors: readonly string[] | undefined): Uint32Array | undefined {
  if (!actors || actors.length === 0) return undefined;
  const mask = new Uint32Array(Math.ceil(index.features.length / 32));
  for (const actor of actors) {
    const bits = index.actorBits.get(actor);
    if (bits) for (let w = 0; w < bits.length; w++) mask[w]! |= bits[w]!;
  }
  return mask;
}

/**
 * The features passing the filter, in date order: an OR of the actors' bitsets, and for the dates
 * a binary search for the last feature starting by `to`, then a check of the end days before it.
 */
export function filterIndex(index: EventIndex, { actors, from, to }: IndexFilter): EventFeature[] {
  const mask = actorMask(index, actors);
  const last = to === undefined ? index.features.length : startsAfter(index.start, dayNumber(to));
  const fromDay = from === undefined ? -Infinity : dayNumber(from);
  const result: EventFeature[] = [];
  for (let i = 0; i < last; i++) {
    if (mask && (mask[i >>> 5]! & (1 << (i & 31))) === 0) continue;
    if (index.end[i]! < fromDay) continue;
    result.push(index.features[i]!);
  }
  return result;
}

/** Set bits in a 32-bit word (the classic SWAR count). */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Set bits of `bits` (and of `mask`, if given) at positions `from` to `to`, end exclusive. */
function countBits(bits: Uint32Array, mask: Uint32Array | undefined, from: number, to: number): number {
  let count = 0;
  for (let position = from; position < to;) {
    const w = position >>> 5;
    const low = position & 31;
    const high = Math.min(32, to - (w << 5));
    // The bits of this word from `low` up to (not including) `high`.
    const range = (high === 32 ? 0xffffffff : (1 << high) - 1) & (0xffffffff << low);
    count += popcount(bits[w]! & (mask ? mask[w]! : 0xffffffff) & range);
    position = (w + 1) << 5;
  }
  return count;
}

/** Distinct events starting in one range of days: dated to the day, and coarser. */
export interface StartCount {
  exact: number;
  imprecise: number;
}

/**
 * Counts the distinct events of these actors (all, if none) by the day they start, in
 * consecutive ranges of days: range i runs from `edges[i]` up to the day before `edges[i + 1]`
 * (day numbers, ascending). Two binary searches per range and a population count over the bitsets
 * between them: no feature is read. Events starting outside every range are not counted.
 * @example countStarts(index, [dayNumber("2020-01-01"), dayNumber("2020-02-01")]) // January's events
 */
export function countStarts(index: EventIndex, edges: readonly number[], actors?: readonly string[]): StartCount[] {
  const mask = actorMask(index, actors);
  const positions = edges.map((day) => startsAfter(index.start, day - 1));
  const counts: StartCount[] = [];
  for (let i = 0; i + 1 < positions.length; i++) {
    const [from, to] = [positions[i]!, positions[i + 1]!];
    counts.push({ exact: countBits(index.exactEvents, mask, from, to), imprecise: countBits(index.coarseEvents, mask, from, to) });
  }
  return counts;
}

/** The events of these actors (all, if none) dated by an interval, one feature each, in date order. */
export function intervalEvents(index: EventIndex, actors?: readonly string[]): EventFeature[] {
  const mask = actorMask(index, actors);
  const result: EventFeature[] = [];
  for (const i of index.intervals) {
    if (!mask || (mask[i >>> 5]! & (1 << (i & 31))) !== 0) result.push(index.features[i]!);
  }
  return result;
}
