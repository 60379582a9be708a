import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import chromium from "./tests/chromium.json";

/**
 * Browser tests drive the production build in Debian's Chromium (`npx playwright install`
 * cannot download browsers here). Tiles are off, and every request that does not go to
 * localhost is aborted in tests/browser/fixtures.ts.
 */
const PORT = Number(process.env.DATELINE_TEST_PORT ?? 3210);
/** The server of the hostile-data build (tests/fixtures/hostile). */
const HOSTILE_PORT = PORT + 1;
/** The server of the two-story build (tests/fixtures/stories-two), and its folder. */
const STORIES_PORT = PORT + 2;
const STORIES_DIST_DIR = process.env.DATELINE_STORIES_DIST_DIR ?? ".next-stories";
/** nginx caching the app's server (tests/cache/nginx.mjs), where Debian's nginx is installed. */
const CACHE_PORT = PORT + 3;
const HAS_NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].some((file) => existsSync(file));
/** The studio build (DATELINE_STUDIO=on), its server, and the data folder it writes (a fresh copy per run). */
const STUDIO_PORT = PORT + 4;
const STUDIO_DIST_DIR = process.env.DATELINE_STUDIO_DIST_DIR ?? ".next-studio";
const STUDIO_DATA_DIR = "test-results/studio-data";
/** The server of a build from a generated story of 10,000 events (tests/browser/scale.spec.ts), its folder and data. */
const SCALE_PORT = PORT + 6;
const SCALE_DIST_DIR = process.env.DATELINE_SCALE_DIST_DIR ?? ".next-scale";
const SCALE_DATA_DIR = process.env.DATELINE_SCALE_DATA_DIR ?? "test-results/scale-10000";
/** The hostile-data build's folder. */
const HOSTILE_DIST_DIR = process.env.DATELINE_HOSTILE_DIST_DIR ?? ".next-hostile";

export default defineConfig({
  testDir: "tests/browser",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/browser",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/browser.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: "chromium",
    // Debian's Chromium, started as the machines here need it (tests/chromium.json).
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath, args: chromium.args },
    viewport: { width: 1280, height: 800 },
    trace: "off",
  },
  projects: [
    { name: "app", testIgnore: ["**/hostile.spec.ts", "**/stories.spec.ts", "**/cache.spec.ts", "**/studio.spec.ts", "**/scale.spec.ts"] },
    // The same server through nginx as a caching reverse proxy (tests/cache/nginx.mjs).
    { name: "cache", testMatch: "**/cache.spec.ts", use: { baseURL: `http://127.0.0.1:${CACHE_PORT}` } },
    // The site built from tests/fixtures/hostile (markup and script in every text field) into .next-hostile.
    { name: "hostile", testMatch: "**/hostile.spec.ts", use: { baseURL: `http://localhost:${HOSTILE_PORT}` } },
    // The site built from tests/fixtures/stories-two (two stories sharing places) into .next-stories.
    { name: "stories", testMatch: "**/stories.spec.ts", use: { baseURL: `http://localhost:${STORIES_PORT}` } },
    // The studio built with DATELINE_STUDIO=on into .next-studio, writing a copy of a fixture data folder.
    { name: "studio", testMatch: "**/studio.spec.ts", use: { baseURL: `http://localhost:${STUDIO_PORT}` } },
    // The site built from a generated story of 10,000 events (SCALE_DATA_DIR) into SCALE_DIST_DIR.
    { name: "scale", testMatch: "**/scale.spec.ts", timeout: 60_000, use: { baseURL: `http://localhost:${SCALE_PORT}` } },
  ],
  webServer: [
    {
      command: `npx next start -p ${PORT}`,
      url: `http://localhost:${PORT}/api/places`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { DATELINE_TILES: "off", NEXT_TELEMETRY_DISABLED: "1" },
    },
    // nginx in front of the first server; cache.spec.ts fails where nginx is not installed.
    ...(HAS_NGINX
      ? [
          {
            command: "node tests/cache/nginx.mjs",
            url: `http://127.0.0.1:${CACHE_PORT}/icon.svg`,
            reuseExistingServer: false,
            timeout: 60_000,
            env: { DATELINE_CACHE_PORT: String(CACHE_PORT), DATELINE_CACHE_UPSTREAM: `http://127.0.0.1:${PORT}` },
          },
        ]
      : []),
    // Started only when the hostile build exists (tests/run-all.sh makes it), so that running one
    // spec against the normal build does not need it; hostile.spec.ts fails saying how to build it.
    ...(existsSync(`${HOSTILE_DIST_DIR}/BUILD_ID`)
      ? [
          {
            command: `npx next start -p ${HOSTILE_PORT}`,
            url: `http://localhost:${HOSTILE_PORT}/api/places`,
            reuseExistingServer: false,
            timeout: 60_000,
            env: {
              DATELINE_TILES: "off",
              NEXT_TELEMETRY_DISABLED: "1",
              DATELINE_DIST_DIR: HOSTILE_DIST_DIR,
              DATELINE_DATA_DIR: "tests/fixtures/hostile",
            },
          },
        ]
      : []),
    // Likewise for the two-story build; stories.spec.ts fails saying how to build it.
    ...(existsSync(`${STORIES_DIST_DIR}/BUILD_ID`)
      ? [
          {
            command: `npx next start -p ${STORIES_PORT}`,
            url: `http://localhost:${STORIES_PORT}/api/places`,
            reuseExistingServer: false,
            timeout: 60_000,
            env: {
              DATELINE_TILES: "off",
              NEXT_TELEMETRY_DISABLED: "1",
              DATELINE_DIST_DIR: STORIES_DIST_DIR,
              DATELINE_DATA_DIR: "tests/fixtures/stories-two",
            },
          },
        ]
      : []),
    // Likewise for the studio build; studio.spec.ts fails saying how to build it.
    ...(existsSync(`${STUDIO_DIST_DIR}/BUILD_ID`)
      ? [
          {
            command: "node tests/studio/serve.mjs",
            url: `http://localhost:${STUDIO_PORT}/api/studio/dataset`,
            reuseExistingServer: false,
            timeout: 60_000,
            env: { DATELINE_DIST_DIR: STUDIO_DIST_DIR, DATELINE_STUDIO_DATA: STUDIO_DATA_DIR, DATELINE_STUDIO_PORT: String(STUDIO_PORT) },
          },
        ]
      : []),
    // Likewise for the 10,000-event build; scale.spec.ts fails saying there is no large story without it.
    ...(existsSync(`${SCALE_DIST_DIR}/BUILD_ID`)
      ? [
          {
            command: `npx next start -p ${SCALE_PORT}`,
            url: `http://localhost:${SCALE_PORT}/api/places`,
            reuseExistingServer: false,
            timeout: 60_000,
            env: {
              DATELINE_TILES: "off",
              NEXT_TELEMETRY_DISABLED: "1",
              DATELINE_DIST_DIR: SCALE_DIST_DIR,
              DATELINE_DATA_DIR: SCALE_DATA_DIR,
            },
          },
        ]
      : []),
  ],
});
