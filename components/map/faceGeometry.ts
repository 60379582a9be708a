/**
 * A marker face's size, as app/globals.css draws it (.place-marker-count, .place-marker-actors):
 * what the layout keeps clear. No Leaflet and no DOM here, so that a script in node lays out the
 * same faces as the map (tests/bench/labels.ts).
 */
import type { Extent } from "@/geo/layout";

/** The disc is 32 px: a touch target well over WCAG's 24 px. */
export const FACE_SIZE = 32;
export const HALF = FACE_SIZE / 2;
/** The actor marks sit under the disc, each about 22 px wide. */
const MARKS_TOP = 35;
const MARKS_HEIGHT = 14;
const MARK_WIDTH = 24;
/**
 * At most this many marks under a disc: a place in a story of thousands of events can have a
 * dozen actors, whose row would run across its neighbours. Past it, the first ones and "+N".
 */
export const MAX_MARKS = 4;

/** The disc alone, around the marker's centre: what a label beside or above the marker sits by. */
export const DISC_EXTENT: Extent = { left: -HALF, right: HALF, top: -HALF, bottom: HALF };

/** The box the face covers around the marker's centre, for the layout: the disc and the marks. */
export function faceExtent(actorCount: number): Extent {
  const half = Math.max(HALF, (Math.min(actorCount, MAX_MARKS) * MARK_WIDTH) / 2);
  return { left: -half, right: half, top: -HALF, bottom: actorCount > 0 ? MARKS_TOP + MARKS_HEIGHT - HALF : HALF };
}

/**
 * A cluster's disc, in px: wider as it holds more events, from 36 (a touch target) to 56. Here,
 * not beside the clustering in geo/clusters.ts, so that the map's layout does not pull
 * supercluster into the script of a story that never clusters.
 */
export function clusterDiscSize(events: number): number {
  return Math.round(Math.min(56, 36 + 5 * Math.log10(Math.max(1, events))));
}

/** At most this many actor marks under a cluster's disc; its name says all of them. */
export const CLUSTER_MAX_MARKS = 3;

/** The box a cluster's face covers around its centre: its disc (`size` px) and the marks under it. */
export function clusterFaceExtent(size: number, actorCount: number): Extent {
  const half = Math.max(size / 2, (Math.min(actorCount, CLUSTER_MAX_MARKS) * MARK_WIDTH) / 2);
  return { left: -half, right: half, top: -size / 2, bottom: actorCount > 0 ? size / 2 + 3 + MARKS_HEIGHT : size / 2 };
}
