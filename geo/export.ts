/**
 * Export of the joined events as CSV, with the column names people who work with conflict data
 * know from ACLED, plus the article's quote and the provenance. One row per (event, place), as
 * the GeoJSON has one feature per pair. Written with papaparse, which quotes commas, quotes and
 * line breaks inside fields, and neutralises text that a spreadsheet would run as a formula.
 */
import Papa from "papaparse";
import type { EventFeature } from "./join";
import type { Actor, PlaceFeature, Provenance } from "./schema";

export const CSV_COLUMNS = [
  "event_id",
  "event_date",
  "time_precision",
  "actor1",
  "actor2",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "notes",
  "source",
  "quote",
  "provenance",
  "date",
  "date_end",
  "actors",
  "place_id",
  "place_role",
  "title",
] as const;

/** The columns that hold numbers. Every other column is text, and is neutralised (FORMULA_START). */
export const NUMERIC_COLUMNS = ["time_precision", "latitude", "longitude", "geo_precision"] as const;

type NumericColumn = (typeof NUMERIC_COLUMNS)[number];
type TextColumn = Exclude<(typeof CSV_COLUMNS)[number], NumericColumn>;

/** A row before it is written: numbers as numbers, so that only the text is neutralised. */
export type CsvRow = Record<TextColumn, string> & Record<NumericColumn, number>;

/**
 * Text starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP,
 * "CSV Injection"); papaparse writes such a cell with a `'` in front, which makes it text. Not
 * papaparse's own pattern for `escapeFormulae: true`, /^[=+\-@\t\r].*$/: its `.*$` fails on a
 * line break, so "=1+1\nmore" would be written as it is. papaparse leaves number values alone, so
 * a longitude of -3.5 stays -3.5, but would escape the string "-3.5": hence CsvRow's types.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** ACLED's time precision: 1 the exact day, 2 within a week or so, 3 a month or longer. */
const TIME_PRECISION = { day: 1, month: 3, year: 3, interval: 3 } as const;

/** ACLED's geo precision: 1 the exact site, 2 a town or near it, 3 a region or larger. */
function geoPrecision(place: PlaceFeature | undefined): number {
  if (!place || place.properties.precision === "exact") return 1;
  return place.properties.kind === "city" ? 2 : 3;
}

function provenanceText(label: string, provenance: Provenance): string | undefined {
  if (provenance.kind === "article") return undefined;
  const { citation } = provenance;
  return `${label}: ${citation.title} (${citation.publisher}) ${citation.url}`;
}

export interface ExportContext {
  actors: readonly Actor[];
  places: readonly PlaceFeature[];
  /** Story id to the article's source line, for the `source` column. */
  sources: ReadonlyMap<string, string>;
}

/** The rows of the CSV, one per feature: the NUMERIC_COLUMNS as numbers, the rest as text. */
export function csvRows(features: readonly EventFeature[], context: ExportContext): CsvRow[] {
  const actorName = (id: string | undefined) => (id === undefined ? "" : (context.actors.find((a) => a.id === id)?.name ?? id));
  return features.map(({ properties: p, geometry }) => {
    const [longitude = 0, latitude = 0] = geometry.coordinates;
    const context_ = [
      provenanceText("event", p.provenance),
      provenanceText("place", p.placeProvenance),
      provenanceText("date", p.dateProvenance),
    ].filter(Boolean);
    return {
      event_id: p.eventId,
      event_date: p.start,
      time_precision: TIME_PRECISION[p.precision],
      actor1: actorName(p.actors[0]),
      actor2: actorName(p.actors[1]),
      location: p.placeName,
      latitude,
      longitude,
      geo_precision: geoPrecision(context.places.find((place) => place.id === p.placeId)),
      notes: p.summary,
      source: context.sources.get(p.story) ?? p.story,
      quote: p.quote ?? "",
      provenance: context_.length === 0 ? "article" : `context: ${context_.join("; ")}`,
      date: p.date,
      date_end: p.end,
      actors: p.actors.join(";"),
      place_id: p.placeId,
      place_role: p.placeRole,
      title: p.title,
    };
  });
}

/**
 * The CSV text: UTF-8, a header row, CRLF line ends (RFC 4180), every field quoted where needed,
 * and every text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return prefixed
 * with `'` (a title "=HYPERLINK(…)" is written as "'=HYPERLINK(…)"); numbers are written as they are.
 */
export function toCsv(features: readonly EventFeature[], context: ExportContext): string {
  return Papa.unparse(csvRows(features, context), { columns: [...CSV_COLUMNS], newline: "\r\n", escapeFormulae: FORMULA_START });
}
