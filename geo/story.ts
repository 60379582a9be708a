/**
 * What one story's page needs, cut from the dataset: the article's metadata, its events joined to
 * places, and the places and actors they name. Pure: takes a Dataset, returns plain data that can
 * cross from server to browser.
 */
import type { Position } from "geojson";
import { encodeEventsFile, type EventsFile } from "./events-file";
import { joinEvents, type EventFeature, type JoinableEvent } from "./join";
import type { Actor, PlaceFeature, Story } from "./schema";
import type { Dataset } from "./validate";
import type { KnownIds } from "./url-state";

/** A story as the browser sees it. `text` is the full article, for the reading panel. */
export interface StoryBundle {
  story: Story;
  features: EventFeature[];
  places: PlaceFeature[];
  actors: Actor[];
  /**
   * Set when the story is too large to send inside its page: `features` then holds only the
   * article's own events, and the rest arrive from `url` (geo/events-file.ts).
   */
  deferred?: DeferredEvents;
}

export interface DeferredEvents {
  /** The story's data file, made at build: `/stories/<id>/events.json`. */
  url: string;
  /** How many events and places the whole story has, for "N of M events" before the file arrives. */
  eventCount: number;
  placeCount: number;
}

/**
 * Up to this many (event, place) pairs the story travels inside its page: one request, nothing to
 * wait for. Above it, the page carries the article's own events and fetches the rest (measured in
 * tests/bench/scale.mjs: at 1,000 events inline, the HTML is 3 MB and the first marker takes 3 s).
 */
export const INLINE_FEATURE_LIMIT = 300;

/** The story `/` shows: the one whose story.json says `"frontPage": true` (validation wants exactly one). */
export function frontPageStory(dataset: Dataset): Story {
  const story = dataset.stories.find((s) => s.frontPage) ?? dataset.stories[0];
  if (!story) throw new Error('the data folder has no story: add one (README, "Adding a place, an event or a story")');
  return story;
}

/** The story with this id, or undefined. */
export function findStory(dataset: Dataset, id: string): Story | undefined {
  return dataset.stories.find((s) => s.id === id);
}

/** Every story, newest dateline first; stories of one day by title, so the order never depends on folder names. */
export function storiesNewestFirst(stories: readonly Story[]): Story[] {
  return [...stories].sort((a, b) => b.dateline.localeCompare(a.dateline) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/**
 * Where a story's full map is: `/` for the front-page story, whose links have always pointed
 * there, and `/stories/<id>` for every other. (`/stories/<id>` works for the front page too.)
 * @example storyPath({ id: "putin-visits-syria-2020", frontPage: true }) === "/"
 */
export function storyPath(story: Pick<Story, "id" | "frontPage">): string {
  return story.frontPage ? "/" : `/stories/${story.id}`;
}

/** What the story index shows of one story. */
export interface StorySummary {
  story: Story;
  eventCount: number;
  placeCount: number;
  /** The story's places, `[lng, lat]`, for its small map. */
  positions: Position[];
}

/** The index's entry for each story, newest first. */
export function storySummaries(dataset: Dataset): StorySummary[] {
  return storiesNewestFirst(dataset.stories).map((story) => {
    const { features, places } = storyBundle(dataset, story);
    return {
      story,
      eventCount: new Set(features.map((f) => f.properties.eventId)).size,
      placeCount: places.length,
      positions: places.map((p) => [...p.geometry.coordinates]),
    };
  });
}

/** Where a story's data file is served (app/stories/[id]/events.json/route.ts). */
export function eventsFilePath(storyId: string): string {
  return `/stories/${storyId}/events.json`;
}

/**
 * What a story's page carries: the whole bundle for a story of up to INLINE_FEATURE_LIMIT pairs;
 * for a larger one, the article's own events (what its text and the reading panel need, and the
 * places it names) and where to fetch the rest.
 */
export function pageBundle(dataset: Dataset, story: Story): StoryBundle {
  const full = storyBundle(dataset, story);
  if (full.features.length <= INLINE_FEATURE_LIMIT) return full;
  // The article's own events are those with words in it; the context layer's have none.
  const features = full.features.filter((f) => f.properties.quote !== undefined);
  const placeIds = new Set(features.map((f) => f.properties.placeId));
  return {
    story,
    features,
    places: full.places.filter((p) => placeIds.has(p.id)),
    actors: full.actors,
    deferred: {
      url: eventsFilePath(story.id),
      eventCount: new Set(full.features.map((f) => f.properties.eventId)).size,
      placeCount: full.places.length,
    },
  };
}

/** A story's data file: all its events and the places they name. */
export function storyEventsFile(dataset: Dataset, story: Story): EventsFile {
  const events = dataset.events.filter((e) => e.story === story.id);
  return encodeEventsFile(story.id, events, storyBundle(dataset, story).places);
}

/**
 * A deferred bundle made whole with its data file's contents (the bundle's article events are in
 * the file too). Pure, so it runs the same in a test as in the browser.
 */
export function completeBundle(
  bundle: StoryBundle,
  file: { events: readonly JoinableEvent[]; places: readonly PlaceFeature[] },
): StoryBundle {
  const features = joinEvents(
    file.events.map((e) => ({ ...e, story: bundle.story.id })),
    file.places,
  ).features;
  const actorIds = new Set(features.flatMap((f) => f.properties.actors));
  const placeIds = new Set(features.map((f) => f.properties.placeId));
  return {
    story: bundle.story,
    features,
    places: file.places.filter((p) => placeIds.has(p.id)),
    actors: bundle.actors.filter((a) => actorIds.has(a.id)),
  };
}

/** The bundle for one story: its features, and only the places and actors they reference. */
export function storyBundle(dataset: Dataset, story: Story): StoryBundle {
  return { story, ...storiesMap(dataset, [story.id]) };
}

/**
 * What a map of several stories at once shows (a place's share page gathers events from every
 * story): their features, in the stories' order, and the places and actors they reference, in the
 * data's order. A story's actor filter so lists only its own actors, not Russia with 0 events in a
 * story Russia is not in.
 */
export function storiesMap(dataset: Dataset, storyIds: readonly string[]): Omit<StoryBundle, "story"> {
  const eventsOf = (id: string) => dataset.events.filter((e) => e.story === id);
  const features = storyIds.flatMap((id) => joinEvents(eventsOf(id), dataset.places).features);
  const placeIds = new Set(features.map((f) => f.properties.placeId));
  const actorIds = new Set(features.flatMap((f) => f.properties.actors));
  return {
    features,
    places: dataset.places.filter((p) => placeIds.has(p.id)),
    actors: dataset.actors.filter((a) => actorIds.has(a.id)),
  };
}

/** The ids a link into this story may name. */
export function knownIds(bundle: Pick<StoryBundle, "features" | "places" | "actors">): KnownIds {
  const eventIds = [...new Set(bundle.features.map((f) => f.properties.eventId))];
  return {
    places: bundle.places.map((p) => p.id),
    events: eventIds,
    actors: bundle.actors.map((a) => a.id),
    placesOfEvent: (eventId) => bundle.features.filter((f) => f.properties.eventId === eventId).map((f) => f.properties.placeId),
  };
}

/** The place an event is shown at: the requested one if the event happened there, else its first. */
export function placeOfEvent(features: readonly EventFeature[], eventId: string, preferred?: string): string | undefined {
  const places = features.filter((f) => f.properties.eventId === eventId).map((f) => f.properties.placeId);
  return preferred !== undefined && places.includes(preferred) ? preferred : places[0];
}
