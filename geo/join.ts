/**
 * Joins events to their places: one GeoJSON feature per (event, place) pair, carrying the place's
 * geometry. This is exactly what `GET /api/events` returns and what the map draws.
 */
import type { Feature, FeatureCollection, Point } from "geojson";
import { dateSpan, datePrecision } from "./dates";
import type { ActorRole, AnyEvent, PlaceFeature, PlaceRole, Provenance } from "./schema";

export interface EventProperties {
  eventId: string;
  placeId: string;
  placeName: string;
  /** The place's part in the event: where it happened, where it came from, what it hit. */
  placeRole: PlaceRole;
  /** Whether the article names this place for this event, or Dateline added it from context. */
  placeProvenance: Provenance;
  story: string;
  title: string;
  summary: string;
  /** Contract date: `2017`, `2020-01-07`, `2011/2020-01-08`. */
  date: string;
  /** The first and last day the date covers, for filtering and sorting. */
  start: string;
  end: string;
  precision: "day" | "month" | "year" | "interval";
  dateProvenance: Provenance;
  /** Actor ids, as the contract asks; `actorRoles` says what each did. */
  actors: string[];
  actorRoles: { actor: string; role: ActorRole }[];
  /**
   * The article's own words, and where they are in its text. Absent for an event of the story's
   * context layer (an imported record), which the article does not mention.
   */
  quote?: string;
  quoteStart?: number;
  quoteEnd?: number;
  provenance: Provenance;
}

export type EventFeature = Feature<Point, EventProperties> & { id: string };
export interface EventCollection extends FeatureCollection<Point, EventProperties> {
  features: EventFeature[];
}

/** The feature id of an (event, place) pair. */
export function eventFeatureId(eventId: string, placeId: string): string {
  return `${eventId}@${placeId}`;
}

/** The joinable part of an event of either layer; `story` is optional so a bare event joins too. */
export type JoinableEvent = AnyEvent & { story?: string };

/**
 * One feature per (event, place), in the events' order. Pairs whose place is unknown are skipped:
 * validation has already reported them.
 */
export function joinEvents(events: readonly JoinableEvent[], places: readonly PlaceFeature[]): EventCollection {
  const placesById = new Map(places.map((place) => [place.id, place]));
  // Thousands of events share a few thousand dates: each is parsed once.
  const dates = new Map<string, { span: ReturnType<typeof dateSpan>; precision: ReturnType<typeof datePrecision> }>();
  const features: EventFeature[] = [];
  for (const event of events) {
    let date = dates.get(event.date);
    if (!date) dates.set(event.date, (date = { span: dateSpan(event.date), precision: datePrecision(event.date) }));
    const { span, precision } = date;
    if (!span || !precision) continue;
    const quote = event.quote ? { quote: event.quote.text, quoteStart: event.quote.start, quoteEnd: event.quote.end } : {};
    for (const link of event.places) {
      const place = placesById.get(link.place);
      if (!place) continue;
      features.push({
        type: "Feature",
        id: eventFeatureId(event.id, place.id),
        geometry: { type: "Point", coordinates: [...place.geometry.coordinates] },
        properties: {
          eventId: event.id,
          placeId: place.id,
          placeName: place.properties.name,
          placeRole: link.role,
          placeProvenance: link.provenance,
          story: event.story ?? "",
          title: event.title,
          summary: event.summary,
          date: event.date,
          start: span.start,
          end: span.end,
          precision,
          dateProvenance: event.dateProvenance ?? event.provenance,
          actors: event.actors.map((a) => a.actor),
          actorRoles: event.actors.map((a) => ({ ...a })),
          ...quote,
          provenance: event.provenance,
        },
      });
    }
  }
  return { type: "FeatureCollection", features };
}

/**
 * Orders features by when they happened: start day, then end day, then the order the article
 * tells them in (where their quotes are; context events, which have none, after), then id, so
 * ties are stable.
 */
export function compareChronologically(a: EventFeature, b: EventFeature): number {
  const pa = a.properties;
  const pb = b.properties;
  // Plain code-unit order, not localeCompare: server and browser must agree whatever their locale.
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    order(pa.start, pb.start) || order(pa.end, pb.end) || (pa.quoteStart ?? Infinity) - (pb.quoteStart ?? Infinity) || order(a.id, b.id)
  );
}
