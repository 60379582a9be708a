"use client";

import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { GeoJSON, Pane } from "react-leaflet";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

type Countries = FeatureCollection<Polygon | MultiPolygon, { name: string }>;

// Leaflet renders attribution as HTML: this constant is ours, never user input.
const NATURAL_EARTH = 'Country shapes: <a href="https://www.naturalearthdata.com/">Natural Earth</a>';
const LAND_STYLE = { color: "#9aa5b1", weight: 0.8, fillColor: "#eef0ea", fillOpacity: 1 };
const OUTLINE_STYLE = { color: "#1b2a3a", weight: 2, dashArray: "6 4", fill: true, fillColor: "#1b2a3a", fillOpacity: 0.06 };

/** Fetches the bundled Natural Earth outlines once; until they arrive the map shows its sea colour. */
function useCountries(): Countries | undefined {
  const [countries, setCountries] = useState<Countries>();
  useEffect(() => {
    const controller = new AbortController();
    fetch("/basemap.json", { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`basemap: HTTP ${response.status}`))))
      .then((topology: Topology) =>
        setCountries(feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>) as Countries),
      )
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.warn("Dateline: the country outlines could not be loaded", error);
      });
    return () => controller.abort();
  }, []);
  return countries;
}

/**
 * Country shapes drawn as vectors, so the map is never blank and works offline; countries that
 * stand for a place (Syria, for "the war in Syria") get a dashed outline.
 */
export function Basemap({ outlined }: { outlined: readonly string[] }) {
  const countries = useCountries();
  const highlighted = useMemo(() => {
    if (!countries) return undefined;
    const chosen: Feature<Polygon | MultiPolygon, { name: string }>[] = countries.features.filter((f) => outlined.includes(String(f.id)));
    return { type: "FeatureCollection", features: chosen } as Countries;
  }, [countries, outlined]);
  if (!countries || !highlighted) return null;
  return (
    <>
      {/* Below the tile pane (200): raster tiles, when configured, cover the vector land. */}
      <Pane name="basemap" style={{ zIndex: 150 }}>
        <GeoJSON data={countries} style={LAND_STYLE} interactive={false} attribution={NATURAL_EARTH} />
      </Pane>
      {/* <GeoJSON> reads `data` once: re-key it when the set of outlines changes. */}
      <GeoJSON key={outlined.join(",")} data={highlighted} style={OUTLINE_STYLE} interactive={false} />
    </>
  );
}
