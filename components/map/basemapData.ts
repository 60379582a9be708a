/**
 * The basemap built at `next build` (/basemap.json), fetched and decoded once per page. Leaflet-free,
 * so that the page can ask for it as soon as the map starts (MapLoader), in parallel with the map's
 * code, and the map (useBasemap) finds it there or on its way.
 */
import type { Basemap as BasemapFile, BasemapLabel } from "@/geo/basemap";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { decodeRing, type BasemapPaint, type WorldPolygon } from "@/geo/world-shapes";

export interface BasemapData {
  /** Each country's polygons in world pixels, by its id ("SY"): the outline of a place that is a country. */
  countries: Map<string, { name: string; polygons: WorldPolygon[] }>;
  /** Outlines of area-sized places (Latakia Governorate), each feature's id the place id. */
  areas: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  labels: BasemapLabel[];
  /** The countries and provinces, as the basemap's canvas draws them. */
  paint: BasemapPaint;
}

/** The file as the browser uses it: its shapes were projected at build, and only need adding up. */
function decodeBasemap({ countries, provinces, areas, labels }: BasemapFile): BasemapData {
  const decoded = new Map(
    countries.map(({ id, name, polygons }) => [id, { name, polygons: polygons.map((rings) => rings.map(decodeRing)) }]),
  );
  const land = [...decoded.values()].flatMap((country) => country.polygons);
  return { countries: decoded, areas, labels, paint: { land, provinces: provinces.map(decodeRing) } };
}

let load: Promise<BasemapData> | undefined;

/** The basemap, fetched on the first call; a failed load is tried again by the next call. */
export function loadBasemap(): Promise<BasemapData> {
  if (!load) {
    load = fetch("/basemap.json")
      .then((response) =>
        response.ok ? (response.json() as Promise<BasemapFile>) : Promise.reject(new Error(`basemap: HTTP ${response.status}`)),
      )
      .then(decodeBasemap);
    load.catch(() => (load = undefined));
  }
  return load;
}
