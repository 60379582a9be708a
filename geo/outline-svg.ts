/**
 * The outlines the map draws over its land (components/map/Basemap.tsx): the countries that stand
 * for a place (Syria, for "the war in Syria") and the places that are areas (Latakia Governorate),
 * as SVG path data for the map's first view in the page's HTML (components/map/FirstView.tsx). A
 * reader who never reaches for the map sees a province as its outline there too, not as a point.
 */
import { areaCollection, basemapCountry } from "./basemap";
import { polygonsOf } from "./geometry";
import { ringPath } from "./land-svg";
import type { PlaceFeature } from "./schema";
import { decodeRing, projectToWorld } from "./world-shapes";

/** Vertices are rounded to whole pixels at this zoom, as the land's are: the first view opens at zoom 3 to 8. */
const OUTLINE_ZOOM = 7;

/** A box in world pixels at zoom 0. */
export interface WorldBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface OutlineDrawing {
  /** Where the outlines lie, in world pixels at zoom 0. */
  box: WorldBox;
  /** The box at OUTLINE_ZOOM, in pixels: the SVG's viewBox, whose path data starts at its corner. */
  width: number;
  height: number;
  /** Path data of the outlined countries, "" for none. */
  countries: string;
  /** Path data of the outlined areas, "" for none. */
  areas: string;
}

type Rings = Float64Array[];

function countryRings(ids: readonly string[]): Rings {
  return ids.flatMap(
    (id) =>
      basemapCountry(id)
        ?.polygons.flat()
        .map((encoded) => decodeRing(encoded).xy) ?? [],
  );
}

function areaRings(places: readonly PlaceFeature[]): Rings {
  return areaCollection(places).features.flatMap((feature) =>
    polygonsOf(feature.geometry)
      .flat()
      .map((ring) => Float64Array.from(ring.flatMap(([lng, lat]) => projectToWorld(lng!, lat!)))),
  );
}

function boxOf(rings: Rings): WorldBox {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const xy of rings)
    for (let i = 0; i < xy.length; i += 2) {
      box.minX = Math.min(box.minX, xy[i]!);
      box.maxX = Math.max(box.maxX, xy[i]!);
      box.minY = Math.min(box.minY, xy[i + 1]!);
      box.maxY = Math.max(box.maxY, xy[i + 1]!);
    }
  return box;
}

/**
 * The outlines of these countries (Natural Earth codes, as the view lists them) and of these places'
 * areas, as the map draws them; undefined when there are none.
 * @example outlineDrawing(places, ["SY"], ["latakia"])?.areas // "M1215 780l3-2…z"
 */
export function outlineDrawing(
  places: readonly PlaceFeature[],
  countryIds: readonly string[],
  areaIds: readonly string[],
): OutlineDrawing | undefined {
  const countries = countryRings(countryIds);
  const areas = areaRings(places.filter((place) => areaIds.includes(place.id)));
  if (countries.length + areas.length === 0) return undefined;
  const box = boxOf([...countries, ...areas]);
  const scale = 2 ** OUTLINE_ZOOM;
  const path = (rings: Rings) => rings.flatMap((xy) => ringPath(xy, box, scale) ?? []).join("");
  return {
    box,
    width: Math.round((box.maxX - box.minX) * scale),
    height: Math.round((box.maxY - box.minY) * scale),
    countries: path(countries),
    areas: path(areas),
  };
}
