"use client";

import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { useEffect, useMemo, useState } from "react";
import L from "leaflet";
import { GeoJSON, useMap } from "react-leaflet";
import { outlineGeometry, type BasemapPaint } from "@/geo/world-shapes";
import { LAND_REGION } from "@/geo/land-svg";
import { BasemapCanvas } from "./basemapCanvas";
import { loadBasemap, type BasemapData } from "./basemapData";
import { AREA_OUTLINE, COUNTRY_OUTLINE } from "./outlineStyle";

type Shapes = FeatureCollection<Polygon | MultiPolygon, { name: string }>;

export interface BasemapState {
  data?: BasemapData;
  /** True once the basemap has arrived, or has failed to: the map need not wait for it any longer. */
  settled: boolean;
}

/** The basemap built at `next build`, once it is here (basemapData.ts); until then the map shows the land's image (useLandImageUntil). */
export function useBasemap(): BasemapState {
  const [state, setState] = useState<BasemapState>({ settled: false });
  useEffect(function fetchBasemap() {
    let current = true;
    loadBasemap().then(
      (data) => current && setState({ data, settled: true }),
      (error: unknown) => {
        console.warn("Dateline: the basemap could not be loaded", error);
        if (current) setState({ settled: true });
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}

// Leaflet renders attribution as HTML: these constants are ours, never user input.
const CREDITS = [
  'Shapes: <a href="https://www.naturalearthdata.com/">Natural Earth</a>',
  'Place names: <a href="https://www.geonames.org/">GeoNames</a> (<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)',
];
const OUTLINE_STYLE = { className: "country-outline", fill: true, ...COUNTRY_OUTLINE };
const AREA_STYLE = { className: "area-outline", fill: true, ...AREA_OUTLINE };

/** The outlines of these countries, from their drawn polygons. */
function countryOutlines(countries: BasemapData["countries"], ids: readonly string[]): Shapes {
  const features = ids.flatMap((id): Feature<MultiPolygon, { name: string }>[] => {
    const country = countries.get(id);
    return country ? [{ type: "Feature", id, properties: { name: country.name }, geometry: outlineGeometry(country.polygons) }] : [];
  });
  return { type: "FeatureCollection", features };
}

function subset(collection: Shapes, ids: readonly string[]): Shapes {
  return { type: "FeatureCollection", features: collection.features.filter((f) => ids.includes(String(f.id))) };
}

/** Credits the basemap's sources once, on the map's attribution control. */
function useCredits() {
  const map = useMap();
  useEffect(
    function credit() {
      for (const credit of CREDITS) map.attributionControl?.addAttribution(credit);
      return () => {
        for (const credit of CREDITS) map.attributionControl?.removeAttribution(credit);
      };
    },
    [map],
  );
}

export interface BasemapProps {
  data: BasemapData | undefined;
  /** Natural Earth country codes to outline: the countries that stand for a place (Syria, for "the war in Syria"). */
  outlinedCountries: readonly string[];
  /** Place ids whose outline to draw (Latakia Governorate). */
  outlinedAreas: readonly string[];
}

/** The basemap's pane, below the tile pane (200): raster tiles, when configured, cover the vector land. */
function basemapPane(map: L.Map): HTMLElement {
  const pane = map.getPane("basemap") ?? map.createPane("basemap");
  pane.style.zIndex = "150";
  return pane;
}

/**
 * Until the basemap's shapes have arrived, the region's land as an image (`/basemap.svg`, which the
 * page's first view has already loaded): the map is not a blank sea while /basemap.json is fetched.
 */
function useLandImageUntil(drawn: boolean) {
  const map = useMap();
  useEffect(
    function showLandImage() {
      if (drawn) return;
      basemapPane(map);
      const [west, south, east, north] = LAND_REGION;
      const image = L.imageOverlay(
        "/basemap.svg",
        [
          [south, west],
          [north, east],
        ],
        { pane: "basemap", interactive: false },
      ).addTo(map);
      return () => {
        image.remove();
      };
    },
    [map, drawn],
  );
}

/** Draws the countries and provinces on the basemap's canvas, below everything else on the map. */
function BasemapShapes({ paint }: { paint: BasemapPaint }) {
  const map = useMap();
  useEffect(
    function drawShapes() {
      basemapPane(map);
      // The canvas reaches a quarter of the map beyond each edge, so a short drag shows land all
      // the way. Half (0.5, as before) made it four times the map's area: at a phone's pixel ratio
      // a canvas of some 4 million pixels, whose allocation and first paint were the longest task
      // of the basemap's arrival (about 120-280 ms unthrottled on the 2-core machine, against
      // 40-50 ms at 0.25).
      const canvas = new BasemapCanvas(paint, { pane: "basemap", padding: 0.25 }).addTo(map);
      return () => {
        canvas.remove();
      };
    },
    [map, paint],
  );
  return null;
}

/**
 * Country shapes drawn as vectors, so the map is never blank and works offline, on one canvas in
 * one pass (basemapCanvas.ts). Places that are areas, and the countries that stand for a place,
 * get their outline.
 */
export function Basemap({ data, outlinedCountries, outlinedAreas }: BasemapProps) {
  useCredits();
  useLandImageUntil(data !== undefined);
  const countryKey = outlinedCountries.join(",");
  const areaKey = outlinedAreas.join(",");
  const highlighted = useMemo(() => data && countryOutlines(data.countries, countryKey.split(",")), [data, countryKey]);
  const areas = useMemo(() => data && subset(data.areas, areaKey.split(",")), [data, areaKey]);
  return (
    <>
      {data && <BasemapShapes paint={data.paint} />}
      {/* <GeoJSON> reads `data` once: re-key it when the set of outlines changes. */}
      {highlighted && <GeoJSON key={`c:${countryKey}`} data={highlighted} style={OUTLINE_STYLE} interactive={false} />}
      {areas && <GeoJSON key={`a:${areaKey}`} data={areas} style={AREA_STYLE} interactive={false} />}
    </>
  );
}
