/** Settings the server reads from the environment, read here and nowhere else in app/. */
import { parseTileSetting, type TileSetting } from "@/geo/tiles";

/** The Next.js build folder: `DATELINE_DIST_DIR` (the tests build copies side by side), else `.next`. */
export function distDir(env: Record<string, string | undefined> = process.env): string {
  return env.DATELINE_DIST_DIR?.trim() || ".next";
}

/** `DATELINE_TILES`; an invalid value is reported once on the server and treated as `off`. */
export function tileSettingFromEnv(env: Record<string, string | undefined> = process.env): TileSetting {
  const setting = parseTileSetting(env.DATELINE_TILES);
  if (setting.kind !== "error") return setting;
  console.error(`${setting.message}; drawing the map without raster tiles.`);
  return { kind: "off" };
}

/** The public address of the site, for canonical URLs and social cards: `DATELINE_SITE_URL`. */
export function siteUrl(env: Record<string, string | undefined> = process.env): URL {
  const value = env.DATELINE_SITE_URL?.trim();
  try {
    if (value) return new URL(value);
  } catch {
    console.error(`DATELINE_SITE_URL=${JSON.stringify(value)} is not a URL; using http://localhost:3000`);
  }
  return new URL("http://localhost:3000");
}

/**
 * This server's own address, for its requests to itself: `next start` records it (an internal
 * variable of Next.js, hence the fallback), rather than the Host that a cache in front may forward.
 */
export function serverOrigin(fallback: string, env: Record<string, string | undefined> = process.env): string {
  return env.__NEXT_PRIVATE_ORIGIN || fallback;
}

/** Whether this is `next dev`, whose scripts need eval and inline styles. */
export function isDev(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV === "development";
}

/** `DATELINE_STUDIO=on` turns the studio on (contract); anything else, or unset, leaves it out. */
export function studioEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.DATELINE_STUDIO === "on";
}

/**
 * Whether this build has the studio: next.config.js writes `DATELINE_STUDIO_BUILD` into the build
 * (its `env`), from `DATELINE_STUDIO` at build time. A literal `process.env.X`, so it is inlined.
 */
export function studioBuilt(): boolean {
  return process.env.DATELINE_STUDIO_BUILD === "on";
}

/** The studio answers only when it was built in and the server was started with it on (contract). */
export function studioServed(env: Record<string, string | undefined> = process.env): boolean {
  return studioBuilt() && studioEnabled(env);
}
