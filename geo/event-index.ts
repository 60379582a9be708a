/**
 * A story's events indexed once, so that a filter change costs a pass over typed arrays instead
 * of a scan of every feature's properties: the features in date order, their first and last days
 * as day numbers, and one bitset per actor over those positions. Pure: no React, no Leaflet.
 * `filterIndex` gives exactly what `filterEvents` (geo/filter.ts) gives; the tests check one
 * against the other.
 */
import { compareChronologically, type EventFeature } from "./join";
import { dayNumber } from "./timeline";

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
  sorted.forEach((feature, i) => {
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
    eventCount: new Set(sorted.map((f) => f.properties.eventId)).size,
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

/**
 * The features passing the filter, in date order: an OR of the actors' bitsets, and for the dates
 * a binary search for the last feature starting by `to`, then a check of the end days before it.
 */
export function filterIndex(index: EventIndex, { actors, from, to }: IndexFilter): EventFeature[] {
  let mask: Uint32Array | undefined;
  if (actors && actors.length > 0) {
    mask = new Uint32Array(Math.ceil(index.features.length / 32));
    for (const actor of actors) {
      const bits = index.actorBits.get(actor);
      if (bits) for (let w = 0; w < bits.length; w++) mask[w]! |= bits[w]!;
    }
  }
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

const lastByActors = new WeakMap<EventIndex, { key: string; features: EventFeature[] }>();

/**
 * The features of these actors, as `filterIndex` gives them, the same array as last time when the
 * actors are the same: what depends on the actor filter alone (the timeline's histogram) is then
 * not recounted when only the dates change.
 */
export function filterByActors(index: EventIndex, actors: readonly string[] | undefined): EventFeature[] {
  const key = (actors ?? []).join(",");
  const last = lastByActors.get(index);
  if (last?.key === key) return last.features;
  const features = filterIndex(index, { actors });
  lastByActors.set(index, { key, features });
  return features;
}
