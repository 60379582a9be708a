/**
 * What one story's page needs, cut from the dataset: the article's metadata, its events joined to
 * places, and the places and actors they name. Pure: takes a Dataset, returns plain data that can
 * cross from server to browser.
 */
import { joinEvents, type EventFeature } from "./join";
import type { Actor, PlaceFeature, Story } from "./schema";
import type { Dataset } from "./validate";
import type { KnownIds } from "./url-state";

/** A story as the browser sees it. `text` is the full article, for the reading panel. */
export interface StoryBundle {
  story: Story;
  features: EventFeature[];
  places: PlaceFeature[];
  actors: Actor[];
}

/** The story `/` shows. */
export function frontPageStory(dataset: Dataset): Story {
  const story = dataset.stories.find((s) => s.frontPage) ?? dataset.stories[0];
  if (!story) throw new Error('geo/data/stories has no story: add one (see README, "Adding a story")');
  return story;
}

/** The bundle for one story: its features, and only the places and actors they reference. */
export function storyBundle(dataset: Dataset, story: Story): StoryBundle {
  const events = dataset.events.filter((e) => e.story === story.id);
  const features = joinEvents(events, dataset.places).features;
  const placeIds = new Set(features.map((f) => f.properties.placeId));
  return {
    story,
    features,
    places: dataset.places.filter((p) => placeIds.has(p.id)),
    actors: dataset.actors,
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
