/**
 * One ACLED-style CSV row checked and turned into typed values, or the list of what is wrong with
 * it: row number, column and value, so that an editor can find it in the file.
 */
import type { Position } from "geojson";
import { countryAt } from "../countries";
import { isContractDate } from "../dates";
import { ACLED_COLUMNS, OPTIONAL_COLUMNS, countryCodeOf, type AcledColumn } from "./acled";

export interface RowProblem {
  /** The data row, counted from 1 after the header, as a spreadsheet shows it less one. */
  row: number;
  /** The line of the file where it ends (a quoted field may hold line breaks). */
  line: number;
  column: AcledColumn | "";
  /** The value as written, or "(missing)". */
  value: string;
  message: string;
}

/** A row as typed values. */
export interface AcledRecord {
  row: number;
  eventIdCnty: string;
  /** Contract date: `YYYY-MM-DD`, or `YYYY-MM` where ACLED gives the month only (time_precision 3). */
  date: string;
  eventType: string;
  actor1: string;
  actor2: string;
  countryName: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  admin1: string;
  location: string;
  position: Position;
  geoPrecision: number;
  source: string;
  notes: string;
  fatalities: number;
}

/** Decides whether a point lies in a country (geo/countries.ts's isInCountry, or a fake in tests). */
export type CountryCheck = (position: Position, alpha2: string) => boolean;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/;

/**
 * ACLED's `event_date` as `YYYY-MM-DD`: its API writes `2019-03-15`, its older exports
 * `15 March 2019`. Undefined when it is neither, or not a real day.
 */
export function acledDay(value: string): string | undefined {
  const text = value.trim();
  let day = text;
  const spelled = DAY_MONTH_YEAR.exec(text);
  if (spelled) {
    const month = MONTHS.findIndex((m) => m === spelled[2]!.toLowerCase() || m.slice(0, 3) === spelled[2]!.toLowerCase());
    if (month === -1) return undefined;
    day = `${spelled[3]}-${String(month + 1).padStart(2, "0")}-${spelled[1]!.padStart(2, "0")}`;
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && isContractDate(day) ? day : undefined;
}

/** A number with at most 6 decimals (the contract's), rounded, or undefined when the text is not a number. */
function coordinate(value: string): number | undefined {
  if (!/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Math.round(Number(value) * 1e6) / 1e6;
}

/**
 * Checks one row. `record` maps column names to values as the CSV parser gives them (a column the
 * row is too short to have is missing). Returns the typed row, or every problem it has.
 */
export function parseAcledRow(
  record: Readonly<Record<string, string | undefined>>,
  where: { row: number; line: number },
  inCountry: CountryCheck,
): { record: AcledRecord } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (column: AcledColumn, value: string | undefined, message: string) =>
    problems.push({ ...where, column, value: value === undefined ? "(missing)" : JSON.stringify(value), message });
  const missing = ACLED_COLUMNS.filter((column) => record[column] === undefined);
  const [firstMissing] = missing;
  if (firstMissing !== undefined) {
    problem(firstMissing, undefined, `the row ends before this column: it has no ${missing.join(", ")} (fewer fields than the header)`);
    return { problems };
  }
  const text = (column: AcledColumn): string => {
    const value = record[column] ?? "";
    if (value.trim() === "" && !OPTIONAL_COLUMNS.has(column)) problem(column, value, "must not be empty");
    return value.trim();
  };
  const values = Object.fromEntries(ACLED_COLUMNS.map((column) => [column, text(column)])) as Record<AcledColumn, string>;

  const day = values.event_date && acledDay(values.event_date);
  if (values.event_date && !day) problem("event_date", values.event_date, "must be a real day written YYYY-MM-DD or as in 15 March 2019");
  const timePrecision = values.time_precision;
  if (timePrecision && !["1", "2", "3"].includes(timePrecision))
    problem("time_precision", timePrecision, "must be 1, 2 or 3 (ACLED's codebook)");

  const latitude = values.latitude ? coordinate(values.latitude) : undefined;
  const longitude = values.longitude ? coordinate(values.longitude) : undefined;
  if (values.latitude && (latitude === undefined || latitude < -90 || latitude > 90))
    problem("latitude", values.latitude, "must be a number from -90 to 90");
  if (values.longitude && (longitude === undefined || longitude < -180 || longitude > 180))
    problem("longitude", values.longitude, "must be a number from -180 to 180");

  const country = values.country ? countryCodeOf(values.country) : undefined;
  if (values.country && !country) problem("country", values.country, "unknown country name");

  const geoPrecision = values.geo_precision === "" ? 2 : Number(values.geo_precision);
  if (![1, 2, 3].includes(geoPrecision)) problem("geo_precision", values.geo_precision, "must be 1, 2 or 3 (ACLED's codebook)");
  const fatalities = values.fatalities === "" ? 0 : Number(values.fatalities);
  if (!Number.isSafeInteger(fatalities) || fatalities < 0) problem("fatalities", values.fatalities, "must be a whole number >= 0");

  if (problems.length === 0 && country && latitude !== undefined && longitude !== undefined) {
    const position = [longitude, latitude];
    if (!inCountry(position, country)) {
      const actual = countryAt(position);
      const swapped = inCountry([latitude, longitude], country) ? "; latitude and longitude look swapped" : "";
      problem(
        "latitude",
        `${values.latitude}, ${values.longitude}`,
        `the point lies outside ${values.country} (${country}): it is ${actual ? `in ${actual}` : "in no country (at sea?)"}${swapped}`,
      );
    }
  }
  if (problems.length > 0 || !day || !country || latitude === undefined || longitude === undefined) return { problems };
  return {
    record: {
      row: where.row,
      eventIdCnty: values.event_id_cnty,
      // ACLED's time precision 3 means "the month, or longer": the contract's YYYY-MM says so.
      date: timePrecision === "3" ? day.slice(0, 7) : day,
      eventType: values.event_type,
      actor1: values.actor1,
      actor2: values.actor2,
      countryName: values.country,
      country,
      admin1: values.admin1,
      location: values.location,
      position: [longitude, latitude],
      geoPrecision,
      source: values.source,
      notes: values.notes,
      fatalities,
    },
  };
}
