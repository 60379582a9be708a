/**
 * The gazetteer file's shape, shared by its build (gazetteer-build.ts, which reads the big
 * sources) and its reader (gazetteer.ts, which the server loads without them).
 */

export type GazetteerKind = "city" | "airport" | "air-base" | "province" | "country";

/** One gazetteer place, compact: the file holds tens of thousands. */
export interface GazetteerEntry {
  /** Name as the source writes it. */
  name: string;
  kind: GazetteerKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** [longitude, latitude], rounded to 4 decimals (about 10 m). */
  point: [number, number];
  /** People (cities only; 0 elsewhere). */
  population: number;
  /** A country's capital (GeoNames PPLC) or a large airport: counts when ranking. */
  major?: boolean;
  /** Other names it is written as (without the source name). */
  variants?: string[];
  /** Its one-word name is also an English word ("Nice", "Most", "Of"): matched only where a place is expected. */
  common?: boolean;
}

export interface GazetteerFile {
  /** What the file was made from, with licences: printed by the CLI, cited in the README. */
  sources: string[];
  entries: GazetteerEntry[];
}

/** The region the project reports on, where every GeoNames city (1,000 people and more) is kept. */
export const REGION = new Set(["SY", "IQ", "IR", "LB", "JO", "IL", "PS", "TR", "SA", "YE", "AE", "QA", "KW", "BH", "OM", "EG", "CY", "AF"]);
