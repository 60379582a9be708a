/**
 * A large story's events as one compact data file (`/stories/<id>/events.json`), fetched once by
 * the page and joined in the browser, so that the page's HTML stays the size of a small story's.
 *
 * Compact JSON rather than GeoJSON or FlatGeobuf: a place's point is written once, not once per
 * event as a feature would repeat it; citations (ten thousand rows of one source) are written once
 * and referred to by index; a quote is its offsets only, since its words are the article's, which
 * the page already holds. FlatGeobuf's strength, reading the features inside a box as they stream
 * in, is not what the page needs: it filters every event by actor and date, so it takes them all at
 * once, and FlatGeobuf would repeat each place's point per event and flatten the nested actors.
 */
// Types only: zod must stay out of the page's scripts (its parser tries `Function("")`, which the
// page's CSP reports as an eval), and the file is this site's own output, checked here by hand.
import type { AnyEvent, Citation, PlaceFeature, Provenance } from "./schema";

export const EVENTS_FILE_FORMAT = "dateline-events/1";

/** Where a fact comes from: -1 for the article, else an index into `citations`. */
type CompactProvenance = number;

/**
 * One event: [id, title, summary, date, actors, places, [quoteStart, quoteEnd] or null for an event
 * of the context layer (which has no words in the article), provenance, dateProvenance?].
 */
export type CompactEvent = [
  id: string,
  title: string,
  summary: string,
  date: string,
  actors: [actor: string, role: AnyEvent["actors"][number]["role"]][],
  places: [place: string, role: AnyEvent["places"][number]["role"], provenance: CompactProvenance][],
  quote: [start: number, end: number] | null,
  provenance: CompactProvenance,
  dateProvenance?: CompactProvenance,
];

export interface EventsFile {
  format: typeof EVENTS_FILE_FORMAT;
  story: string;
  /** Every place the story's events name. */
  places: PlaceFeature[];
  citations: Citation[];
  events: CompactEvent[];
}

/** The data file for one story's events and the places they name. */
export function encodeEventsFile(story: string, events: readonly AnyEvent[], places: readonly PlaceFeature[]): EventsFile {
  const citations: Citation[] = [];
  const citationIndex = new Map<string, number>();
  const provenance = (p: Provenance): CompactProvenance => {
    if (p.kind === "article") return -1;
    const key = JSON.stringify([p.citation.title, p.citation.publisher, p.citation.url]);
    let index = citationIndex.get(key);
    if (index === undefined) {
      index = citations.push({ title: p.citation.title, publisher: p.citation.publisher, url: p.citation.url }) - 1;
      citationIndex.set(key, index);
    }
    return index;
  };
  const compact = events.map((e): CompactEvent => {
    const row: CompactEvent = [
      e.id,
      e.title,
      e.summary,
      e.date,
      e.actors.map((a) => [a.actor, a.role]),
      e.places.map((p) => [p.place, p.role, provenance(p.provenance)]),
      e.quote ? [e.quote.start, e.quote.end] : null,
      provenance(e.provenance),
    ];
    if (e.dateProvenance) row.push(provenance(e.dateProvenance));
    return row;
  });
  return { format: EVENTS_FILE_FORMAT, story, places: [...places], citations, events: compact };
}

const isString = (v: unknown): v is string => typeof v === "string";
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= -1;
const isPair = (v: unknown, first: (x: unknown) => boolean, second: (x: unknown) => boolean, third?: (x: unknown) => boolean) =>
  Array.isArray(v) && v.length === (third ? 3 : 2) && first(v[0]) && second(v[1]) && (!third || third(v[2]));

/** Whether a value looks like a place feature: an id, a point, a name. */
function isPlace(value: unknown): value is PlaceFeature {
  const place = value as PlaceFeature | null;
  const [lng, lat, ...rest] = Array.isArray(place?.geometry?.coordinates) ? place.geometry.coordinates : [];
  return (
    isString(place?.id) &&
    place?.geometry?.type === "Point" &&
    Number.isFinite(lng) &&
    Number.isFinite(lat) &&
    rest.length === 0 &&
    isString(place?.properties?.name)
  );
}

const isCitation = (value: unknown): value is Citation =>
  [(value as Citation | null)?.title, (value as Citation | null)?.publisher, (value as Citation | null)?.url].every(isString);

/** The file's outer shape, or an error naming the first thing wrong with it. */
function checkedEnvelope(input: unknown): Omit<EventsFile, "events"> & { events: unknown[] } {
  const file = input as Partial<Record<keyof EventsFile, unknown>> | null;
  const fail = (what: string) => new Error(`events file: ${what}`);
  if (file?.format !== EVENTS_FILE_FORMAT) throw fail(`format: must be "${EVENTS_FILE_FORMAT}"`);
  if (!isString(file.story)) throw fail("story: must be a story id");
  if (!Array.isArray(file.places)) throw fail("places: must be a list");
  const badPlace = file.places.findIndex((p) => !isPlace(p));
  if (badPlace >= 0) throw fail(`places.${badPlace}: must be a place feature with an id, a point and a name`);
  if (!Array.isArray(file.citations) || !file.citations.every(isCitation))
    throw fail("citations: must be a list of { title, publisher, url }");
  if (!Array.isArray(file.events)) throw fail("events: must be a list");
  return {
    format: EVENTS_FILE_FORMAT,
    story: file.story,
    places: file.places as PlaceFeature[],
    citations: file.citations,
    events: file.events,
  };
}

/**
 * Why a row is not a CompactEvent, or undefined when it is. Written out rather than a schema:
 * ten thousand rows go through here while the reader waits, and a schema walk took ten times longer.
 */
function compactEventProblem(row: unknown): string | undefined {
  if (!Array.isArray(row) || row.length < 8 || row.length > 9) return "must be an array of 8 or 9 fields";
  const [id, title, summary, date, actors, places, quote, provenance, dateProvenance] = row as unknown[];
  if (![id, title, summary, date].every(isString)) return "id, title, summary and date must be text";
  if (!Array.isArray(actors) || !actors.every((a) => isPair(a, isString, isString))) return "actors must be [actor, role] pairs";
  if (!Array.isArray(places) || !places.every((p) => isPair(p, isString, isString, isIndex))) {
    return "places must be [place, role, provenance] triples";
  }
  const offset = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (quote !== null && !isPair(quote, offset, offset)) return "quote must be [start, end] or null";
  if (!isIndex(provenance) || (dateProvenance !== undefined && !isIndex(dateProvenance)))
    return "provenance must be -1 or a citation's index";
  return undefined;
}

/**
 * The story's events and places back from a data file; `text` is the article the quotes point into.
 * Throws naming the first problem (the file is this site's own, so a problem is a bug or a stale cache).
 */
export function decodeEventsFile(input: unknown, text: string): { story: string; events: AnyEvent[]; places: PlaceFeature[] } {
  const parsed = { data: checkedEnvelope(input) };
  parsed.data.events.forEach((row, i) => {
    const problem = compactEventProblem(row);
    if (problem) throw new Error(`events file: events.${i}: ${problem}`);
  });
  const rows = parsed.data.events as CompactEvent[];
  const { citations } = parsed.data;
  const provenance = (index: number, where: string): Provenance => {
    if (index === -1) return { kind: "article" };
    const citation = citations[index];
    if (!citation) throw new Error(`events file: ${where} names citation ${index}, but there are ${citations.length}`);
    return { kind: "context", citation };
  };
  const events = rows.map(([id, title, summary, date, actors, places, quote, prov, dateProv]): AnyEvent => {
    const common = {
      id,
      title,
      summary,
      date,
      actors: actors.map(([actor, role]) => ({ actor, role })),
      places: places.map(([place, role, p]) => ({ place, role, provenance: provenance(p, `event "${id}" place "${place}"`) })),
      ...(dateProv !== undefined && { dateProvenance: provenance(dateProv, `event "${id}" date`) }),
    };
    const source = provenance(prov, `event "${id}"`);
    if (quote) return { ...common, quote: { start: quote[0], end: quote[1], text: text.slice(quote[0], quote[1]) }, provenance: source };
    if (source.kind !== "context") throw new Error(`events file: event "${id}" has no quote, so it must cite where it comes from`);
    return { ...common, provenance: source };
  });
  return { story: parsed.data.story, events, places: parsed.data.places };
}
