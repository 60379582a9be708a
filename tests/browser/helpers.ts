import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

/** Where screenshots meant for a human reviewer go. */
export const SCREENSHOT_DIR = path.join("test-results", "screenshots");

/** Saves a screenshot of the whole viewport as test-results/screenshots/<name>.png and returns the path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The open popup's content (Leaflet keeps at most one open). */
export function popup(page: Page): Locator {
  return page.locator(".leaflet-popup-content");
}

/** The marker of a place. */
export function marker(page: Page, placeId: string): Locator {
  return page.locator(`.leaflet-marker-icon[data-place="${placeId}"]`);
}

/** The event list's item for an event. */
export function listItem(page: Page, eventId: string): Locator {
  return page.locator(`li[data-event="${eventId}"]`);
}

/** The current value of a query parameter in the page's URL, or null. */
export function queryParam(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

/** Waits until the URL's query parameter has the value (null: absent). */
export async function expectQueryParam(page: Page, name: string, value: string | null) {
  await expect.poll(() => queryParam(page, name), { message: `URL parameter ${name}` }).toBe(value);
}

/** Waits until the country shapes and the basemap's names are drawn, so screenshots show a map and not a blank sea. */
export async function waitForBasemap(page: Page) {
  await page.locator(".leaflet-basemap-pane canvas").first().waitFor({ state: "attached" });
  await page.locator(".leaflet-basemap-labels-pane .basemap-label").first().waitFor({ state: "attached" });
}

/**
 * Waits until the map stops moving (flyTo, zoom and pan animations, popup auto-pan), so positions
 * and screenshots are stable: the markers' and the popup's places on screen stay put for 400 ms.
 */
export async function waitForMapToSettle(page: Page) {
  let last = "";
  let stillFor = 0;
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() =>
          [...document.querySelectorAll(".leaflet-marker-icon, .leaflet-popup")]
            .map((el) => {
              const box = el.getBoundingClientRect();
              return `${Math.round(box.x)},${Math.round(box.y)},${Math.round(box.width)}`;
            })
            .join(";"),
        );
        stillFor = now === last ? stillFor + 1 : 0;
        last = now;
        return stillFor >= 2;
      },
      { intervals: [200], timeout: 10_000, message: "the map to stop moving" },
    )
    .toBe(true);
}

/** The place ids of the map's markers now, sorted. */
export async function shownPlaces(page: Page): Promise<string[]> {
  const ids = await page
    .locator(".leaflet-marker-icon[data-place]")
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.place ?? ""));
  return ids.sort();
}

/** Waits until the map shows a marker for every place in `shown` and none for any place in `hidden`. */
export async function expectMarkers(page: Page, { shown = [], hidden = [] }: { shown?: string[]; hidden?: string[] }) {
  await expect
    .poll(
      async () => {
        const ids = await shownPlaces(page);
        return { missing: shown.filter((id) => !ids.includes(id)), unexpected: hidden.filter((id) => ids.includes(id)) };
      },
      { message: `markers: shown ${shown.join(", ") || "-"}; hidden ${hidden.join(", ") || "-"}` },
    )
    .toEqual({ missing: [], unexpected: [] });
}

/** The event list's summary, "N of M events". */
export function summary(page: Page): Locator {
  return page.locator(".list-heading .summary");
}

/**
 * Presses Tab until the focused element matches the CSS `selector` (and, if given, has exactly
 * `text` as its trimmed text), at most `limit` presses; returns how many presses it took, or fails
 * naming the last focused element.
 */
export async function tabTo(page: Page, selector: string, limit = 200, text?: string): Promise<number> {
  let last = "";
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate(
      ([sel, wanted]) => {
        const el = document.activeElement;
        const matches = (el?.matches(sel) ?? false) && (wanted === undefined || el?.textContent?.trim() === wanted);
        return { matches, what: el ? `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 40)}"` : "nothing" };
      },
      [selector, text] as const,
    );
    if (found.matches) return presses;
    last = found.what;
  }
  throw new Error(`${selector}${text ? ` "${text}"` : ""} did not take the focus after ${limit} presses of Tab (last focused: ${last})`);
}

/** Whether the page's focused element is inside the element that `selector` finds. */
export function focusIsInside(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.activeElement;
    return el !== null && el !== document.body && el.closest(sel) !== null;
  }, selector);
}
