import type { CSSProperties, ReactElement } from "react";
import { textColorOn } from "@/geo/colors";
import type { PlaceGroup } from "@/geo/group";
import type { EventFeature } from "@/geo/join";
import type { Actor, PlaceFeature } from "@/geo/schema";
import type { StoryBundle } from "@/geo/story";
import { CLUSTER_ABOVE } from "@/geo/thresholds";
import { deriveView, type StoryView } from "@/geo/view";
import { basemapNames } from "@/geo/basemap";
import { landBox } from "@/geo/land-svg";
import { outlineDrawing, type OutlineDrawing, type WorldBox } from "@/geo/outline-svg";
import { latLngOf, mapTarget } from "@/geo/map-target";
import { firstViewLayout, type FirstViewFrame, type FirstViewLayout, type FirstViewMarker } from "./firstViewLayout";
import { markerName, shownMarks } from "./markerText";
import { EVENT_FRAME, FIT_FRAME, FOCUS_ZOOM } from "./fitFrame";
import { AREA_OUTLINE, COUNTRY_OUTLINE, type OutlineLook } from "./outlineStyle";

// The map's first view, in the page's HTML: the story's markers and their names where Leaflet's
// first fit will draw them, before any script has run. A server component: its layout code never
// reaches the browser. The map takes over once its own markers are laid out (MapLoader.tsx).

export interface FirstViewProps {
  /** The story as the page carries it (a share page: the stories around its place). */
  bundle: {
    features: readonly EventFeature[];
    places: readonly PlaceFeature[];
    actors: readonly Actor[];
    deferred?: StoryBundle["deferred"];
  };
  /** A share page's map opens centred on its place, showing its event (FocusedMap); otherwise on the whole story. */
  focus?: { place: string; event?: string };
  /** In an embed: a marker's link opens outside the frame, where the site's other pages are (they may not be framed). */
  linksOpenOutside?: boolean;
}

/**
 * The custom properties that each zoom's rule points at its own (`--dx` is `--dx-5` at zoom 5), and
 * their values where a marker has none of its own at that zoom: not moved, no leader line, its
 * label shown. Only what differs from these is written on a marker, which keeps the page small.
 */
const PER_ZOOM = {
  dx: "0px",
  dy: "0px",
  "leader-length": "0px",
  "leader-angle": "0rad",
  lx: "0px",
  ly: "0px",
  lt: "0%",
  lv: "visible",
} as const;

function zoomRule(zoom: number): string {
  const properties = Object.entries(PER_ZOOM).map(([name, unset]) => `--${name}:var(--${name}-${zoom},${unset})`);
  // A basemap name is hidden at a zoom unless it says otherwise (`--nv-5: visible`): few have room at every zoom.
  return (
    `.first-view-land,.first-view-outlines{--s:${2 ** zoom}}.first-view-marker{--s:${2 ** zoom};${properties.join(";")}}` +
    `.first-view-name{--s:${2 ** zoom};--nv:var(--nv-${zoom},hidden)}`
  );
}

/**
 * The rules that choose the zoom by the map's size, as the fit would: the lowest zoom for any
 * map, then each higher one from the smallest map it fits in (container queries on .first-view).
 */
export function firstViewCss(layout: FirstViewLayout): string {
  return layout.zooms
    .map(({ zoom, minWidth, minHeight }) =>
      minWidth === 0 && minHeight === 0
        ? zoomRule(zoom)
        : `@container first-view (min-width: ${minWidth}px) and (min-height: ${minHeight}px){${zoomRule(zoom)}}`,
    )
    .join("\n");
}

const px = (n: number) => `${Math.round(n)}px`;
/** A point's coordinate in world pixels at zoom 0, to 4 decimals: a hundredth of a pixel at zoom 7. */
const round = (n: number) => String(Math.round(n * 1e4) / 1e4);

/** One marker's values at one zoom that differ from PER_ZOOM's, as the custom properties that zoom's rule reads. */
function zoomProperties(zoom: number, { offset, label }: FirstViewMarker): Record<string, string> {
  const values: Partial<Record<keyof typeof PER_ZOOM, string>> = {};
  const length = Math.hypot(offset.x, offset.y);
  if (length > 1) {
    Object.assign(values, { dx: px(offset.x), dy: px(offset.y), "leader-length": px(length) });
    values["leader-angle"] = `${Math.round(Math.atan2(offset.y, offset.x) * 1000) / 1000}rad`;
  }
  if (label) Object.assign(values, { lx: px(label.x), ly: px(label.y), ...(label.anchor ? { lt: `${-label.anchor * 100}%` } : {}) });
  else values.lv = "hidden";
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`--${name}-${zoom}`, value]));
}

function Face({
  place,
  group,
  actorsById,
}: {
  place: PlaceFeature;
  group: PlaceGroup | undefined;
  actorsById: ReadonlyMap<string, Actor>;
}) {
  const actors = (group?.actors ?? []).flatMap((id) => actorsById.get(id) ?? []);
  const { shown, more } = shownMarks(actors);
  const kind = place.properties.precision === "exact" ? "is-exact" : "is-approximate";
  return (
    <div className={`place-marker ${kind}${group?.contextOnly ? " is-context" : ""}`}>
      <span className="place-marker-actors">
        {shown.map((actor) => (
          <span
            key={actor.id}
            className="actor-swatch"
            style={{ background: actor.color, color: textColorOn(actor.color) }}
            data-mark={actor.abbreviation}
          />
        ))}
        {more > 0 && <span className="actor-swatch is-more" data-mark={`+${more}`} />}
      </span>
      <span className="place-marker-count" data-count={group?.features.length ?? 0} />
    </div>
  );
}

/**
 * The first view of a story's map, for its page to hand to MapLoader; undefined where the map would
 * cluster its places, or where it opens on no box it can fit (then the page draws no first view,
 * and nothing covers the map while it starts).
 */
export function firstViewOf({ bundle, focus, linksOpenOutside = false }: FirstViewProps): ReactElement | undefined {
  if (bundle.deferred || bundle.places.length > CLUSTER_ABOVE) return undefined;
  const view = deriveView(bundle, focus ?? {});
  // Where the map opens when the URL names no view: as DatelineMap's openingView decides.
  const focusPoint = latLngOf(view.places.find((p) => p.id === view.focusPlace));
  const target = mapTarget({ focus: focusPoint, focusBounds: view.focusBounds, bounds: view.coreBounds });
  const frame: FirstViewFrame | undefined =
    target.kind === "focus"
      ? { kind: "focus", point: [target.point[1], target.point[0]], zoom: FOCUS_ZOOM }
      : target.kind === "frame"
        ? { kind: "fit", bounds: target.bounds, fit: EVENT_FRAME }
        : target.kind === "fit"
          ? { kind: "fit", bounds: target.bounds(), fit: FIT_FRAME }
          : undefined;
  const layout = frame && firstViewLayout(view.places, view.groupsByPlace, frame, view.focusPlace, basemapNames());
  if (!layout) return undefined;
  const actorsById = new Map(bundle.actors.map((actor) => [actor.id, actor]));
  const outlines = outlineDrawing(view.places, view.outlinedCountries, view.outlinedAreas);
  return <FirstView view={view} layout={layout} outlines={outlines} actorsById={actorsById} linksOpenOutside={linksOpenOutside} />;
}

interface FirstViewDrawing {
  view: StoryView;
  layout: FirstViewLayout;
  outlines: OutlineDrawing | undefined;
  actorsById: ReadonlyMap<string, Actor>;
  linksOpenOutside: boolean;
}

/** A box of world pixels where the view's zoom rule puts it: relative to the view's centre, scaled by `--s`. */
function boxStyle(box: WorldBox, centre: { x: number; y: number }): CSSProperties {
  const style = {
    "--x": round(box.minX - centre.x),
    "--y": round(box.minY - centre.y),
    "--w": round(box.maxX - box.minX),
    "--h": round(box.maxY - box.minY),
  };
  return style as CSSProperties;
}

/** An outline's path, in the map's colours and dashes; its lines keep their width in pixels however the SVG is stretched. */
function OutlinePath({ d, look }: { d: string; look: OutlineLook }) {
  return (
    <path
      d={d}
      fill={look.fillColor}
      fillOpacity={look.fillOpacity}
      fillRule="evenodd"
      stroke={look.color}
      strokeWidth={look.weight}
      strokeDasharray={look.dashArray}
      strokeLinejoin="round"
      vectorEffect="non-scaling-stroke"
    />
  );
}

/** The outlines the map draws over the land (Basemap.tsx), stretched over their box like the land. */
function Outlines({ drawing, centre }: { drawing: OutlineDrawing; centre: { x: number; y: number } }) {
  return (
    <svg
      className="first-view-outlines"
      viewBox={`0 0 ${drawing.width} ${drawing.height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
      style={boxStyle(drawing.box, centre)}
    >
      {drawing.countries && <OutlinePath d={drawing.countries} look={COUNTRY_OUTLINE} />}
      {drawing.areas && <OutlinePath d={drawing.areas} look={AREA_OUTLINE} />}
    </svg>
  );
}

/**
 * The markers, their names, the land and the outlines of the places that are areas. Each marker is a link to its place's page, which reads
 * without JavaScript; once the page runs, a click opens the place on the map instead (MapLoader.tsx).
 */
function FirstView({ view, layout, outlines, actorsById, linksOpenOutside }: FirstViewDrawing) {
  const byZoom = layout.zooms.map((z) => ({ zoom: z.zoom, markers: new Map(z.markers.map((m) => [m.id, m])) }));
  return (
    <>
      <style>{firstViewCss(layout)}</style>
      {/* The region's land, stretched over its box at the view's zoom; the map's own basemap replaces it.
          Not next/image: it writes an inline style, which the page's policy blocks, and an SVG needs no resizing. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img className="first-view-land" src="/basemap.svg" alt="" style={boxStyle(landBox(), layout.centre)} />
      {outlines && <Outlines drawing={outlines} centre={layout.centre} />}
      <BasemapNames layout={layout} />
      {view.places.map((place) => {
        const point = layout.points.get(place.id)!;
        const group = view.groupsByPlace.get(place.id);
        const actors = (group?.actors ?? []).flatMap((id) => actorsById.get(id) ?? []);
        const style: Record<string, string> = { "--x": round(point.x), "--y": round(point.y) };
        for (const { zoom, markers } of byZoom) Object.assign(style, zoomProperties(zoom, markers.get(place.id)!));
        return (
          <a
            key={place.id}
            className={`place-marker-icon first-view-marker is-displaced${place.id === view.focusPlace ? " is-selected" : ""}`}
            href={`/places/${place.id}`}
            {...(linksOpenOutside ? { target: "_blank", rel: "noopener" } : {})}
            data-place={place.id}
            aria-label={markerName({ place, eventCount: group?.features.length ?? 0, actors })}
            style={style as CSSProperties}
          >
            <span className="place-label">{place.properties.name}</span>
            <Face place={place} group={group} actorsById={actorsById} />
          </a>
        );
      })}
      {/* The land is Natural Earth's and the cities' names GeoNames', credited as the map credits them (Basemap.tsx). */}
      <p className="first-view-credit">
        Shapes: <a href="https://www.naturalearthdata.com/">Natural Earth</a>, Place names: <a href="https://www.geonames.org/">GeoNames</a>{" "}
        (<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)
      </p>
    </>
  );
}

/**
 * The basemap's names (countries, capitals, cities) that have room at some zoom, as the map places
 * them around the markers and their labels; each is shown at the zooms where it has room, on the
 * side it has there (a city's name may go left of its dot at one zoom and right at another: one
 * element per side). Hidden from screen readers, as the map's are: the markers name the places.
 */
function BasemapNames({ layout }: { layout: FirstViewLayout }) {
  const sidesById = new Map<string, Map<string, number[]>>();
  for (const { zoom, names } of layout.zooms)
    for (const { id, side } of names) {
      const sides = sidesById.get(id) ?? new Map<string, number[]>();
      sides.set(side, [...(sides.get(side) ?? []), zoom]);
      sidesById.set(id, sides);
    }
  return (
    <div className="first-view-names" aria-hidden="true">
      {[...sidesById].flatMap(([id, sides]) => {
        const { label, point } = layout.names.get(id)!;
        return [...sides].map(([side, zooms]) => {
          const style: Record<string, string> = { "--x": round(point.x), "--y": round(point.y) };
          for (const zoom of zooms) style[`--nv-${zoom}`] = "visible";
          return (
            <span key={`${id}|${side}`} className="first-view-name" style={style as CSSProperties}>
              <span className={`basemap-label is-${label.kind}`} data-side={side}>
                {label.kind !== "country" && <span className="basemap-label-dot" />}
                <span className="basemap-label-text">{label.name}</span>
              </span>
            </span>
          );
        });
      })}
    </div>
  );
}
