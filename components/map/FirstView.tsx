import type { CSSProperties } from "react";
import { textColorOn } from "@/geo/colors";
import type { PlaceGroup } from "@/geo/group";
import type { Actor, PlaceFeature } from "@/geo/schema";
import type { StoryBundle } from "@/geo/story";
import { CLUSTER_ABOVE } from "@/geo/thresholds";
import { deriveView } from "@/geo/view";
import { firstViewLayout, type FirstViewLayout, type FirstViewMarker } from "./firstViewLayout";
import { markerName, shownMarks } from "./markerText";
import { FIT_FRAME } from "./fitFrame";

// The map's first view, in the page's HTML: the story's markers and their names where Leaflet's
// first fit will draw them, before any script has run. A server component: its layout code never
// reaches the browser. The map takes over once its own markers are laid out (MapLoader.tsx).

export interface FirstViewProps {
  /** The story as the page carries it: its first view is its places with no filter and no focus. */
  bundle: StoryBundle;
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
  return `.first-view-marker{--s:${2 ** zoom};${properties.join(";")}}`;
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
 * The first view of a story's map, or nothing where the map would not open on a fit of its
 * places, or would cluster them. Each marker is a link to its place's page, which reads without
 * JavaScript; once the page runs, a click opens the place on the map instead (MapLoader.tsx).
 */
export function FirstView({ bundle }: FirstViewProps) {
  if (bundle.deferred || bundle.places.length > CLUSTER_ABOVE) return null;
  const view = deriveView(bundle, {});
  const actorsById = new Map(bundle.actors.map((actor) => [actor.id, actor]));
  const layout = firstViewLayout(view.places, view.groupsByPlace, view.coreBounds(), FIT_FRAME);
  if (!layout) return null;
  const byZoom = layout.zooms.map((z) => ({ zoom: z.zoom, markers: new Map(z.markers.map((m) => [m.id, m])) }));
  return (
    <>
      <style>{firstViewCss(layout)}</style>
      {view.places.map((place) => {
        const point = layout.points.get(place.id)!;
        const group = view.groupsByPlace.get(place.id);
        const actors = (group?.actors ?? []).flatMap((id) => actorsById.get(id) ?? []);
        const style: Record<string, string> = {
          "--x": String(Math.round(point.x * 1e4) / 1e4),
          "--y": String(Math.round(point.y * 1e4) / 1e4),
        };
        for (const { zoom, markers } of byZoom) Object.assign(style, zoomProperties(zoom, markers.get(place.id)!));
        return (
          <a
            key={place.id}
            className="place-marker-icon first-view-marker is-displaced"
            href={`/places/${place.id}`}
            data-place={place.id}
            aria-label={markerName({ place, eventCount: group?.features.length ?? 0, actors })}
            style={style as CSSProperties}
          >
            <span className="place-label">{place.properties.name}</span>
            <Face place={place} group={group} actorsById={actorsById} />
          </a>
        );
      })}
    </>
  );
}
