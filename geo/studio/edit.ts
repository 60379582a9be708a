/**
 * Every change the editor makes to a review, as one pure reducer: the studio's state flows one way
 * (an action in, a new review out), and the same actions are tested without a browser.
 */
import type { PlaceCandidate } from "../draft/types";
import type { Actor, PlaceFeature } from "../schema";
import { newPlace } from "./files";
import {
  ARTICLE,
  slugify,
  titleFromQuote,
  uniqueId,
  type EventReview,
  type MentionReview,
  type ReviewStatus,
  type StoryMeta,
  type StoryReview,
} from "./review";

export type ReviewAction =
  | { type: "meta"; change: Partial<StoryMeta> }
  | { type: "overwrite"; overwrite: boolean }
  | { type: "mention-status"; key: string; status: ReviewStatus }
  /** Resolve a mention to a candidate: a known place, or a gazetteer entry that becomes a new place. */
  | { type: "choose-place"; key: string; candidate: PlaceCandidate; coordinatesSource?: string }
  /** A place the gazetteer lacks, pinned on the map. */
  | { type: "pin-place"; key: string; name: string; country: string; coordinates: [number, number] }
  | { type: "add-mention"; start: number; end: number }
  | { type: "add-quote"; start: number; end: number }
  | { type: "event-status"; key: string; status: ReviewStatus }
  | { type: "event"; key: string; change: Partial<Omit<EventReview, "key">> }
  | { type: "add-actor"; actor: Actor };

/**
 * Where a new place's coordinates came from, when the engine's gazetteer gave them: GeoNames for
 * cities, OurAirports for airfields, Natural Earth for countries and provinces (geo/draft/gazetteer-build.ts).
 */
export function gazetteerSource(kind: string): string {
  const source =
    kind === "airport" || kind === "air-base" ? "OurAirports" : kind === "country" || kind === "province" ? "Natural Earth" : "GeoNames";
  return `${source}, via the Dateline studio's gazetteer`;
}
/** The coordinatesSource of a pinned place: says that no gazetteer had it. */
export const PIN_SOURCE = "Pin dropped by the editor in the Dateline studio (not in the gazetteer)";

function placeIdsOf(review: StoryReview, knownPlaceIds: ReadonlySet<string>): Set<string> {
  return new Set([...knownPlaceIds, ...review.newPlaces.map((p) => p.id)]);
}

function updateMention(review: StoryReview, key: string, change: (m: MentionReview) => MentionReview): StoryReview {
  return { ...review, mentions: review.mentions.map((m) => (m.key === key ? change(m) : m)) };
}

/** A fresh key not used by any mention or event of the review. */
function freshKey(review: StoryReview, prefix: string): string {
  const keys = new Set([...review.mentions.map((m) => m.key), ...review.events.map((e) => e.key)]);
  return uniqueId(`${prefix}${review.mentions.length + review.events.length}`, keys);
}

/** The review with a new place added (or the same review when a place of that id exists), and its id. */
function withNewPlace(review: StoryReview, place: (id: string) => PlaceFeature, name: string, known: ReadonlySet<string>) {
  const id = uniqueId(slugify(name), placeIdsOf(review, known));
  return { review: { ...review, newPlaces: [...review.newPlaces, place(id)] }, id };
}

/**
 * Applies one editor action. `knownPlaceIds` and `knownEventIds` are the data folder's, so that
 * new places and events get ids that do not collide with them.
 */
export function reviewReducer(
  review: StoryReview,
  action: ReviewAction,
  knownPlaceIds: ReadonlySet<string> = new Set(),
  knownEventIds: ReadonlySet<string> = new Set(),
): StoryReview {
  switch (action.type) {
    case "meta":
      return { ...review, meta: { ...review.meta, ...action.change } };
    case "overwrite":
      return { ...review, overwrite: action.overwrite };
    case "mention-status": {
      // Accepting a proposal whose first candidate is a gazetteer entry adds that place.
      const first = review.mentions.find((m) => m.key === action.key && m.placeId === null)?.candidates[0];
      if (action.status === "accepted" && first)
        return reviewReducer(review, { type: "choose-place", key: action.key, candidate: first }, knownPlaceIds);
      return updateMention(review, action.key, (m) => ({ ...m, status: action.status }));
    }
    case "choose-place": {
      const { candidate } = action;
      if (candidate.placeId !== null) {
        return updateMention(review, action.key, (m) => ({ ...m, placeId: candidate.placeId, status: "accepted" }));
      }
      // The same gazetteer entry chosen twice is one place.
      const same = review.newPlaces.find((p) => p.properties.name === candidate.name && p.properties.country === candidate.country);
      const added = same
        ? { review, id: same.id }
        : withNewPlace(
            review,
            (id) => newPlace(id, candidate, action.coordinatesSource ?? gazetteerSource(candidate.kind)),
            candidate.name,
            knownPlaceIds,
          );
      return updateMention(added.review, action.key, (m) => ({ ...m, placeId: added.id, status: "accepted" }));
    }
    case "pin-place": {
      const candidate: PlaceCandidate = {
        placeId: null,
        name: action.name,
        kind: "city",
        country: action.country,
        coordinates: action.coordinates,
      };
      const added = withNewPlace(review, (id) => newPlace(id, candidate, PIN_SOURCE), action.name, knownPlaceIds);
      return updateMention(added.review, action.key, (m) => ({ ...m, placeId: added.id, status: "accepted" }));
    }
    case "add-mention": {
      const { start, end } = action;
      const mention: MentionReview = {
        key: freshKey(review, "m"),
        start,
        end,
        text: review.meta.text.slice(start, end),
        candidates: [],
        placeId: null,
        status: "proposed",
      };
      return { ...review, mentions: [...review.mentions, mention].sort((a, b) => a.start - b.start) };
    }
    case "add-quote": {
      const quote = review.meta.text.slice(action.start, action.end);
      const title = titleFromQuote(quote);
      const taken = new Set([...knownEventIds, ...review.events.map((e) => e.id)]);
      const event: EventReview = {
        key: freshKey(review, "e"),
        status: "proposed",
        id: uniqueId(slugify(title), taken),
        title,
        summary: quote.replace(/\s+/g, " ").trim(),
        quote: { start: action.start, end: action.end },
        date: "",
        dateProvenance: null,
        actors: [],
        // The mentions inside the quote are the event's places, where it happened unless changed.
        places: review.mentions
          .filter((m) => m.start >= action.start && m.end <= action.end && m.status !== "rejected")
          .map((m) => ({ mention: m.key, place: null, role: "venue" as const, provenance: ARTICLE })),
        provenance: ARTICLE,
      };
      return { ...review, events: [...review.events, event].sort((a, b) => a.quote.start - b.quote.start) };
    }
    case "event-status":
      return { ...review, events: review.events.map((e) => (e.key === action.key ? { ...e, status: action.status } : e)) };
    case "event":
      return { ...review, events: review.events.map((e) => (e.key === action.key ? { ...e, ...action.change } : e)) };
    case "add-actor":
      return { ...review, newActors: [...review.newActors.filter((a) => a.id !== action.actor.id), action.actor] };
  }
}

/**
 * A selection in the article as offsets into the text, trimmed of surrounding white space;
 * undefined when nothing but white space is selected. (`start`, `end` are UTF-16 offsets, as the
 * DOM's ranges and the data's quotes count.)
 */
export function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s] ?? "")) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e -= 1;
  return s < e ? { start: s, end: e } : undefined;
}
