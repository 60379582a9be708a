import { ImageResponse } from "next/og";
import type { Position } from "geojson";
import type { Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";
import { countryFeatures } from "@/geo/countries";
import { miniMapSvg } from "@/geo/minimap";

export const PREVIEW_SIZE = { width: 1200, height: 630 };
const MAP_WIDTH = 520;

export interface PreviewContent {
  kicker: string;
  title: string;
  /** The date in words, or the place's kind for a place. */
  detail: string;
  centre: Position;
}

let countries: ReturnType<typeof countryFeatures> | undefined;

/**
 * The social preview card: a small map of the place on the left, the title and date on the right.
 * Made on first request and kept (the opengraph-image routes of the share pages), with the font that ships with next/og: no network.
 */
export function previewImage({ kicker, title, detail, centre }: PreviewContent): ImageResponse {
  countries ??= countryFeatures(countries50m as unknown as Topology);
  const svg = miniMapSvg(countries, { centre, width: MAP_WIDTH, height: PREVIEW_SIZE.height, spanLat: 9 });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  return new ImageResponse(
    <div style={{ display: "flex", width: "100%", height: "100%", background: "#ffffff" }}>
      {/* eslint-disable-next-line @next/next/no-img-element -- rendered by next/og, not a page */}
      <img src={src} width={MAP_WIDTH} height={PREVIEW_SIZE.height} alt="" />
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "center", padding: "48px 56px", flex: 1, color: "#17212b" }}>
        <div style={{ fontSize: 26, letterSpacing: 4, color: "#0b5cad", textTransform: "uppercase" }}>Dateline</div>
        <div style={{ fontSize: 26, color: "#4a5764", marginTop: 28 }}>{kicker}</div>
        <div style={{ fontSize: title.length > 60 ? 46 : 56, lineHeight: 1.15, marginTop: 12 }}>{title}</div>
        <div style={{ fontSize: 32, color: "#4a5764", marginTop: 28 }}>{detail}</div>
      </div>
    </div>,
    PREVIEW_SIZE,
  );
}
