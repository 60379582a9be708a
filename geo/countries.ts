/**
 * Natural Earth country shapes from `world-atlas` (public domain). The detailed 1:10m shapes are
 * used on the server and at build only, to check that each place lies in its declared country;
 * the browser gets the lighter 1:50m outlines through `basemap.ts`.
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries10m from "world-atlas/countries-10m.json";

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

/** Natural Earth's countries as GeoJSON features, their `id` the ISO 3166-1 numeric code. */
export function countryFeatures(topology: Topology): CountryFeature[] {
  const collection = topology.objects.countries as GeometryCollection<{ name: string }>;
  return feature(topology, collection).features as CountryFeature[];
}

/**
 * Natural Earth countries without an ISO 3166-1 numeric code (world-atlas leaves their `id` out),
 * by name: Kosovo has the alpha-2 code "XK" that GeoNames and the EU use. N. Cyprus and
 * Somaliland have none.
 */
const WITHOUT_NUMERIC_CODE: Readonly<Record<string, string>> = { Kosovo: "XK" };

/** The ISO 3166-1 alpha-2 code of a Natural Earth country ("SY"), or undefined when it has none. */
export function alpha2Of(feature: CountryFeature): string | undefined {
  return feature.id === undefined ? WITHOUT_NUMERIC_CODE[feature.properties.name] : countries.numericToAlpha2(String(feature.id));
}

let detailed: Map<string, CountryFeature> | undefined;

/** The 1:10m country for an ISO alpha-2 code (parsed once, on first use: it is 3.6 MB). */
export function detailedCountry(alpha2: string): CountryFeature | undefined {
  detailed ??= new Map(countryFeatures(countries10m as unknown as Topology).map((f) => [String(f.id), f]));
  const numeric = countries.alpha2ToNumeric(alpha2);
  return numeric === undefined ? undefined : detailed.get(numeric);
}

/** The alpha-2 code of the 1:10m country containing a point, if any: names the right country in errors. */
export function countryAt(position: Position): string | undefined {
  detailedCountry("SY"); // loads the shapes
  for (const [numeric, shape] of detailed ?? []) {
    if (booleanPointInPolygon(position, shape)) return countries.numericToAlpha2(numeric);
  }
  return undefined;
}

/** Whether a point lies inside a country's 1:10m shape. */
export function isInCountry(position: Position, alpha2: string): boolean {
  const shape = detailedCountry(alpha2);
  return shape !== undefined && booleanPointInPolygon(position, shape);
}
