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
import { z } from "zod";
import {
  actorRoles,
  citationSchema,
  placeFeatureSchema,
  placeRoles,
  type AnyEvent,
  type Citation,
  type PlaceFeature,
  type Provenance,
} from "./schema";

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

const envelopeSchema = z.object({
  format: z.literal(EVENTS_FILE_FORMAT),
  story: z.string(),
  places: z.array(placeFeatureSchema),
  citations: z.array(citationSchema),
  events: z.array(z.unknown()),
});

const ACTOR_ROLES: ReadonlySet<string> = new Set(actorRoles);
const PLACE_ROLES: ReadonlySet<string> = new Set(placeRoles);
const isString = (v: unknown): v is string => typeof v === "string";
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= -1;
const isPair = (v: unknown, first: (x: unknown) => boolean, second: (x: unknown) => boolean, third?: (x: unknown) => boolean) =>
  Array.isArray(v) && v.length === (third ? 3 : 2) && first(v[0]) && second(v[1]) && (!third || third(v[2]));

/**
 * Why a row is not a CompactEvent, or undefined when it is. Written out rather than a zod tuple:
 * ten thousand rows go through here while the reader waits, and a schema walk took ten times longer.
 */
function compactEventProblem(row: unknown): string | undefined {
  if (!Array.isArray(row) || row.length < 8 || row.length > 9) return "must be an array of 8 or 9 fields";
  const [id, title, summary, date, actors, places, quote, provenance, dateProvenance] = row as unknown[];
  if (![id, title, summary, date].every(isString)) return "id, title, summary and date must be text";
  if (!Array.isArray(actors) || !actors.every((a) => isPair(a, isString, (r) => ACTOR_ROLES.has(r as string))))
    return "actors must be [actor, role] pairs";
  if (!Array.isArray(places) || !places.every((p) => isPair(p, isString, (r) => PLACE_ROLES.has(r as string), isIndex))) {
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
  const parsed = envelopeSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`events file: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "not a Dateline events file"}`);
  }
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
