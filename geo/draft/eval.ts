/**
 * Scores the studio's proposals against hand annotations (tests/fixtures/draft-eval/): place-mention
 * precision and recall (a mention counts when its span is exactly the annotated one), the share of
 * resolved places within 161 km of the right one and the median error, and date accuracy.
 */
import type { PlaceFeature } from "../schema";
import type { DateMention } from "./dates";
import { haversineKm } from "./mentions";
import type { Draft } from "./types";

/** The usual geoparsing threshold: 100 miles. */
export const NEAR_KM = 161;

export interface GoldPlace {
  text: string;
  /** Which of the equal spans, counted as whole words from 1 (default 1). */
  occurrence?: number;
  placeId?: string;
  /** For a place that is a point: where it is. */
  coordinates?: [number, number];
  /**
   * For a gazetteer area (a country or a province), which one: a point for an area is a matter of
   * choice, so the right area counts as 0 km; a wrong one is measured from `coordinates`.
   */
  area?: { kind: "country" | "province"; country: string };
}

export interface GoldDate {
  text: string;
  occurrence?: number;
  date: string;
}

export interface Span {
  start: number;
  end: number;
}

/** Where the nth whole-word occurrence of `needle` is in `text`, or undefined. */
export function locate(text: string, needle: string, occurrence = 1): Span | undefined {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const matches = [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"))];
  const match = matches[occurrence - 1];
  return match ? { start: match.index, end: match.index + needle.length } : undefined;
}

export interface PlaceScore {
  gold: number;
  proposed: number;
  found: number;
  /** Errors in km of the first candidate, for every found mention. */
  errors: number[];
  /** Found mentions of a registry place whose first candidate is that place. */
  rightKnown: number;
  knownGold: number;
  misses: string[];
  extras: string[];
  far: string[];
}

export function scorePlaces(text: string, draft: Draft, gold: readonly GoldPlace[], places: readonly PlaceFeature[]): PlaceScore {
  const score: PlaceScore = {
    gold: gold.length,
    proposed: draft.mentions.length,
    found: 0,
    errors: [],
    rightKnown: 0,
    knownGold: 0,
    misses: [],
    extras: [],
    far: [],
  };
  const matched = new Set<number>();
  for (const place of gold) {
    const span = locate(text, place.text, place.occurrence);
    if (!span) throw new Error(`annotation "${place.text}" #${place.occurrence ?? 1} is not in the text`);
    const index = draft.mentions.findIndex((m) => m.start === span.start && m.end === span.end);
    const known = place.placeId ? places.find((p) => p.id === place.placeId) : undefined;
    if (place.placeId && !known) throw new Error(`annotation "${place.text}": no place ${place.placeId} in the registry`);
    if (known) score.knownGold++;
    const mention = draft.mentions[index];
    if (!mention) {
      score.misses.push(place.text);
      continue;
    }
    matched.add(index);
    score.found++;
    const first = mention.candidates[0];
    const expected = known?.geometry.coordinates ?? place.coordinates;
    if (!first || !expected) continue;
    if (known && first.placeId === known.id) score.rightKnown++;
    const rightArea = place.area !== undefined && first.kind === place.area.kind && first.country === place.area.country;
    const error = rightArea ? 0 : haversineKm(first.coordinates, expected);
    score.errors.push(error);
    if (error > NEAR_KM) score.far.push(`${place.text} -> ${first.name} (${first.country}), ${Math.round(error)} km`);
  }
  draft.mentions.forEach((m, i) => {
    if (!matched.has(i)) score.extras.push(`${m.text} -> ${m.candidates[0]?.name ?? "?"}`);
  });
  return score;
}

export interface DateScore {
  total: number;
  right: number;
  wrong: string[];
}

/** Each annotated date expression against the proposed date mention that overlaps it. */
export function scoreDates(text: string, found: readonly DateMention[], gold: readonly GoldDate[]): DateScore {
  const score: DateScore = { total: gold.length, right: 0, wrong: [] };
  for (const expected of gold) {
    const span = locate(text, expected.text, expected.occurrence);
    if (!span) throw new Error(`date annotation "${expected.text}" is not in the text`);
    const mention = found.find((d) => d.start < span.end && span.start < d.end);
    if (mention?.date === expected.date) score.right++;
    else score.wrong.push(`${expected.text}: ${mention?.date ?? "none"}, not ${expected.date}`);
  }
  return score;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
