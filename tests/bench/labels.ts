/**
 * How long the map's layout takes, in node, on the front-page story's real inputs: its places and
 * their groups (geo/data), the basemap's names (buildBasemap), projected as Leaflet projects them.
 * Markers are spread once per zoom (spreadMarkers); labels are placed again after every move
 * (placeLabels), so that is what a pan costs. Each zoom from 4 to 9 is panned to 200 views, each
 * around one of the story's places, at desktop and phone map sizes, with their control corners.
 *
 * Label widths are estimated per character here (node has no canvas): within 8 px of what the
 * browser measures ("Latakia Governorate" 149 here and there, "Khmeimim Air Base" 134 against 142).
 * Each zoom's first spread runs cold (before the JIT), which is most of its maximum.
 *
 *   npx tsx tests/bench/labels.ts
 */
import { LABELS, markerInputs, SPREAD } from "@/components/map/layoutInputs";
import { coveredBoxes } from "@/components/map/useCoveredCorners";
import { buildBasemap } from "@/geo/basemap";
import { placeLabels } from "@/geo/label-placement";
import { spreadMarkers, type BasemapLabelInput, type Box, type Point } from "@/geo/layout";
import { loadDataset } from "@/geo/load";
import { frontPageStory, pageBundle } from "@/geo/story";
import { deriveView } from "@/geo/view";

/** Leaflet's EPSG:3857 projection at a zoom, in its pixels. */
function project(lat: number, lng: number, zoom: number): Point {
  const scale = 256 * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  return { x: scale * (0.5 + lng / 360), y: scale * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) };
}

/** Average glyph widths of the map's fonts, from the browser's measures of the story's names. */
const CHAR_WIDTH = { marker: 7.3, country: 9.4, capital: 7.4, city: 6.1 };

/** The zoom buttons' corner and the attribution's, as Chromium measured them (useCoveredCorners). */
const corners = (attributionWidth: number) => [
  { right: false, bottom: false, width: 44, height: 74 },
  { right: true, bottom: true, width: attributionWidth, height: 17 },
];

/** The maps measured in Chromium at 1280x800 and 375x667. */
const MAPS = [
  { name: "desktop 1280x800", width: 560, height: 612, corners: corners(335) },
  { name: "phone 375x667", width: 375, height: 510, corners: corners(339) },
];

/** A seeded generator, so that every run pans the same way. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const dataset = loadDataset();
const bundle = pageBundle(dataset, frontPageStory(dataset));
const { places, groupsByPlace } = deriveView(bundle, {});
const basemap = buildBasemap(dataset.places).labels;

for (const map of MAPS) {
  const moves: number[] = [];
  const spreads: number[] = [];
  let shown = 0;
  for (let zoom = 4; zoom <= 9; zoom++) {
    const markers = markerInputs(places, groupsByPlace, {
      project: (lat, lng) => project(lat, lng, zoom),
      labelWidth: (name) => name.length * CHAR_WIDTH.marker + 10,
    });
    const names: BasemapLabelInput[] = basemap
      .filter((label) => label.minZoom <= zoom)
      .map((label) => ({
        id: `${label.kind}:${label.name}`,
        point: project(label.lat, label.lng, zoom),
        width: label.name.length * CHAR_WIDTH[label.kind] + 2,
        height: label.kind === "capital" ? 15 : 14,
        rank: label.rank,
        dot: label.kind !== "country",
      }));
    let started = performance.now();
    const spread = spreadMarkers(markers, SPREAD);
    spreads.push(performance.now() - started);
    const next = random(zoom);
    for (let move = 0; move < 220; move++) {
      // A view around one of the story's places, up to half a map's width and height off it: where a reader pans.
      const around = spread[Math.floor(next() * spread.length)]!.point;
      const x = around.x + (next() - 0.5) * map.width - map.width / 2;
      const y = around.y + (next() - 0.5) * map.height - map.height / 2;
      const view: Box = { minX: x, minY: y, maxX: x + map.width, maxY: y + map.height };
      const covered = coveredBoxes(map.corners, view);
      // Each move's best of five: the machine's other work (and the collector) would otherwise be
      // most of what the slowest moves measure.
      let took = Infinity;
      let labels = placeLabels(spread, names, { ...LABELS, view, covered });
      for (let run = 0; run < 5; run++) {
        started = performance.now();
        labels = placeLabels(spread, names, { ...LABELS, view, covered });
        took = Math.min(took, performance.now() - started);
      }
      // The first 20 moves warm the JIT up, as the first pans of a page do; they are not counted.
      if (move >= 20) moves.push(took);
      shown += [...labels.markers.values()].filter(Boolean).length + labels.basemap.length;
    }
  }
  moves.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  console.log(
    `${map.name}: ${places.length} markers, ${basemap.length} basemap names; per move (placeLabels, best of 5, ${moves.length} moves over zooms 4-9): ` +
      `median ${ms(quantile(moves, 0.5))}, p95 ${ms(quantile(moves, 0.95))}, max ${ms(moves.at(-1)!)}; ` +
      `per zoom (spreadMarkers): median ${ms(
        quantile(
          spreads.sort((a, b) => a - b),
          0.5,
        ),
      )}, max ${ms(spreads.at(-1)!)}; ${Math.round(shown / (moves.length + 120))} names placed a move on average`,
  );
}
