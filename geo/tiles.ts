/**
 * The `DATELINE_TILES` setting (CONTRACT.md "Settings"): a raster tile URL template, `off`, or
 * unset for OpenStreetMap's standard tiles with their attribution.
 */

export type TileSetting = { kind: "off" } | { kind: "tiles"; url: string; attribution: string; origin: string };

export const OSM_TILES: TileSetting = {
  kind: "tiles",
  url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  // Leaflet renders attribution as HTML: this constant is ours, never user input.
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  origin: "https://tile.openstreetmap.org",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Parses the setting. A template must be an http(s) URL with `{z}`, `{x}` and `{y}`; anything else
 * is an error that names the value, so a typo in deployment fails loudly instead of showing a
 * map of broken images.
 */
export function parseTileSetting(value: string | undefined): TileSetting | { kind: "error"; message: string } {
  if (value === undefined || value.trim() === "") return OSM_TILES;
  const text = value.trim();
  if (text === "off") return { kind: "off" };
  let url: URL;
  try {
    url = new URL(text.replace(/\{[a-z]\}/g, "0"));
  } catch {
    return { kind: "error", message: `DATELINE_TILES=${JSON.stringify(text)} is not a URL template or "off"` };
  }
  const missing = ["{z}", "{x}", "{y}"].filter((part) => !text.includes(part));
  if (!/^https?:$/.test(url.protocol) || missing.length > 0) {
    const why = missing.length > 0 ? `lacks ${missing.join(", ")}` : "must be http or https";
    return { kind: "error", message: `DATELINE_TILES=${JSON.stringify(text)} ${why}` };
  }
  return { kind: "tiles", url: text, attribution: `Tiles: ${escapeHtml(url.host)}`, origin: url.origin };
}
