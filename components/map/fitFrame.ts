/**
 * How the map frames a story: read by the map (ViewController, DatelineMap) and by the first view
 * the server lays out for the page's HTML (FirstView.tsx), which must choose the same zoom. No
 * Leaflet here, and no "use client": a server component needs the numbers themselves.
 */
import type { FitFrame } from "./firstViewLayout";

/** The zoom the map comes in to, at least, to show a focused place. */
export const FOCUS_ZOOM = 7;

/** The room, in pixels, kept around the shown places when the map frames them all. */
export const FIT_PADDING = 48;

/** The map's own zoom limits. */
export const MIN_ZOOM = 2;
export const MAX_ZOOM = 18;

/** How the map frames the shown places: with room around them, and not closer than a region. */
export const FIT_FRAME: FitFrame = { padding: FIT_PADDING, minZoom: MIN_ZOOM, maxZoom: 8 };

/** How the map frames a focused event's places: as the story, but never closer than a focused place. */
export const EVENT_FRAME: FitFrame = { padding: FIT_PADDING, minZoom: MIN_ZOOM, maxZoom: FOCUS_ZOOM };
