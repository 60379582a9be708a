import { test as base, expect, type FrameLocator, type Page } from "@playwright/test";
import { HYDRATED_ATTRIBUTE } from "../../components/hydration";

/**
 * Every browser test gets a page that aborts any request leaving localhost and records console
 * errors, failed requests and page errors; a test fails if any of them happened.
 */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  offsiteRequests: string[];
}

const LOCAL = /^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|data:|blob:)/;

export const test = base.extend<{ problems: PageProblems }>({
  problems: [
    async ({ page }, provide) => {
      const problems: PageProblems = { consoleErrors: [], pageErrors: [], offsiteRequests: [] };
      await page.route(
        (url) => !LOCAL.test(url.toString()),
        (route) => {
          problems.offsiteRequests.push(route.request().url());
          return route.abort("blockedbyclient");
        },
      );
      page.on("console", (message) => {
        if (message.type() === "error") problems.consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => problems.pageErrors.push(error.message));
      await provide(problems);
      expect(problems.pageErrors, "uncaught errors in the page").toEqual([]);
      expect(problems.offsiteRequests, "requests that left localhost").toEqual([]);
      expect(problems.consoleErrors, "console errors").toEqual([]);
    },
    // Every test, whether or not it names the fixture: no test may reach the network or log an error.
    { auto: true },
  ],
});

export { expect };

/**
 * Reaches for the page as a reader would, with a key that does nothing (Shift), and waits until
 * React has hydrated it (components/HydratedSignal.tsx): its handlers are then React's. `/` starts
 * its app only on such an intent (components/startOnIntent.ts); other pages start at once.
 */
export async function appStarted(scope: Page | FrameLocator) {
  await scope.locator("body").press("Shift");
  await scope.locator(`html[${HYDRATED_ATTRIBUTE}]`).waitFor({ state: "attached" });
}

/**
 * Where the page opens on its first view, the map's code loads only when the reader reaches for
 * the map (MapLoader.tsx): this moves the pointer over it, as a reader's would, once React listens.
 */
export async function reachForMap(scope: Page | FrameLocator) {
  // The page (or the frame) shows one or the other once its query is applied: a link with a query
  // keeps the app hidden until then (useUrlState), and may start the map without a first view.
  await scope.locator(".first-view, .leaflet-container").filter({ visible: true }).first().waitFor();
  const firstView = scope.locator(".first-view");
  if (!(await firstView.isVisible())) return;
  await appStarted(scope);
  if (await firstView.isVisible()) await firstView.hover({ position: { x: 1, y: 1 }, force: true });
}

/** Waits until the map has drawn its markers, reaching for it first where the page opens on its first view. */
export async function waitForMap(page: Page) {
  await reachForMap(page);
  await page.locator(".leaflet-container").waitFor();
  await page.locator(".leaflet-marker-icon[data-place]").first().waitFor();
}

/** The place ids of the markers on the map now. */
export async function markerIds(page: Page): Promise<string[]> {
  return page.locator(".leaflet-marker-icon[data-place]").evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.place ?? ""));
}
