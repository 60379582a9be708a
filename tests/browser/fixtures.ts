import { test as base, expect, type Page } from "@playwright/test";

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

/** Waits until the map has drawn its markers. */
export async function waitForMap(page: Page) {
  await page.locator(".leaflet-container").waitFor();
  await page.locator(".leaflet-marker-icon[data-place]").first().waitFor();
}

/** The place ids of the markers on the map now. */
export async function markerIds(page: Page): Promise<string[]> {
  return page.locator(".leaflet-marker-icon[data-place]").evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.place ?? ""));
}
