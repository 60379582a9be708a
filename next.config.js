// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // DATELINE_TILES is read at build and at start (CONTRACT.md "Settings"); see geo/tiles.ts.
  env: {},
  // The data files are read from disk at run time by geo/load.ts: ship them with the server.
  outputFileTracingIncludes: { "/**": ["./geo/data/**/*"] },
};

module.exports = nextConfig;
