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

// In the browser, ask for the map's code as soon as this module runs, before hydration begins:
// left to `dynamic`, the request went out only when hydration reached the map, after the story
// panel, and the map's download then waited for most of hydration (about 0.4-0.7 s later on the
// 2-core machine). The same module is fetched once; `dynamic` then finds it there, and reports a
// failed fetch through the map's error boundary, so this early request ignores its own failure.
if (typeof document !== "undefined") import("./DatelineMap").catch(() => undefined);

export function MapLoader(props: DatelineMapProps) {
  return <DatelineMap {...props} />;
}
