/**
 * The HTTP API's logic (CONTRACT.md "HTTP API"), apart from Next's route handlers so it can be
 * tested without a server: query parameters in, a status and a JSON body out.
 */
import type { FeatureCollection, Point } from "geojson";
import { filterEvents } from "./filter";
import { joinEvents, type EventCollection, type EventFeature } from "./join";
import type { PlaceFeature } from "./schema";
import type { Dataset } from "./validate";
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

/** What every events query of a dataset shares, made once per dataset: the known ids and the joined events. */
interface Prepared {
  known: { places: string[]; events: never[]; actors: string[] };
  /** Joined features by story id; "" holds every story's. */
  joined: Map<string, readonly EventFeature[]>;
}

// Keyed by the dataset object: loadDataset() returns the same one for the server's life, and a
// test's own dataset gets its own entry, dropped with it.
const prepared = new WeakMap<Dataset, Prepared>();

function preparedOf(dataset: Dataset): Prepared {
  let entry = prepared.get(dataset);
  if (!entry) {
    entry = {
      known: { places: dataset.places.map((p) => p.id), events: [], actors: dataset.actors.map((a) => a.id) },
      joined: new Map(),
    };
    prepared.set(dataset, entry);
  }
  return entry;
}

/** The dataset's events joined to their places, of one story or all: joined on first use, then reused. */
function joinedOf(entry: Prepared, dataset: Dataset, story: string | undefined): readonly EventFeature[] {
  const key = story ?? "";
  let features = entry.joined.get(key);
  if (!features) {
    const events = story === undefined ? dataset.events : dataset.events.filter((e) => e.story === story);
    features = joinEvents(events, dataset.places).features;
    entry.joined.set(key, features);
  }
  return features;
}

/** All places as an RFC 7946 FeatureCollection; each feature's `id` is the place id. */
export function placesCollection(dataset: Dataset): FeatureCollection<Point, PlaceFeature["properties"]> {
  return { type: "FeatureCollection", features: dataset.places.map((p) => structuredClone(p)) };
}

/**
 * The events of every story joined to their places, filtered as the contract says. The first bad
 * parameter is a 400 whose message names it. The join is made once per dataset and shared by
 * every query (the features are not copied: callers serialise them and must not change them).
 */
export function eventsCollection(dataset: Dataset, query: URLSearchParams): ApiResult<EventCollection> {
  const stories = query.getAll(STORY_PARAM);
  const badStory = storyProblem(dataset, stories);
  if (badStory) return { status: 400, body: { error: { code: "bad_parameter", message: badStory } } };
  const subset = new URLSearchParams();
  for (const name of EVENT_PARAMS) for (const value of query.getAll(name)) subset.append(name, value);
  const prepared = preparedOf(dataset);
  const { state, notices } = parseViewState(subset, prepared.known);
  const [first] = notices;
  if (first) {
    const message = `${first.param}=${JSON.stringify(first.value)}: ${first.reason}`;
    return { status: 400, body: { error: { code: "bad_parameter", message } } };
  }
  const all = joinedOf(prepared, dataset, stories[0]);
  const filter = { actors: state.actors, from: state.from, to: state.to, place: state.place };
  const unfiltered = !filter.actors?.length && filter.from === undefined && filter.to === undefined && filter.place === undefined;
  const features = unfiltered ? [...all] : filterEvents(all, filter);
  return { status: 200, body: { type: "FeatureCollection", features } };
}
