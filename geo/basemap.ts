/**
 * The vector basemap the browser draws under (or instead of) raster tiles: Natural Earth country
 * outlines, so the map is never blank and works offline. Countries near the stories come at
 * 1:50m, the rest of the world at 1:110m, sent as TopoJSON quantized to about 400 m: some 60 KB
 * gzipped, fetched after the page shows, against 3.6 MB for the detailed shapes.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import bbox from "@turf/bbox";
import countries from "i18n-iso-countries";
import { topology } from "topojson-server";
import type { Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";
import countries110m from "world-atlas/countries-110m.json";
import { countryFeatures, type CountryFeature } from "./countries";

/** [west, south, east, north] of the region drawn in detail: the eastern Mediterranean to Iran. */
export const DETAIL_REGION = [34, 29, 49, 38] as const;

export type BasemapFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

function intersectsDetailRegion(feature: CountryFeature): boolean {
  const [west, south, east, north] = bbox(feature);
  const [rw, rs, re, rn] = DETAIL_REGION;
  return west <= re && east >= rw && south <= rn && north >= rs;
}

/**
 * The basemap as a TopoJSON topology with one object, `countries`: each country's `id` is its
 * ISO alpha-2 code ("SY"), or its numeric code if it has none.
 */
export function buildBasemap(): Topology {
  const detailed = new Map(countryFeatures(countries50m as unknown as Topology).map((f) => [String(f.id), f]));
  const features = countryFeatures(countries110m as unknown as Topology).map((coarse): BasemapFeature => {
    const numeric = String(coarse.id);
    const fine = detailed.get(numeric);
    const chosen = fine && intersectsDetailRegion(fine) ? fine : coarse;
    return {
      type: "Feature",
      id: countries.numericToAlpha2(numeric) ?? numeric,
      properties: { name: chosen.properties.name },
      geometry: chosen.geometry,
    };
  });
  const collection: FeatureCollection = { type: "FeatureCollection", features };
  return topology({ countries: collection }, 1e5);
}
