/**
 * What a place's marker says: the actor marks its face shows and its accessible name. No Leaflet
 * and no DOM here, so that the page's HTML draws the same markers as the map (FirstView.tsx).
 */
import type { Actor, PlaceFeature } from "@/geo/schema";
import { MAX_MARKS } from "./faceGeometry";

/** The marks a face shows: every actor, or the first MAX_MARKS - 1 and how many more there are. */
export function shownMarks(actors: readonly Actor[]): { shown: readonly Actor[]; more: number } {
  if (actors.length <= MAX_MARKS) return { shown: actors, more: 0 };
  return { shown: actors.slice(0, MAX_MARKS - 1), more: actors.length - (MAX_MARKS - 1) };
}

export interface FaceContent {
  place: PlaceFeature;
  eventCount: number;
  actors: readonly Actor[];
  contextOnly: boolean;
}

/**
 * The marker's accessible name: the place's name, which is the marker's visible label (WCAG 2.5.3:
 * a speech user says what they see), then what its badge shows, in words.
 * @example "Damascus, 5 events: Syrian rebels (RB), Syrian government (SY), Russia (RU)"
 */
export function markerName({ place, eventCount, actors }: Omit<FaceContent, "contextOnly">): string {
  const events = `${eventCount} event${eventCount === 1 ? "" : "s"}`;
  const named = (list: readonly Actor[]) => list.map((a) => `${a.name} (${a.abbreviation})`).join(", ");
  const { shown, more } = shownMarks(actors);
  const who = more > 0 ? `${named(shown)}, and ${more} more (+${more}): ${named(actors.slice(shown.length))}` : named(actors);
  return who ? `${place.properties.name}, ${events}: ${who}` : `${place.properties.name}, ${events}`;
}
