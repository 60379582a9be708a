/**
 * The map's first view, laid out at build for the page's HTML: where Leaflet's first fit will put
 * each marker and its label, at every zoom that fit can choose. The server does not know the map's
 * size, and the fit's zoom depends on it, so the page's CSS picks the zoom with container queries
 * (FirstView.tsx): each zoom's thresholds are the smallest map that it fits in, as Leaflet's
 * `getBoundsZoom` decides. No Leaflet and no DOM here; the projection is Leaflet's (projectToWorld).
 */
import type { BasemapLabel } from "@/geo/basemap";
import type { PlaceGroup } from "@/geo/group";
import { placeLabels } from "@/geo/label-placement";
import { markerLabelExtent, spreadMarkers, type BasemapLabelInput, type BasemapLabelLayout, type Box, type Point } from "@/geo/layout";
import type { PlaceFeature } from "@/geo/schema";
import type { BBox } from "geojson";
import { projectToWorld } from "@/geo/world-shapes";
import { BASEMAP_LABEL_STYLE, basemapLabelId } from "./basemapLabelStyle";
import { HALF } from "./faceGeometry";
import { LABELS, markerInputs, SPREAD } from "./layoutInputs";

/** How a fit frames the places: as ViewController's FIT_OPTIONS and the map's zoom limits. */
export interface FitFrame {
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/**
 * The sizes a map is laid out for: from a narrow phone's map to a wide desktop's. A zoom that
 * only a larger map would choose is left out, and a map smaller than the smallest draws the
 * smallest one's zoom.
 */
const SMALLEST_MAP = { width: 240, height: 200 };
/**
 * The narrowest map labels are placed for: most phones' (360-430 px). At 320 px, Latakia
 * Governorate's name had no room on a 375 px phone, where the map then names it. A narrower map may
 * cut a label at its edge until the map has started.
 */
const NARROWEST_LABEL_MAP = 360;
const LARGEST_MAP = { width: 2560, height: 1600 };

/** A map's height to its width, for placing labels where the fit leaves the height open (see below). */
const TYPICAL_HEIGHT_TO_WIDTH = 1.2;

/**
 * Average width of a glyph in the markers' labels (600 12px system-ui), from Chromium's measures
 * of the story's names ("Latakia Governorate" 149 px here and there): the server has no canvas
 * to measure with. Leaflet's layout, which measures, takes over once the map has started.
 */
const LABEL_CHAR_WIDTH = 7.3;
const LABEL_PADDING = 10;

/**
 * The most basemap names drawn at one zoom, the most important first: enough to say where the
 * story is; each name costs the page some 500 bytes (its element, and again in React's payload),
 * and the map, once started, names the rest.
 */
const MOST_NAMES = 24;

/**
 * The map's control corners, as Chromium measured them (useCoveredCorners): the zoom buttons
 * at the top left, the attribution at the bottom right. No label goes under them.
 */
const ZOOM_BUTTONS = { width: 44, height: 74 };
const ATTRIBUTION = { width: 340, height: 17 };

/** A label's box relative to its marker's icon (the 32 px square Leaflet positions), as CSS anchors it. */
export interface FirstViewLabel {
  /** From the icon's left edge to the label's anchor: its left edge, centre or right edge. */
  x: number;
  /** From the icon's top edge to the label's top edge. */
  y: number;
  /** Where the anchor is on the label: 0 its left edge, 0.5 its centre, 1 its right edge. */
  anchor: 0 | 0.5 | 1;
}

export interface FirstViewMarker {
  id: string;
  /** How far the face is moved off its place, as the map's spread moves it. */
  offset: Point;
  /** Its label, or null where it has no room at this zoom. */
  label: FirstViewLabel | null;
}

export interface FirstViewZoom {
  zoom: number;
  /** The smallest map, in CSS px, for which the fit chooses this zoom (or a larger one). */
  minWidth: number;
  minHeight: number;
  markers: FirstViewMarker[];
  /** The basemap's names that have room at this zoom, around the markers and their labels, and on which side. */
  names: BasemapLabelLayout[];
}

export interface FirstViewLayout {
  /** The view's centre, in world pixels at zoom 0. */
  centre: Point;
  /** Each place's point relative to the view's centre, in world pixels at zoom 0. */
  points: Map<string, Point>;
  /** The basemap's names placed at some zoom, by id, each with its point as `points` has them. */
  names: Map<string, { label: BasemapLabel; point: Point }>;
  /** From the smallest zoom up: each applies from its thresholds until the next one's. */
  zooms: FirstViewZoom[];
}

/**
 * The zoom Leaflet's `getBoundsZoom` chooses for a box `size` world pixels at zoom 0 in a map of
 * `width` x `height`: the largest whole zoom at which the box and the padding fit. Leaflet rounds
 * the zoom to a hundredth before flooring it, so a map a hair too small still takes the zoom.
 */
export function fitZoom(size: Point, width: number, height: number, { padding, minZoom, maxZoom }: FitFrame): number {
  const scale = Math.min((width - 2 * padding) / size.x, (height - 2 * padding) / size.y);
  const zoom = Math.floor(Math.round(Math.log2(scale) * 100) / 100);
  return Math.max(minZoom, Math.min(maxZoom, zoom));
}

/** The label's anchor as CSS places each side's label (app/globals.css, `.place-label[data-side]`). */
function anchorOf(side: string): FirstViewLabel["anchor"] {
  if (side === "top" || side === "bottom") return 0.5;
  return side.endsWith("left") ? 1 : 0;
}

/** Where the map opens: fitted to a box (the view's core bounds), or centred on a place at a zoom. */
export type FirstViewFrame =
  { kind: "fit"; bounds: BBox | undefined; fit: FitFrame } | { kind: "focus"; point: [lng: number, lat: number]; zoom: number };

/** The zooms a frame opens at, each from the smallest map that opens at it, and the view's centre in world pixels at zoom 0. */
function framedZooms(frame: FirstViewFrame): { centre: Point; zooms: { zoom: number; minWidth: number; minHeight: number }[] } | undefined {
  if (frame.kind === "focus") {
    const [x, y] = projectToWorld(...frame.point);
    return { centre: { x, y }, zooms: [{ zoom: frame.zoom, minWidth: 0, minHeight: 0 }] };
  }
  if (!frame.bounds) return undefined;
  const [west, south, east, north] = frame.bounds;
  const [minX, maxY] = projectToWorld(west, south);
  const [maxX, minY] = projectToWorld(east, north);
  const size = { x: maxX - minX, y: maxY - minY };
  // One place: the fit would zoom in as far as it may, and there is no box to choose a zoom by.
  if (!(size.x > 0 && size.y > 0)) return undefined;
  const { padding } = frame.fit;
  const lowest = fitZoom(size, SMALLEST_MAP.width, SMALLEST_MAP.height, frame.fit);
  const highest = fitZoom(size, LARGEST_MAP.width, LARGEST_MAP.height, frame.fit);
  const zooms = [];
  // The smallest map each zoom fits in; the lowest zoom is also what any smaller map draws.
  for (let zoom = lowest; zoom <= highest; zoom++)
    zooms.push({
      zoom,
      minWidth: zoom === lowest ? 0 : Math.ceil(size.x * 2 ** (zoom - 0.005) + 2 * padding),
      minHeight: zoom === lowest ? 0 : Math.ceil(size.y * 2 ** (zoom - 0.005) + 2 * padding),
    });
  return { centre: { x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, zooms };
}

/**
 * The first view of `places` in `frame`: one layout per zoom the map can open at, for a map
 * between SMALLEST_MAP and LARGEST_MAP. At each zoom the markers are spread as the map spreads
 * them, and the labels placed in the narrowest map of that zoom, off the map's controls, the
 * selected place's first. Undefined when there is nothing to frame.
 */
export function firstViewLayout(
  places: readonly PlaceFeature[],
  groupsByPlace: ReadonlyMap<string, PlaceGroup>,
  frame: FirstViewFrame,
  selectedPlace?: string,
  basemapNames: readonly BasemapLabel[] = [],
): FirstViewLayout | undefined {
  const framed = places.length > 0 ? framedZooms(frame) : undefined;
  if (!framed) return undefined;
  const { centre } = framed;
  const relative = (lng: number, lat: number): Point => {
    const [x, y] = projectToWorld(lng, lat);
    return { x: x - centre.x, y: y - centre.y };
  };
  const points = new Map(places.map((place) => [place.id, relative(...(place.geometry.coordinates as [number, number]))]));
  const namesById = new Map(basemapNames.map((label) => [basemapLabelId(label), { label, point: relative(label.lng, label.lat) }]));

  const zooms: FirstViewZoom[] = [];
  for (const { zoom, minWidth, minHeight } of framed.zooms) {
    const scale = 2 ** zoom;
    const inputs = markerInputs(places, groupsByPlace, {
      project: (lat, lng) => {
        const [x, y] = projectToWorld(lng, lat);
        return { x: (x - centre.x) * scale, y: (y - centre.y) * scale };
      },
      labelWidth: (name) => name.length * LABEL_CHAR_WIDTH + LABEL_PADDING,
    });
    const spread = spreadMarkers(inputs, SPREAD).map((m) => (m.id === selectedPlace ? { ...m, selected: true } : m));
    // The labels are placed in the narrowest map of this zoom, but not as flat as its thresholds:
    // the fit is limited by one side, and maps are seldom wider than tall (a phone's is taller, a
    // desktop's about square). Placed in the flattest map, most labels had no room at all.
    const width = Math.max(minWidth, NARROWEST_LABEL_MAP);
    const height = Math.max(minHeight, Math.round(width * TYPICAL_HEIGHT_TO_WIDTH));
    const view: Box = { minX: -width / 2, minY: -height / 2, maxX: width / 2, maxY: height / 2 };
    const covered: Box[] = [
      { minX: view.minX, minY: view.minY, maxX: view.minX + ZOOM_BUTTONS.width, maxY: view.minY + ZOOM_BUTTONS.height },
      { minX: view.maxX - ATTRIBUTION.width, minY: view.maxY - ATTRIBUTION.height, maxX: view.maxX, maxY: view.maxY },
    ];
    const names = [...namesById].flatMap(([id, { label, point }]) =>
      label.minZoom <= zoom ? [nameInput(id, label, { x: point.x * scale, y: point.y * scale })] : [],
    );
    const labels = placeLabels(spread, names, { ...LABELS, view, covered });
    const markers = spread.map((m): FirstViewMarker => {
      const placement = labels.markers.get(m.id);
      if (!placement) return { id: m.id, offset: m.offset, label: null };
      const extent = markerLabelExtent(placement.side, m, LABELS.gap);
      const anchor = anchorOf(placement.side);
      // The extent is around the face's centre; the icon's box starts HALF px left of and above it.
      const x = HALF + placement.shift.x + (anchor === 0 ? extent.left : anchor === 1 ? extent.right : (extent.left + extent.right) / 2);
      return { id: m.id, offset: m.offset, label: { x, y: HALF + extent.top + placement.shift.y, anchor } };
    });
    const rankOf = (id: string) => namesById.get(id)!.label.rank;
    const kept = [...labels.basemap].sort((a, b) => rankOf(a.id) - rankOf(b.id)).slice(0, MOST_NAMES);
    zooms.push({ zoom, minWidth, minHeight, markers, names: kept });
  }
  const placed = new Set(zooms.flatMap((z) => z.names.map((n) => n.id)));
  return { centre, points, names: new Map([...namesById].filter(([id]) => placed.has(id))), zooms };
}

/** A basemap name as the label layout takes it, its width estimated (BASEMAP_LABEL_STYLE's `perChar`) as the server has no canvas. */
export function nameInput(id: string, label: BasemapLabel, point: Point): BasemapLabelInput {
  const style = BASEMAP_LABEL_STYLE[label.kind];
  return {
    id,
    point,
    width: Math.ceil(label.name.length * style.perChar) + 2,
    height: style.height,
    rank: label.rank,
    dot: label.kind !== "country",
  };
}
