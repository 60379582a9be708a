/**
 * The HTTP API's logic (CONTRACT.md "HTTP API"), apart from Next's route handlers so it can be
 * tested without a server: query parameters in, a status and a JSON body out.
 */
import type { FeatureCollection, Point } from "geojson";
import { filterEvents } from "./filter";
import { joinEvents, type EventCollection } from "./join";
import type { PlaceFeature } from "./schema";
import type { Dataset } from "./validate";
import { parseViewState } from "./url-state";

export interface ApiError {
  error: { code: string; message: string };
}

export type ApiResult<T> = { status: 200; body: T } | { status: 400; body: ApiError };

/** The parameters `GET /api/events` understands. Others are ignored, as servers usually do. */
export const EVENT_PARAMS = ["actors", "from", "to", "place"] as const;

/** All places as an RFC 7946 FeatureCollection; each feature's `id` is the place id. */
export function placesCollection(dataset: Dataset): FeatureCollection<Point, PlaceFeature["properties"]> {
  return { type: "FeatureCollection", features: dataset.places.map((p) => structuredClone(p)) };
}

/**
 * The events of every story joined to their places, filtered as the contract says. The first bad
 * parameter is a 400 whose message names it.
 */
export function eventsCollection(dataset: Dataset, query: URLSearchParams): ApiResult<EventCollection> {
  const subset = new URLSearchParams();
  for (const name of EVENT_PARAMS) for (const value of query.getAll(name)) subset.append(name, value);
  const known = { places: dataset.places.map((p) => p.id), events: [], actors: dataset.actors.map((a) => a.id) };
  const { state, notices } = parseViewState(subset, known);
  const [first] = notices;
  if (first) {
    const message = `${first.param}=${JSON.stringify(first.value)}: ${first.reason}`;
    return { status: 400, body: { error: { code: "bad_parameter", message } } };
  }
  const all = joinEvents(dataset.events, dataset.places).features;
  const features = filterEvents(all, { actors: state.actors, from: state.from, to: state.to, place: state.place });
  return { status: 200, body: { type: "FeatureCollection", features } };
}
