import { defineConfig } from "@playwright/test";

/**
 * Browser tests drive the production build in Debian's Chromium (`npx playwright install`
 * cannot download browsers here). Tiles are off, and every request that does not go to
 * localhost is aborted in tests/browser/fixtures.ts.
 */
const PORT = Number(process.env.DATELINE_TEST_PORT ?? 3210);

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
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    viewport: { width: 1280, height: 800 },
    trace: "off",
  },
  webServer: {
    command: `npx next start -p ${PORT}`,
    url: `http://localhost:${PORT}/api/places`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { DATELINE_TILES: "off", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
