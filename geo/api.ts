/**
 * The HTTP API's logic (CONTRACT.md "HTTP API"), apart from Next's route handlers so it can be
 * tested without a server: query parameters in, a status and a JSON body out.
 */
import type { FeatureCollection, Point } from "geojson";
import { filterEvents } from "./filter";
import { joinEvents, type EventCollection } from "./join";
import type { PlaceFeature } from "./schema";
import type { Dataset } from "./validate";
import { toCsv } from "./export";
import { didYouMean } from "./problems";
import { parseViewState } from "./url-state";

export interface ApiError {
  error: { code: string; message: string };
}

export type ApiResult<T> = { status: 200; body: T } | { status: 400; body: ApiError };

/** The parameters `GET /api/events` understands. Others are ignored, as servers usually do. */
export const EVENT_PARAMS = ["actors", "from", "to", "place"] as const;

/**
 * `story=<story id>` keeps one story's events: not in the contract, which asks for every story's,
 * but what a story page's "Download" needs, so that it gives the events that page shows.
 */
export const STORY_PARAM = "story";

/** Why a `story` parameter is bad, if it is: given twice, or naming no story. */
function storyProblem(dataset: Dataset, values: string[]): string | undefined {
  const [value] = values;
  if (value === undefined) return undefined;
  const shown = JSON.stringify(values.join(",").slice(0, 60));
  if (values.length > 1) return `${STORY_PARAM}=${shown}: give one story`;
  const ids = dataset.stories.map((s) => s.id);
  return ids.includes(value) ? undefined : `${STORY_PARAM}=${shown}: unknown story${didYouMean(value, ids)}`;
}

/** All places as an RFC 7946 FeatureCollection; each feature's `id` is the place id. */
export function placesCollection(dataset: Dataset): FeatureCollection<Point, PlaceFeature["properties"]> {
  return { type: "FeatureCollection", features: dataset.places.map((p) => structuredClone(p)) };
}

/**
 * The events of every story joined to their places, filtered as the contract says. The first bad
 * parameter is a 400 whose message names it.
 */
export function eventsCollection(dataset: Dataset, query: URLSearchParams): ApiResult<EventCollection> {
  const stories = query.getAll(STORY_PARAM);
  const badStory = storyProblem(dataset, stories);
  if (badStory) return { status: 400, body: { error: { code: "bad_parameter", message: badStory } } };
  const subset = new URLSearchParams();
  for (const name of EVENT_PARAMS) for (const value of query.getAll(name)) subset.append(name, value);
  const known = { places: dataset.places.map((p) => p.id), events: [], actors: dataset.actors.map((a) => a.id) };
  const { state, notices } = parseViewState(subset, known);
  const [first] = notices;
  if (first) {
    const message = `${first.param}=${JSON.stringify(first.value)}: ${first.reason}`;
    return { status: 400, body: { error: { code: "bad_parameter", message } } };
  }
  const events = stories[0] === undefined ? dataset.events : dataset.events.filter((e) => e.story === stories[0]);
  const all = joinEvents(events, dataset.places).features;
  const features = filterEvents(all, { actors: state.actors, from: state.from, to: state.to, place: state.place });
  return { status: 200, body: { type: "FeatureCollection", features } };
}

export const EXPORT_FORMATS = ["geojson", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An HTTP answer as plain data: the route handler only copies it into a Response. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function jsonAnswer(status: number, value: unknown, headers: Record<string, string> = {}): HttpAnswer {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(value) };
}

/**
 * `GET /api/events`: the filtered events as GeoJSON (the default) or, with `format=csv`, as CSV
 * with ACLED's column names. Both name a file in Content-Disposition, so a browser saves them well.
 */
export function eventsAnswer(dataset: Dataset, query: URLSearchParams): HttpAnswer {
  const formats = query.getAll("format");
  const format = formats[0] ?? "geojson";
  if (formats.length > 1 || !EXPORT_FORMATS.includes(format as ExportFormat)) {
    const shown = JSON.stringify(formats.join(",").slice(0, 60));
    return jsonAnswer(400, {
      error: { code: "bad_parameter", message: `format=${shown}: must be one of ${EXPORT_FORMATS.join(", ")}, given once` },
    });
  }
  const result = eventsCollection(dataset, query);
  if (result.status !== 200) return jsonAnswer(result.status, result.body);
  if (format === "geojson") {
    return jsonAnswer(200, result.body, {
      "Content-Type": "application/geo+json; charset=utf-8",
      "Content-Disposition": 'inline; filename="dateline-events.geojson"',
    });
  }
  const sources = new Map(dataset.stories.map((s) => [s.id, s.source]));
  return {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": 'attachment; filename="dateline-events.csv"',
    },
    body: toCsv(result.body.features, { actors: dataset.actors, places: dataset.places, sources }),
  };
}
