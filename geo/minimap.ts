/**
 * A small static map as an SVG string, for preview images: country outlines around a point and a
 * marker on it. Equirectangular with the longitude scaled by cos(latitude), which is true enough
 * over the few hundred kilometres a preview shows.
 */
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { CountryFeature } from "./countries";

export interface MiniMapOptions {
  centre: Position;
  width: number;
  height: number;
  /** Degrees of latitude from the top edge to the bottom edge. */
  spanLat: number;
}

function rings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
}

/** SVG markup (numbers and fixed colours only: nothing from the data is written into it as text). */
export function miniMapSvg(countries: readonly CountryFeature[], { centre, width, height, spanLat }: MiniMapOptions): string {
  const [lng0 = 0, lat0 = 0] = centre;
  const scale = height / spanLat;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const project = ([lng = 0, lat = 0]: Position) => [width / 2 + (lng - lng0) * kx * scale, height / 2 - (lat - lat0) * scale];
  const spanLng = width / (scale * kx);
  const visible = (ring: Position[]) => ring.some(([lng = 0, lat = 0]) => Math.abs(lng - lng0) < spanLng && Math.abs(lat - lat0) < spanLat);
  const paths = countries
    .flatMap((country) => rings(country.geometry).filter(visible))
    .map(
      (ring) =>
        `M${ring
          .map((p) =>
            project(p)
              .map((n) => n.toFixed(1))
              .join(","),
          )
          .join("L")}Z`,
    );
  const [x, y] = project(centre).map((n) => n.toFixed(1));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#cfdde8"/>`,
    `<path d="${paths.join("")}" fill="#eef0ea" stroke="#8894a0" stroke-width="1.2" fill-rule="evenodd"/>`,
    `<circle cx="${x}" cy="${y}" r="26" fill="#17212b" fill-opacity="0.18"/>`,
    `<circle cx="${x}" cy="${y}" r="13" fill="#0b5cad" stroke="#fff" stroke-width="4"/>`,
    `</svg>`,
  ].join("");
}
