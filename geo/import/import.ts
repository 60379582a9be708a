/**
 * `npm run import`: reads an ACLED-style CSV export into a story's context layer (the `context`
 * list of its events.json), row by row from a stream, so that the file is never held whole.
 *
 * Places are matched by name and distance or made (match.ts), actors by name or alias or made,
 * and every event is marked `context`, citing its source row (ACLED's `source` and
 * `event_id_cnty`). Broken rows are reported with row, column and value; every valid row is
 * kept. Re-importing replaces the layer's events of the same ids and keeps the others.
 *
 * Why csv-parse: it is a Node stream (back-pressure, a 100,000-row file in constant memory),
 * reports the line of each record, and can skip a malformed record and carry on
 * (`skip_records_with_error`). papaparse, which the export uses, also streams in Node, but its
 * errors carry the row and not the line, and its stream mode is built around browser files.
 */
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import type { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { isInCountry } from "../countries";
import { formatProblem } from "../problems";
import { readRawDataset } from "../load";
import { contextEventSchema, type Actor, type ContextEvent, type PlaceFeature, type Provenance } from "../schema";
import { validateDataset } from "../validate";
import { ACLED_COLUMNS, EVENT_TYPE_ROLES, type EventType } from "./acled";
import { ActorIndex, PlaceIndex } from "./match";
import { slugOf } from "./names";
import { parseAcledRow, type AcledRecord, type CountryCheck, type RowProblem } from "./rows";

export interface ImportOptions {
  /** The CSV file, or a stream of its bytes. */
  csv: string | Readable;
  /** The data folder (places.geojson, actors.json, stories/). */
  dataDir: string;
  /** The id of the story whose context layer receives the events. */
  story: string;
  /** What the rows are called in citations and new actors' descriptions. */
  dataset?: string;
  /** The https address the citations link to: the export's page. */
  sourceUrl?: string;
  /** Event ids are `<prefix>-<event_id_cnty as a slug>`: "acled-syr1234". */
  idPrefix?: string;
  /** Point-in-country test; the Natural Earth one by default. */
  inCountry?: CountryCheck;
}

export interface ImportReport {
  /** Data rows read (after the header). */
  rows: number;
  /** Events written to the context layer. */
  imported: number;
  /** Context events of the story that an imported event of the same id replaced. */
  replaced: number;
  problems: RowProblem[];
  placesMatched: number;
  placesCreated: PlaceFeature[];
  actorsCreated: Actor[];
  eventsFile: string;
}

/** The import cannot start or finish: the folder, the story or the file's header is wrong. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

export const DEFAULT_DATASET = "ACLED";
export const DEFAULT_SOURCE_URL = "https://acleddata.com/data-export-tool/";

/** The folder of the story with this id, by reading each story.json's id. */
function storyFolder(dataDir: string, story: string): string {
  const storiesDir = path.join(dataDir, "stories");
  const folders = existsSync(storiesDir) ? readdirSync(storiesDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  const ids: string[] = [];
  for (const folder of folders) {
    const file = path.join(storiesDir, folder.name, "story.json");
    const id = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { id?: unknown }).id : undefined;
    if (id === story) return path.join(storiesDir, folder.name);
    if (typeof id === "string") ids.push(id);
  }
  throw new ImportError(`no story "${story}" in ${storiesDir} (the stories are: ${ids.join(", ") || "none"})`);
}

/** Memoises a point-in-country test: ACLED repeats a location's coordinates on every row there. */
function cachedCheck(check: CountryCheck): CountryCheck {
  const known = new Map<string, boolean>();
  return (position, alpha2) => {
    const key = `${alpha2}:${position[0]},${position[1]}`;
    let inside = known.get(key);
    if (inside === undefined) known.set(key, (inside = check(position, alpha2)));
    return inside;
  };
}

function headerCheck(header: string[]): string[] {
  const missing = ACLED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new ImportError(`the CSV header has no column ${missing.map((c) => `"${c}"`).join(", ")} (it has: ${header.join(", ")})`);
  }
  return header;
}

function summaryOf(row: AcledRecord): string {
  const where = [row.location, row.admin1, row.countryName].filter((part) => part !== "").join(", ");
  const base = row.notes || `${row.eventType} in ${where}.`;
  return row.fatalities > 0 ? `${base} Reported fatalities: ${row.fatalities}.` : base;
}

/** The context event of a checked row; the schema checks it once more, so a bug cannot write a bad record. */
function contextEventOf(
  row: AcledRecord,
  id: string,
  place: PlaceFeature,
  actor1: Actor,
  actor2: Actor | undefined,
  citation: Provenance,
): ContextEvent {
  const [role1, role2] = EVENT_TYPE_ROLES[row.eventType as EventType] ?? (["belligerent", "opponent"] as const);
  const actors = [{ actor: actor1.id, role: role1 }];
  if (actor2 && actor2.id !== actor1.id) actors.push({ actor: actor2.id, role: role2 });
  return contextEventSchema.parse({
    id,
    title: `${row.eventType} in ${row.location}`,
    summary: summaryOf(row),
    date: row.date,
    actors,
    places: [{ place: place.id, role: "venue", provenance: citation }],
    provenance: citation,
  });
}

/** The events file's text: the article's events as they were, then the context layer one event per line. */
function eventsFileHead(raw: Record<string, unknown>): string {
  const text = JSON.stringify({ ...raw, context: undefined }, null, 2);
  return `${text.slice(0, text.lastIndexOf("}")).trimEnd()},\n  "context": [`;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

/**
 * Imports the rows of `options.csv` into the context layer of `options.story`, writing the data
 * folder's files (places.geojson and actors.json only when something new was made).
 */
export async function importAcled(options: ImportOptions): Promise<ImportReport> {
  const { dataDir, story } = options;
  const dataset = options.dataset ?? DEFAULT_DATASET;
  const sourceUrl = options.sourceUrl ?? DEFAULT_SOURCE_URL;
  const idPrefix = options.idPrefix ?? slugOf(dataset);
  const inCountry = cachedCheck(options.inCountry ?? isInCountry);
  const folder = storyFolder(dataDir, story);
  const eventsFile = path.join(folder, "events.json");

  const { dataset: data, problems: dataProblems } = validateDataset(readRawDataset(dataDir), options.inCountry ?? isInCountry);
  if (dataProblems.length > 0) {
    const shown = dataProblems.slice(0, 10).map((p) => `  - ${formatProblem(p)}`);
    throw new ImportError(`the data folder ${dataDir} has ${dataProblems.length} problem(s); fix them first:\n${shown.join("\n")}`);
  }
  const places = new PlaceIndex(data.places);
  const actors = new ActorIndex(data.actors, dataset);
  // Ids the layer may not take: every other story's events and this story's own article events.
  const taken = new Map(data.events.filter((e) => e.story !== story || e.quote).map((e) => [e.id, e.story]));

  const rawEvents = JSON.parse(readFileSync(eventsFile, "utf8")) as Record<string, unknown>;
  const layerFile = `${eventsFile}.context.tmp`;
  const layer = createWriteStream(layerFile);
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  const newIds = new Set<string>();
  let placesMatched = 0;
  // The parser numbers the records it could read; a record it skipped is numbered here, so that
  // every row keeps its place in the file. `skipped` holds, for each skip, how many records it
  // read before it; it may run ahead of the loop, which reads records the parser has buffered.
  const skipped: number[] = [];
  let skipsBefore = 0;
  let read = 0;

  const parser = (typeof options.csv === "string" ? createReadStream(options.csv) : options.csv).pipe(
    parse({
      bom: true,
      columns: headerCheck,
      info: true,
      relax_column_count: true,
      // A stray quote inside a field stays in its value (and a bad date or number is reported as
      // such) instead of derailing the parser for the rest of the file.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        const context = error as (CsvError & { lines?: number; records?: number }) | undefined;
        const before = context?.records ?? read;
        skipped.push(before);
        const row = before + skipped.length;
        problems.push({
          row,
          line: context?.lines ?? 0,
          column: "",
          value: "(unreadable)",
          message: error?.message ?? "a malformed CSV record",
        });
        return undefined;
      },
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number; records: number };
    }>) {
      read = info.records;
      while (skipsBefore < skipped.length && (skipped[skipsBefore] as number) < read) skipsBefore += 1;
      const where = { row: read + skipsBefore, line: info.lines };
      const parsed = parseAcledRow(record, where, inCountry);
      if ("problems" in parsed) {
        problems.push(...parsed.problems);
        continue;
      }
      const row = parsed.record;
      const id = `${idPrefix}-${slugOf(row.eventIdCnty)}`;
      const first = firstRowOf.get(id);
      const owner = taken.get(id);
      if (first !== undefined || owner !== undefined || !/^[a-z0-9]/.test(slugOf(row.eventIdCnty))) {
        const why =
          first !== undefined
            ? `duplicate: row ${first} has the same event id`
            : owner !== undefined
              ? `the event id "${id}" is already used in story "${owner}"`
              : "must contain a letter or digit";
        problems.push({ ...where, column: "event_id_cnty", value: JSON.stringify(row.eventIdCnty), message: why });
        continue;
      }
      firstRowOf.set(id, row.row);
      const citation: Provenance = {
        kind: "context",
        citation: { title: `${dataset} ${row.eventIdCnty}`, publisher: row.source || dataset, url: sourceUrl },
      };
      const known = places.created.length;
      const place = places.placeFor({
        name: row.location,
        country: row.country,
        admin1: row.admin1,
        position: row.position,
        coordinatesSource: `${dataset} ${row.eventIdCnty} (geo_precision ${row.geoPrecision})`,
      });
      if (places.created.length === known) placesMatched += 1;
      const event = contextEventOf(
        row,
        id,
        place,
        actors.actorFor(row.actor1),
        row.actor2 ? actors.actorFor(row.actor2) : undefined,
        citation,
      );
      newIds.add(id);
      if (!layer.write(`${newIds.size === 1 ? "" : ","}\n    ${JSON.stringify(event)}`)) await once(layer, "drain");
    }
  } catch (error) {
    layer.destroy();
    await rm(layerFile, { force: true });
    throw error;
  }
  layer.end();
  await once(layer, "close");

  // New places and actors first: should the import stop before the events file is replaced, the
  // folder holds a few unused records, never events naming places that are not there.
  if (places.created.length > 0) {
    const rawPlaces = JSON.parse(readFileSync(path.join(dataDir, "places.geojson"), "utf8")) as { features: unknown[] };
    await writeJson(path.join(dataDir, "places.geojson"), { ...rawPlaces, features: [...rawPlaces.features, ...places.created] });
  }
  if (actors.created.length > 0) {
    const rawActors = JSON.parse(readFileSync(path.join(dataDir, "actors.json"), "utf8")) as { actors: unknown[] };
    await writeJson(path.join(dataDir, "actors.json"), { ...rawActors, actors: [...rawActors.actors, ...actors.created] });
  }

  // The events file: its head, the layer's earlier events that were not re-imported, then the new ones.
  const earlier = Array.isArray(rawEvents.context) ? (rawEvents.context as { id?: unknown }[]) : [];
  const kept = earlier.filter((event) => !newIds.has(String(event.id)));
  const out = createWriteStream(`${eventsFile}.tmp`);
  out.write(eventsFileHead(rawEvents));
  kept.forEach((event, i) => out.write(`${i === 0 ? "" : ","}\n    ${JSON.stringify(event)}`));
  if (kept.length > 0 && newIds.size > 0) out.write(",");
  for await (const chunk of createReadStream(layerFile)) if (!out.write(chunk)) await once(out, "drain");
  out.end("\n  ]\n}\n");
  await once(out, "close");
  await rename(`${eventsFile}.tmp`, eventsFile);
  await rm(layerFile, { force: true });

  return {
    rows: read + skipped.length,
    imported: newIds.size,
    replaced: earlier.length - kept.length,
    problems,
    placesMatched,
    placesCreated: places.created,
    actorsCreated: actors.created,
    eventsFile,
  };
}
