/**
 * How the basemap's names are drawn, for the layout to measure them as drawn: the map's labels
 * (BasemapLabels.tsx) and the first view's (FirstView.tsx). No Leaflet here, so that the server
 * may use it. The CSS is app/globals.css, `.basemap-label`.
 */
import type { BasemapLabel } from "@/geo/basemap";

const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Each kind of name's font, letter spacing and line height; `perChar` is the server's estimate of a glyph's width (see below). */
export const BASEMAP_LABEL_STYLE = {
  // perChar: Chromium's average over the region's names (9.4, 7.7 and 6.3 px, letter spacing
  // included), plus 10%: the server has no canvas, and a name estimated too narrow would cover another.
  country: { font: `600 11px ${FONT_STACK}`, letterSpacing: 1.5, height: 14, uppercase: true, perChar: 10.4 },
  capital: { font: `700 12px ${FONT_STACK}`, letterSpacing: 0, height: 15, uppercase: false, perChar: 8.5 },
  city: { font: `400 11px ${FONT_STACK}`, letterSpacing: 0, height: 14, uppercase: false, perChar: 6.9 },
} as const;

/** A basemap label's key: stable across zooms, unique across the list. */
export function basemapLabelId(label: BasemapLabel): string {
  return `${label.kind}:${label.name}:${label.lng},${label.lat}`;
}
