import type { Page } from "@playwright/test";
import { expect, test, waitForMap } from "./fixtures";
import { marker, popup, saveScreenshot, waitForBasemap, waitForMapToSettle } from "./helpers";

/** The contract's places and their names as the map labels them. */
const CONTRACT_PLACES: Record<string, string> = {
  damascus: "Damascus",
  latakia: "Latakia Governorate",
  khmeimim: "Khmeimim Air Base",
  "ain-al-asad": "Ain al-Asad Air Base",
  erbil: "Erbil Air Base",
};

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes on screen of every marker disc, every shown marker label and every basemap name. */
async function drawnBoxes(page: Page): Promise<{ discs: Box[]; labels: Box[]; names: Box[] }> {
  return page.evaluate(() => {
    const boxes = (selector: string, what: (el: Element) => string) =>
      [...document.querySelectorAll(selector)]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => {
          const { x, y, width, height } = el.getBoundingClientRect();
          return { what: what(el), x, y, width, height };
        });
    const place = (el: Element) => el.closest<HTMLElement>("[data-place]")?.dataset.place ?? "?";
    return {
      discs: boxes(".place-marker-count", place),
      labels: boxes(".place-label", (el) => `label of ${place(el)}`),
      names: boxes(".basemap-label-text", (el) => `basemap name ${el.textContent}`),
    };
  });
}

/** Pairs of boxes that overlap by more than a pixel (anti-aliasing and rounding aside). */
function overlaps(a: readonly Box[], b: readonly Box[], same = false): string[] {
  const found: string[] = [];
  a.forEach((p, i) =>
    b.forEach((q, j) => {
      if (same && j <= i) return;
      const dx = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
      const dy = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
      if (dx > 1 && dy > 1) found.push(`${p.what} / ${q.what}`);
    }),
  );
  return found;
}

async function expectNothingCovered(page: Page) {
  const { discs, labels, names } = await drawnBoxes(page);
  expect(overlaps(discs, discs, true), "marker discs overlapping").toEqual([]);
  expect(overlaps(labels, labels, true), "marker labels overlapping").toEqual([]);
  expect(overlaps(labels, discs), "marker labels covering a marker").toEqual([]);
  expect(overlaps(names, [...discs, ...labels]), "basemap names covering a marker or its label").toEqual([]);
  expect(overlaps(names, names, true), "basemap names overlapping").toEqual([]);
  return { discs, labels, names };
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
]) {
  test(`at ${viewport.width}x${viewport.height} the opening map names places and cities, and nothing covers anything`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await waitForMap(page);
    await waitForBasemap(page);
    await waitForMapToSettle(page);
    const { discs, labels, names } = await expectNothingCovered(page);
    expect(labels.length, "most markers carry their name").toBeGreaterThanOrEqual(Math.ceil(discs.length / 2));
    expect(names.length, "the basemap names countries and cities").toBeGreaterThan(5);
    // Touch targets: every disc is at least 24 px (WCAG 2.5.8), and they do not overlap (above).
    for (const disc of discs) expect(Math.min(disc.width, disc.height), disc.what).toBeGreaterThanOrEqual(24);
    await saveScreenshot(page, `labels-opening-${viewport.width}`);
  });
}

for (const [placeId, name] of Object.entries(CONTRACT_PLACES)) {
  test(`zoomed in on ${placeId}, its label reads "${name}" and covers nothing`, async ({ page }) => {
    await page.goto(`/?place=${placeId}`);
    await waitForMap(page);
    await waitForBasemap(page);
    await expect(popup(page)).toBeVisible();
    // The popup covers part of the map by design: close it to look at the map itself.
    await page.getByRole("button", { name: /close popup/i }).click();
    await waitForMapToSettle(page);
    await expect(marker(page, placeId).locator(".place-label")).toBeVisible();
    await expect(marker(page, placeId).locator(".place-label")).toHaveText(name);
    await expectNothingCovered(page);
  });
}

test("a selected place's label always shows, even where its neighbours crowd it", async ({ page }) => {
  // Zoomed out to the whole region, Khmeimim sits between Latakia, Damascus and Syria.
  await page.goto("/?place=khmeimim&view=4/34/40");
  await waitForMap(page);
  await expect(marker(page, "khmeimim").locator(".place-label")).toBeVisible();
});

test("each marker's accessible name starts with its place's name and holds its visible text (WCAG 2.5.3)", async ({ page }) => {
  await page.goto("/?view=9/35.4/35.9");
  await waitForMap(page);
  const markers = await page.locator(".leaflet-marker-icon[data-place]").evaluateAll((elements) =>
    elements.map((el) => {
      // The visible text as axe reads it: every visible text node, joined with nothing between.
      const visibleText = (node: Node): string =>
        node.nodeType === Node.TEXT_NODE
          ? (node.parentElement?.checkVisibility() ?? false)
            ? (node.nodeValue ?? "")
            : ""
          : [...node.childNodes].map(visibleText).join("");
      return {
        name: el.getAttribute("aria-label") ?? "",
        visible: visibleText(el),
        label: el.querySelector(".place-label")?.textContent ?? "",
      };
    }),
  );
  expect(markers.length).toBeGreaterThan(0);
  // As axe's label-content-name-mismatch compares them: case, punctuation and spacing aside.
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  for (const { name, visible, label } of markers) {
    expect(name.startsWith(label), `"${name}" starts with "${label}"`).toBe(true);
    expect(words(name), `"${name}" holds the visible "${visible}"`).toContain(words(visible));
  }
});

test("an open popup follows the map's width when the phone turns", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/?place=damascus");
  await waitForMap(page);
  await expect(popup(page)).toBeVisible();
  const wide = await page.locator(".leaflet-popup-content-wrapper").evaluate((el) => el.getBoundingClientRect().width);
  await page.setViewportSize({ width: 375, height: 667 });
  const map = page.locator(".leaflet-container");
  await expect
    .poll(
      async () => {
        const mapWidth = await map.evaluate((el) => el.getBoundingClientRect().width);
        const popupWidth = await page.locator(".leaflet-popup-content-wrapper").evaluate((el) => el.getBoundingClientRect().width);
        return popupWidth <= mapWidth - 60;
      },
      { message: "the popup fits the narrow map" },
    )
    .toBe(true);
  expect(wide).toBeGreaterThan(280);
});

test("the map credits Natural Earth and GeoNames once", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  await waitForBasemap(page);
  const attribution = page.locator(".leaflet-control-attribution");
  await expect(attribution.getByRole("link", { name: "Natural Earth" })).toHaveCount(1);
  await expect(attribution.getByRole("link", { name: "GeoNames" })).toHaveCount(1);
});

test("Latakia Governorate is drawn as its outline, not only as a point", async ({ page }) => {
  await page.goto("/?place=latakia");
  await waitForMap(page);
  // The outline is an SVG path in the overlay pane, drawn in the province style.
  await expect(page.locator(".leaflet-overlay-pane path.area-outline")).toHaveCount(1);
});
