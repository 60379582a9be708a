/**
 * A story under review as the data files it saves to: story.json, events.json, and the places and
 * actors it adds to places.geojson and actors.json. Only accepted proposals are written. What the
 * files cannot express (an event whose actor is still unmatched, a place mention not resolved) is
 * reported as a Problem in the same words `npm run validate` uses, and left out.
 */
import type { PlaceCandidate } from "../draft/types";
import type { Problem } from "../problems";
import { showValue } from "../problems";
import { placeKinds, type Actor, type PlaceFeature, type PlaceKind, type Provenance, type Story, type StoryEvent } from "../schema";
import type { EventReview, StoryReview } from "./review";

/** The files a story saves to, as objects; geo/studio/json.ts writes them. */
export interface StoryFiles {
  story: Story;
  events: StoryEvent[];
  newPlaces: PlaceFeature[];
  newActors: Actor[];
}

/** How messages name the story's two files: as `npm run validate` names them on disk. */
export interface StoryFilePaths {
  story: string;
  events: string;
}

function eventProblem(file: string, event: EventReview, field: string, value: unknown, message: string): Problem {
  return { file, record: `event "${event.id}"`, field, value: showValue(value), message };
}

/** The place ids of an event's places, and what stops any of them from being written. */
function eventPlaces(review: StoryReview, event: EventReview, file: string) {
  const problems: Problem[] = [];
  const places: StoryEvent["places"] = [];
  event.places.forEach((link, i) => {
    const mention = link.mention === null ? undefined : review.mentions.find((m) => m.key === link.mention);
    if (link.mention !== null && (mention === undefined || mention.status === "rejected")) {
      problems.push(
        eventProblem(file, event, `places.${i}`, mention?.text, "its place mention was rejected: choose another place or remove it"),
      );
      return;
    }
    const place = mention ? mention.placeId : link.place;
    if (place === null) {
      const message = mention ? `the mention "${mention.text}" has no place chosen yet` : "no place chosen";
      problems.push(eventProblem(file, event, `places.${i}.place`, null, message));
      return;
    }
    places.push({ place, role: link.role, provenance: link.provenance });
  });
  return { places, problems };
}

/** One accepted event as events.json holds it, keys in the data's order, and what stops it. */
function eventFile(review: StoryReview, event: EventReview, file: string): { event: StoryEvent; problems: Problem[] } {
  const { places, problems } = eventPlaces(review, event, file);
  event.actors.forEach((link, i) => {
    if (link.actor === null) {
      problems.push(
        eventProblem(file, event, `actors.${i}.actor`, link.name, "not matched to an actor: choose one, or add it as a new actor"),
      );
    }
  });
  const { start, end } = event.quote;
  const written: StoryEvent = {
    id: event.id,
    title: event.title,
    summary: event.summary,
    date: event.date,
    ...(event.dateProvenance ? { dateProvenance: event.dateProvenance } : {}),
    actors: event.actors.flatMap((a) =>
      a.actor === null ? [] : [{ actor: a.actor, role: a.role as StoryEvent["actors"][number]["role"] }],
    ),
    places,
    quote: { start, end, text: review.meta.text.slice(start, end) },
    provenance: event.provenance,
  };
  return { event: written, problems };
}

/**
 * The files of a reviewed story. Events not
 * accepted are left out; accepted events keep the article's order. The places and actors written
 * are the draft's new ones that accepted events or mentions use. `paths` name the files in problems.
 */
export function storyFiles(review: StoryReview, paths: StoryFilePaths): { files: StoryFiles; problems: Problem[] } {
  const { id, title, dateline, source, sourceNote, text, frontPage } = review.meta;
  const story: Story = { id, title, dateline, source, ...(sourceNote ? { sourceNote } : {}), frontPage, text };
  const problems: Problem[] = [];
  const events: StoryEvent[] = [];
  for (const event of review.events.filter((e) => e.status === "accepted").sort((a, b) => a.quote.start - b.quote.start)) {
    const result = eventFile(review, event, paths.events);
    problems.push(...result.problems);
    events.push(result.event);
  }
  for (const mention of review.mentions.filter((m) => m.status === "accepted" && m.placeId === null)) {
    problems.push({
      file: paths.events,
      record: `place mention "${mention.text}"`,
      field: `${mention.start}..${mention.end}`,
      value: showValue(mention.text),
      message: "accepted without a place: choose a candidate, search the gazetteer or drop a pin",
    });
  }
  const usedPlaces = new Set([
    ...events.flatMap((e) => e.places.map((p) => p.place)),
    ...review.mentions.filter((m) => m.status === "accepted").map((m) => m.placeId),
  ]);
  const usedActors = new Set(events.flatMap((e) => e.actors.map((a) => a.actor)));
  return {
    files: {
      story,
      events,
      newPlaces: review.newPlaces.filter((p) => usedPlaces.has(p.id)),
      newActors: review.newActors.filter((a) => usedActors.has(a.id)),
    },
    problems,
  };
}

const KIND_ALIASES: Record<string, PlaceKind> = {
  airfield: "air-base",
  "military-airport": "air-base",
  "admin-1": "province",
  admin1: "province",
  state: "province",
};

/** A gazetteer's kind as one of the schema's place kinds ("small_airport" -> airport); a town is a city. */
export function placeKindOf(kind: string): PlaceKind {
  const normal = kind.toLowerCase().replace(/_/g, "-");
  if ((placeKinds as readonly string[]).includes(normal)) return normal as PlaceKind;
  if (KIND_ALIASES[normal]) return KIND_ALIASES[normal];
  if (normal.includes("airport")) return "airport";
  if (normal.includes("base") || normal.includes("airfield")) return "air-base";
  return "city";
}

/** Coordinates rounded to the 6 decimals validation allows (about 0.1 m). */
export function roundPosition([lng, lat]: readonly [number, number]): [number, number] {
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return [round(lng), round(lat)];
}

/**
 * A new place for places.geojson from a gazetteer candidate, or from a pin the editor dropped
 * (`coordinatesSource` then says so). Sites (airports, air bases) are exact; cities and areas approximate.
 */
export function newPlace(id: string, candidate: PlaceCandidate, coordinatesSource: string, aliases: string[] = []): PlaceFeature {
  const kind = placeKindOf(candidate.kind);
  return {
    type: "Feature",
    id,
    geometry: { type: "Point", coordinates: roundPosition(candidate.coordinates) },
    properties: {
      name: candidate.name,
      kind,
      country: candidate.country.toUpperCase(),
      aliases: aliases.filter((a) => a !== candidate.name),
      precision: kind === "airport" || kind === "air-base" ? "exact" : "approximate",
      coordinatesSource,
      ...(kind === "country" ? { outline: { naturalEarthCountry: candidate.country.toUpperCase() } } : {}),
    },
  };
}

/** Whether a provenance is context, which must carry a citation (the schema checks the citation itself). */
export function isContext(provenance: Provenance | null | undefined): boolean {
  return provenance?.kind === "context";
}
