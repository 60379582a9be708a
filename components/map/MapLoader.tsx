"use client";

import dynamic from "next/dynamic";
import type { DatelineMapProps } from "./DatelineMap";

/** Leaflet reads `window` when imported, so the map loads in the browser only. */
const DatelineMap = dynamic(() => import("./DatelineMap"), {
  ssr: false,
  loading: () => (
    <div className="map-loading" role="status">
      Loading the map…
    </div>
  ),
});

export function MapLoader(props: DatelineMapProps) {
  return <DatelineMap {...props} />;
}
