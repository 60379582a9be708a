/**
 * Turns the raw data files into a typed, cross-checked dataset. Bad records are collected as
 * problems with file, record, field and value, and left out; every valid record is kept.
 * `npm run validate`, `next build` and the tests all go through here.
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { Position } from "geojson";
import type { z } from "zod";
import { admin1Area, admin1At, admin1Codes, admin1Units } from "./admin1";
import { isInCountry, countryAt } from "./countries";
import { didYouMean, showValue, type Problem } from "./problems";
import {
  actorSchema,
  actorsFileSchema,
  contextEventSchema,
  eventSchema,
  eventsFileSchema,
  placeFeatureSchema,
  placesFileSchema,
  storySchema,
  type Actor,
  type AnyEvent,
  type PlaceFeature,
  type Story,
} from "./schema";

/** A data file as read from disk: its path (for messages) and its parsed JSON. */
export interface RawFile {
  file: string;
  json: unknown;
  /** Why the file could not be read or parsed as JSON, if it could not. */
  readError?: string;
}

export interface RawDataset {
  /** The folder the stories were read from, for messages about the stories as a whole. */
  storiesDir: string;
  places: RawFile;
  actors: RawFile;
  /** Each story is its article file and its events file. */
  stories: { story: RawFile; events: RawFile }[];
}

/** An event of either layer with the story it belongs to; context events have no `quote`. */
export type DatasetEvent = AnyEvent & { story: string };

export interface Dataset {
  places: PlaceFeature[];
  actors: Actor[];
  stories: Story[];
  events: DatasetEvent[];
}

export interface ValidationResult {
  dataset: Dataset;
  problems: Problem[];
}

/** Decides whether a point lies in a country; injectable so tests can use a fake. */
export type CountryCheck = (position: Position, alpha2: string) => boolean;

const MAX_DECIMALS = 6;

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let value = record;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** How a record is named in messages: by its id when it has a usable one, else by position. */
function recordName(kind: string, record: unknown, index: number): string {
  const id = valueAt(record, ["id"]);
  return typeof id === "string" && id.length > 0 ? `${kind} "${id}"` : `${kind} #${index + 1}`;
}

function zodProblems(file: string, record: string, raw: unknown, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    record,
    field: issue.path.join("."),
    value: showValue(valueAt(raw, issue.path)),
    message: issue.message,
  }));
}

/** Parses every record of a list with a schema, keeping the valid ones and the problems of the rest. */
function parseRecords<T>(file: string, kind: string, records: unknown[], schema: z.ZodType<T>, problems: Problem[]): T[] {
  const valid: T[] = [];
  records.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) valid.push(result.data);
    else problems.push(...zodProblems(file, recordName(kind, raw, index), raw, result.error));
  });
  return valid;
}

/** Parses a file's outer shape; on failure reports it and returns undefined. */
function parseFile<T>(raw: RawFile, schema: z.ZodType<T>, problems: Problem[]): T | undefined {
  if (raw.readError !== undefined) {
    problems.push({ file: raw.file, record: "the file", field: "", value: "(unreadable)", message: raw.readError });
    return undefined;
  }
  const result = schema.safeParse(raw.json);
  if (!result.success) problems.push(...zodProblems(raw.file, "the file", raw.json, result.error));
  return result.success ? result.data : undefined;
}

/** Keeps the first record with each id and reports the others. */
function withoutDuplicates<T extends { id: string }>(file: string, kind: string, records: T[], problems: Problem[]): T[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    if (!seen.has(record.id)) return seen.add(record.id);
    problems.push({ file, record: `${kind} "${record.id}"`, field: "id", value: showValue(record.id), message: `duplicate ${kind} id` });
    return false;
  });
}

/**
 * The problem with a record whose id was already written in this or another file, naming both
 * files; records the id's first file otherwise. `seen` maps each id to the file it came first in.
 */
function duplicateProblem(file: string, kind: string, id: string, seen: Map<string, string>, rule: string): Problem | undefined {
  const first = seen.get(id);
  if (first === undefined) {
    seen.set(id, file);
    return undefined;
  }
  const where = first === file ? "earlier in this file" : `in ${first}`;
  return { file, record: `${kind} "${id}"`, field: "id", value: showValue(id), message: `duplicate ${kind} id: also ${where} (${rule})` };
}

function decimals(n: number): number {
  const text = String(n);
  return text.includes(".") ? (text.split(".")[1] ?? "").length : 0;
}

/** Why an admin-1 code cannot outline a place in `country`, if it cannot. */
function admin1CodeMessage(code: string, country: string): string | undefined {
  const units = admin1Units(code);
  const unit = units[0];
  if (!unit) {
    const codes = admin1Codes();
    const sameCountry = codes.filter((c) => c.startsWith(`${country}-`));
    return `unknown Natural Earth admin-1 code${didYouMean(code, sameCountry) || didYouMean(code, codes)}`;
  }
  const names = [...new Set(units.map((u) => u.name))];
  if (names.length > 1) return `ambiguous: Natural Earth gives this code to ${names.join(" and ")}`;
  if (unit.country !== country) return `Natural Earth puts ${unit.name} (${code}) in ${unit.country}, not in ${country}`;
  return undefined;
}

/**
 * Checks a place's outline against Natural Earth. An admin-1 code must exist (did-you-mean among
 * the country's codes first), name one unit, lie in the place's country and contain the place's
 * point; a country outline must be the place's own country, whose shape the point was checked
 * against already. `pointChecked`: the point passed its own checks, so testing it means something.
 */
function outlineProblems(file: string, place: PlaceFeature, pointChecked: boolean): Problem[] {
  const { outline, country } = place.properties;
  const record = `place "${place.id}"`;
  if (outline?.naturalEarthCountry !== undefined && outline.naturalEarthCountry !== country) {
    const field = "properties.outline.naturalEarthCountry";
    return [{ file, record, field, value: showValue(outline.naturalEarthCountry), message: `must be the place's own country ${country}` }];
  }
  const code = outline?.naturalEarthAdmin1;
  if (code === undefined) return [];
  const message = admin1CodeMessage(code, country);
  if (message !== undefined) return [{ file, record, field: "properties.outline.naturalEarthAdmin1", value: showValue(code), message }];

  const area = admin1Area(code);
  const position = place.geometry.coordinates;
  if (!pointChecked || !area || booleanPointInPolygon(position, area.geometry)) return [];
  const actual = admin1At(position, country);
  const where = actual === undefined ? "" : `: it is in ${actual.name} (${actual.code})`;
  return [
    {
      file,
      record,
      field: "geometry.coordinates",
      value: showValue(position),
      message: `point lies outside its outline ${area.name} (${code})${where}`,
    },
  ];
}

function placeProblems(file: string, place: PlaceFeature, inCountry: CountryCheck): Problem[] {
  const position = place.geometry.coordinates;
  const record = `place "${place.id}"`;
  const problems: Problem[] = [];
  if (position.some((n) => decimals(n) > MAX_DECIMALS)) {
    problems.push({
      file,
      record,
      field: "geometry.coordinates",
      value: showValue(position),
      message: `use at most ${MAX_DECIMALS} decimals`,
    });
  } else if (!inCountry(position, place.properties.country)) {
    const actual = countryAt(position);
    const swapped = inCountry([position[1], position[0]], place.properties.country) ? "; longitude and latitude look swapped" : "";
    const where = actual === undefined ? "in no country (at sea?)" : `in ${actual}`;
    problems.push({
      file,
      record,
      field: "geometry.coordinates",
      value: showValue(position),
      message: `point lies outside its country ${place.properties.country}: it is ${where}${swapped}`,
    });
  }
  return [...problems, ...outlineProblems(file, place, problems.length === 0)];
}

/** Ids a reference may name, and ids written in the data but rejected for problems of their own. */
interface Known {
  valid: readonly string[];
  /** `valid` as a set: a context layer of 10,000 events checks 20,000 references. */
  validSet: ReadonlySet<string>;
  rejected: ReadonlySet<string>;
}

function referenceMessage(kind: string, id: string, known: Known): string | undefined {
  if (known.validSet.has(id)) return undefined;
  if (known.rejected.has(id)) return `this ${kind} was rejected: see its own problem above`;
  return `unknown ${kind}${didYouMean(id, known.valid)}`;
}

/** The ids of a list's records as written, whether or not the records passed the schema. */
function writtenIds(records: readonly unknown[]): string[] {
  return records.map((record) => valueAt(record, ["id"])).filter((id): id is string => typeof id === "string");
}

function eventProblems(file: string, event: AnyEvent, story: Story, places: Known, actors: Known): Problem[] {
  const record = `event "${event.id}"`;
  const problems: Problem[] = [];
  const references = [
    ...event.actors.map(({ actor }, i) => ({ kind: "actor", id: actor, field: `actors.${i}.actor`, known: actors })),
    ...event.places.map(({ place }, i) => ({ kind: "place", id: place, field: `places.${i}.place`, known: places })),
  ];
  const seen = new Set<string>();
  for (const { kind, id, field, known } of references) {
    const message = seen.has(`${kind}:${id}`) ? `${kind} listed twice in one event` : referenceMessage(kind, id, known);
    seen.add(`${kind}:${id}`);
    if (message) problems.push({ file, record, field, value: showValue(id), message });
  }
  if (!event.quote) return problems;
  const { start, end, text } = event.quote;
  const atOffsets = story.text.slice(start, end);
  if (end > story.text.length || start >= end || atOffsets !== text) {
    problems.push({
      file,
      record,
      field: "quote",
      value: showValue({ start, end }),
      message: `the article's text at ${start}..${end} is ${showValue(atOffsets)}, not the quote ${showValue(text)}`,
    });
  }
  return problems;
}

/**
 * Validates the whole dataset. Records with problems are left out, references to them too
 * (an event naming an unknown place is dropped), and every problem is reported.
 */
export function validateDataset(raw: RawDataset, inCountry: CountryCheck = isInCountry): ValidationResult {
  const problems: Problem[] = [];

  const placeRecords = parseFile(raw.places, placesFileSchema, problems)?.features ?? [];
  const parsedPlaces = parseRecords(raw.places.file, "place", placeRecords, placeFeatureSchema, problems);
  const places = withoutDuplicates(raw.places.file, "place", parsedPlaces, problems).filter((place) => {
    const found = placeProblems(raw.places.file, place, inCountry);
    problems.push(...found);
    return found.length === 0;
  });

  const actorRecords = parseFile(raw.actors, actorsFileSchema, problems)?.actors ?? [];
  const actors = withoutDuplicates(
    raw.actors.file,
    "actor",
    parseRecords(raw.actors.file, "actor", actorRecords, actorSchema, problems),
    problems,
  );

  // Every id written in a file, not just those that passed the schema: a place rejected for a bad
  // latitude is "rejected", not "unknown", to the events that name it.
  const knownOf = (valid: string[], records: readonly unknown[]): Known => {
    const validSet = new Set(valid);
    return { valid, validSet, rejected: new Set(writtenIds(records).filter((id) => !validSet.has(id))) };
  };
  const knownPlaces = knownOf(
    places.map((p) => p.id),
    placeRecords,
  );
  const knownActors = knownOf(
    actors.map((a) => a.id),
    actorRecords,
  );
  const stories: Story[] = [];
  const events: DatasetEvent[] = [];
  // The file each id was first written in, so that a duplicate names both files.
  const storyFiles = new Map<string, string>();
  const eventFiles = new Map<string, string>();

  for (const files of raw.stories) {
    const story = parseFile(files.story, storySchema, problems);
    const eventsFile = parseFile(files.events, eventsFileSchema, problems);
    if (!story || !eventsFile) continue;
    const storyDuplicate = duplicateProblem(files.story.file, "story", story.id, storyFiles, "story ids are unique");
    if (storyDuplicate) {
      problems.push(storyDuplicate);
      continue;
    }
    stories.push(story);
    if (eventsFile.story !== story.id) {
      problems.push({
        file: files.events.file,
        record: "the file",
        field: "story",
        value: showValue(eventsFile.story),
        message: `must be the id of its story, "${story.id}"`,
      });
      continue;
    }
    const storyEvents: AnyEvent[] = [
      ...parseRecords(files.events.file, "event", eventsFile.events, eventSchema, problems),
      ...parseRecords(files.events.file, "context event", eventsFile.context ?? [], contextEventSchema, problems),
    ];
    for (const event of storyEvents) {
      const found = eventProblems(files.events.file, event, story, knownPlaces, knownActors);
      const duplicate = duplicateProblem(files.events.file, "event", event.id, eventFiles, "event ids are unique across all stories");
      if (duplicate) found.push(duplicate);
      problems.push(...found);
      if (found.length === 0) events.push({ ...event, story: story.id });
    }
  }

  if (raw.stories.length === 0) {
    problems.push({
      file: raw.storiesDir,
      record: "the stories",
      field: "",
      value: "(none)",
      message: 'no story: add a folder stories/<slug>/ with story.json and events.json (README, "Adding a place, an event or a story")',
    });
  }
  const frontPages = stories.filter((s) => s.frontPage);
  if (stories.length > 0 && frontPages.length !== 1) {
    problems.push({
      file: raw.stories[0]?.story.file ?? raw.storiesDir,
      record: "the stories",
      field: "frontPage",
      value: showValue(frontPages.map((s) => s.id)),
      message: 'exactly one story must have "frontPage": true (the story `/` shows)',
    });
  }

  return { dataset: { places, actors, stories, events }, problems };
}
