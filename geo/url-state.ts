/**
 * The whole view as a query string (CONTRACT.md, "The page `/` and its URL state"): one parser
 * and one serializer. Bad values are ignored one by one, each with a notice that names it, so a
 * half-broken link still opens as much of its view as it can.
 */
import { isIsoDay } from "./dates";
import { didYouMean } from "./problems";

export interface MapView {
  zoom: number;
  lat: number;
  lng: number;
}

export interface ViewState {
  place?: string;
  event?: string;
  /** Selected actor ids, in registry order; undefined means no actor filter. */
  actors?: string[];
  from?: string;
  to?: string;
  view?: MapView;
}

/** True when the state asks for nothing (no filter, focus or view): the story as it opens, as its page's HTML draws it. */
export function isOpeningState(state: ViewState): boolean {
  return !state.place && !state.event && !state.actors && !state.from && !state.to && !state.view;
}

/** A value that was ignored, and why. The page shows these in a `role="status"` notice. */
export interface Notice {
  param: string;
  value: string;
  reason: string;
}

/** The ids a link may name; anything else is reported. */
export interface KnownIds {
  places: readonly string[];
  events: readonly string[];
  actors: readonly string[];
  /** The places of each event, to check that `place` and `event` agree. */
  placesOfEvent?: (eventId: string) => readonly string[];
  /**
   * True while a large story's events are still on their way (geo/story.ts `deferred`): any
   * place or event id is kept for now, so that a link into them is not dropped before they arrive.
   */
  pending?: boolean;
}

export const PARAMS = ["place", "event", "actors", "from", "to", "view"] as const;
export type ParamName = (typeof PARAMS)[number];

/**
 * A query that names any of the view's parameters, as a pattern's source: the inline scripts that
 * run before the app (components/urlStatePending.ts, components/startOnIntent.ts) cannot import.
 * Other parameters (Pym's `childId`, `utm_source`…) ask for no view.
 */
export const VIEW_QUERY_PATTERN = `[?&](${PARAMS.join("|")})(=|&|$)`;

/** True when a query string (`location.search`) asks for a view: a place, an event, a filter, a view. */
export function asksForView(search: string): boolean {
  return new RegExp(VIEW_QUERY_PATTERN).test(search);
}

export const MIN_ZOOM = 0;
export const MAX_ZOOM = 19;
const VIEW = /^(\d{1,2})\/(-?\d{1,3}(?:\.\d{1,8})?)\/(-?\d{1,3}(?:\.\d{1,8})?)$/;
/** Longer values are never valid, and echoing them back would only make the notice unreadable. */
const MAX_SHOWN = 60;

function shown(raw: string): string {
  // Control characters (a NUL from %00, say) are shown as the replacement mark: they are not text.
  const value = raw.replace(/[\u0000-\u001f\u007f]/g, "\uFFFD");
  if (value.length <= MAX_SHOWN) return value;
  // Never end on the first half of a surrogate pair: a lone half renders as "�".
  return `${value.slice(0, MAX_SHOWN - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;
}

/** Parses `zoom/lat/lng` as on openstreetmap.org; undefined unless every part is in range. */
export function parseMapView(text: string): MapView | undefined {
  const match = VIEW.exec(text);
  if (!match) return undefined;
  const [zoom, lat, lng] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (zoom < MIN_ZOOM || zoom > MAX_ZOOM || Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return { zoom, lat, lng };
}

/** Decimals that resolve about one pixel at a zoom level, as openstreetmap.org writes them. */
export function viewDecimals(zoom: number): number {
  return Math.min(6, Math.max(0, Math.ceil(zoom * Math.LOG10E * Math.LN2) - 1));
}

export function formatMapView(view: MapView): string {
  const decimals = viewDecimals(view.zoom);
  const round = (n: number) => {
    const text = n.toFixed(decimals);
    return Number(text) === 0 ? (0).toFixed(decimals) : text; // never "-0.00"
  };
  return `${Math.round(view.zoom)}/${round(view.lat)}/${round(view.lng)}`;
}

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

/** Every value given for a parameter, from URLSearchParams or Next's `searchParams` object. */
function valuesOf(source: ParamSource, name: string): string[] {
  if (source instanceof URLSearchParams) return source.getAll(name);
  const value = source[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function unknownId(kind: string, value: string, known: readonly string[]): string {
  return `no ${kind} has this id${didYouMean(value, known)}`;
}

/**
 * Reads the view from a query string. Never throws: each bad value becomes a notice and is left
 * out of the state, and the rest applies.
 */
export function parseViewState(source: ParamSource, known: KnownIds): { state: ViewState; notices: Notice[] } {
  const state: ViewState = {};
  const notices: Notice[] = [];
  const ignore = (param: string, value: string, reason: string) => notices.push({ param, value: shown(value), reason });

  // An empty value (`?place=`) is no value: forms and hand-edited links leave them behind.
  const single = (name: ParamName): string | undefined => {
    const [first, ...rest] = valuesOf(source, name).filter((value) => value !== "");
    for (const extra of rest) ignore(name, extra, `"${name}" was given more than once; the first value is used`);
    return first;
  };

  const place = single("place");
  if (place !== undefined) {
    if (known.pending || known.places.includes(place)) state.place = place;
    else ignore("place", place, unknownId("place", place, known.places));
  }

  const event = single("event");
  if (event !== undefined) {
    if (known.pending || known.events.includes(event)) state.event = event;
    else ignore("event", event, unknownId("event", event, known.events));
  }
  if (state.place && state.event && known.placesOfEvent && !known.placesOfEvent(state.event).includes(state.place)) {
    ignore("place", state.place, `event "${state.event}" did not happen there; showing the event`);
    delete state.place;
  }

  const actors = single("actors");
  if (actors !== undefined) {
    const chosen = new Set<string>();
    for (const id of actors
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (known.actors.includes(id)) chosen.add(id);
      else ignore("actors", id, unknownId("actor", id, known.actors));
    }
    if (chosen.size > 0) state.actors = known.actors.filter((id) => chosen.has(id));
  }

  for (const name of ["from", "to"] as const) {
    const value = single(name);
    if (value === undefined) continue;
    if (isIsoDay(value)) state[name] = value;
    else ignore(name, value, "not a real calendar day written YYYY-MM-DD");
  }
  if (state.from && state.to && state.from > state.to) {
    ignore("to", state.to, `"to" is before "from" (${state.from}); the date range is ignored`);
    delete state.from;
    delete state.to;
  }

  const view = single("view");
  if (view !== undefined) {
    const parsed = parseMapView(view);
    if (parsed) state.view = parsed;
    else ignore("view", view, `not zoom/lat/lng with zoom ${MIN_ZOOM}-${MAX_ZOOM}, latitude -90 to 90, longitude -180 to 180`);
  }

  return { state, notices };
}

/**
 * Writes the view as a query string without the leading `?`, parameters in a fixed order so
 * that the same view is always the same link. Commas in `actors` stay readable.
 */
export function serializeViewState(state: ViewState): string {
  const parts: string[] = [];
  const add = (name: ParamName, value: string | undefined) => {
    if (value !== undefined && value !== "") parts.push(`${name}=${encodeURIComponent(value).replace(/%2C/g, ",").replace(/%2F/g, "/")}`);
  };
  add("place", state.place);
  add("event", state.event);
  add("actors", state.actors?.join(","));
  add("from", state.from);
  add("to", state.to);
  add("view", state.view && formatMapView(state.view));
  return parts.join("&");
}

/** The filter part of a state: what decides which events are shown. */
export function filterOf(state: ViewState) {
  return { actors: state.actors, from: state.from, to: state.to };
}
