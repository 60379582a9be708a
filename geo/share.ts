/**
 * What the share pages `/places/<id>` and `/events/<id>` say: their titles, descriptions and
 * schema.org JSON-LD. Pure functions of the dataset.
 */
import { dateSpan, formatContractDate } from "./dates";
import { joinEvents, compareChronologically, type EventFeature } from "./join";
import type { PlaceFeature, Story } from "./schema";
import { storiesNewestFirst } from "./story";
import type { Dataset } from "./validate";

export interface PlaceShare {
  place: PlaceFeature;
  /** Every story's events at the place, in date order. */
  features: EventFeature[];
  /** The same events by story, newest story first, each story's in date order. */
  groups: StoryGroup[];
  title: string;
  description: string;
}

/** One story's events on a page that gathers events from several stories. */
export interface StoryGroup {
  story: Story;
  features: EventFeature[];
}

export interface EventShare {
  features: EventFeature[];
  places: PlaceFeature[];
  title: string;
  description: string;
  dateText: string;
}

function datelineOf(dataset: Dataset, storyId: string): string | undefined {
  return dataset.stories.find((s) => s.id === storyId)?.dateline;
}

/** A place's share page, or undefined for an unknown id. */
export function placeShare(dataset: Dataset, placeId: string): PlaceShare | undefined {
  const place = dataset.places.find((p) => p.id === placeId);
  if (!place) return undefined;
  const features = joinEvents(dataset.events, [place]).features.sort(compareChronologically);
  const count = features.length;
  const titles = features.slice(0, 3).map((f) => f.properties.title);
  return {
    place,
    features,
    groups: groupByStory(dataset.stories, features),
    title: place.properties.name,
    description: `${count} event${count === 1 ? "" : "s"} at ${place.properties.name}${titles.length ? `: ${titles.join("; ")}` : ""}.`,
  };
}

/** Features split by story, newest story first, keeping their order within each story; stories without any are left out. */
export function groupByStory(stories: readonly Story[], features: readonly EventFeature[]): StoryGroup[] {
  return storiesNewestFirst(stories)
    .map((story) => ({ story, features: features.filter((f) => f.properties.story === story.id) }))
    .filter((group) => group.features.length > 0);
}

/** An event's share page, or undefined for an unknown id. */
export function eventShare(dataset: Dataset, eventId: string): EventShare | undefined {
  const event = dataset.events.find((e) => e.id === eventId);
  if (!event) return undefined;
  const features = joinEvents([event], dataset.places).features;
  const placeIds = new Set(event.places.map((p) => p.place));
  const dateText = formatContractDate(event.date, datelineOf(dataset, event.story));
  return {
    features,
    places: dataset.places.filter((p) => placeIds.has(p.id)),
    title: event.title,
    description: `${dateText}, ${features.map((f) => f.properties.placeName).join(" and ")}: ${event.summary}`,
    dateText,
  };
}

function geoPlace(place: PlaceFeature) {
  const [longitude, latitude] = place.geometry.coordinates;
  return {
    "@type": "Place",
    name: place.properties.name,
    alternateName: place.properties.aliases,
    geo: { "@type": "GeoCoordinates", latitude, longitude },
    address: { "@type": "PostalAddress", addressCountry: place.properties.country },
  };
}

/** schema.org `Place` for a place page. */
export function placeJsonLd(share: PlaceShare, url: string) {
  return { "@context": "https://schema.org", ...geoPlace(share.place), url, description: share.description };
}

/** schema.org `Event` for an event page: start and end are the first and last day its date covers. */
export function eventJsonLd(share: EventShare, url: string) {
  const first = share.features[0]?.properties;
  const span = first && dateSpan(first.date);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: share.title,
    description: first?.summary,
    startDate: span?.start,
    endDate: span?.end,
    eventStatus: "https://schema.org/EventScheduled",
    location: share.places.map(geoPlace),
    url,
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

/** `35.4011° N, 35.9486° E`: hemispheres in words, no negative degrees. */
export function formatCoordinates(place: PlaceFeature): string {
  const [lng, lat] = place.geometry.coordinates;
  return `${Math.abs(lat)}° ${lat >= 0 ? "N" : "S"}, ${Math.abs(lng)}° ${lng >= 0 ? "E" : "W"}`;
}
