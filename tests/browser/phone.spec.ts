import type { Page } from "@playwright/test";
import { appStarted, expect, test, waitForMap } from "./fixtures";
import { expectQueryParam, listItem, popup, saveScreenshot, tabTo, waitForBasemap, waitForMapToSettle } from "./helpers";

const PHONE = { width: 375, height: 667 };

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

async function load(page: Page, url: string) {
  await page.goto(url);
  await waitForMap(page);
  await waitForBasemap(page);
}

/** Opens the bottom sheet with its toggle and chooses an event in the list. */
async function chooseEventFromSheet(page: Page, eventId: string) {
  await page.locator(".panel-toggle").click();
  const button = listItem(page, eventId).locator(".event-button");
  await button.scrollIntoViewIfNeeded();
  await button.click();
}

/** Checks the open popup lies wholly on screen, between the top edge and the collapsed sheet. */
async function expectPopupOnScreen(page: Page) {
  const box = await page.locator(".leaflet-popup").boundingBox();
  const sheet = await page.locator(".panel").boundingBox();
  expect(box, "the popup's box").not.toBeNull();
  expect(sheet, "the sheet's box").not.toBeNull();
  if (!box || !sheet) return;
  expect(box.x, "the popup's left edge is on screen").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "the popup's right edge is on screen").toBeLessThanOrEqual(PHONE.width);
  expect(box.y, "the popup's top edge is on screen").toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, "the popup ends above the sheet").toBeLessThanOrEqual(sheet.y + 1);
}

/** The timeline's disclosure button, named "Dates: <the dates the filter keeps>". */
function timelineToggle(page: Page) {
  return page.getByRole("region", { name: "Filter by date" }).getByRole("button", { name: /^Dates/ });
}

/** How tall the part of the map is that neither the timeline nor the bottom sheet covers. */
async function uncoveredMapHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const top = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().top ?? Infinity;
    const map = document.querySelector(".leaflet-container")?.getBoundingClientRect();
    if (!map) return 0;
    return Math.min(map.bottom, top(".timeline"), top(".panel"), window.innerHeight) - Math.max(map.top, 0);
  });
}

test("on a phone the page fits the screen width and shows the map", async ({ page }) => {
  await load(page, "/");
  const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
  expect(widths.document, "no horizontal scrolling").toBeLessThanOrEqual(PHONE.width);
  expect(widths.body, "no horizontal scrolling").toBeLessThanOrEqual(PHONE.width);

  const map = page.locator(".leaflet-container");
  await expect(map).toBeVisible();
  await expect(map).toBeInViewport();
  const box = await map.boundingBox();
  expect(box?.width, "the map spans the screen").toBeGreaterThanOrEqual(PHONE.width - 1);
  // With the sheet and the timeline folded, most of the screen is map.
  expect(await uncoveredMapHeight(page), "the map's height that nothing covers").toBeGreaterThanOrEqual(PHONE.height * 0.55);
  await expect(page.locator(".leaflet-marker-icon[data-place]").first()).toBeInViewport();

  await waitForMapToSettle(page);
  await saveScreenshot(page, "phone-home");
});

test("the sheet's toggle shows the event list, and choosing an event closes the sheet and opens its popup", async ({ page }) => {
  await load(page, "/");
  const toggle = page.locator(".panel-toggle");
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator("#panel-body")).toBeHidden();

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("#panel-body")).toBeVisible();
  await expect(page.locator("li[data-event]").first()).toBeInViewport();
  await saveScreenshot(page, "phone-list");

  const button = listItem(page, "putin-assad-talks-damascus").locator(".event-button");
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator("#panel-body")).toBeHidden();

  const content = popup(page);
  await expect(content).toBeVisible();
  await expect(content.getByRole("heading", { level: 2 })).toHaveText(/Damascus/);
  await expect(content.getByRole("heading", { name: "Putin meets Assad at the Russian command post in Damascus" })).toBeAttached();
  await waitForMapToSettle(page);
  await saveScreenshot(page, "phone-popup");
});

// A regression test; this was once a bug: on a phone the popup's auto-pan interrupts the fly-to, is written to the URL as view=4/..., so the map stays at zoom 4 and the popup is cut off at the left edge (x ≈ -70).
test("on a phone, choosing an event brings its place's popup wholly on screen", async ({ page }) => {
  await load(page, "/");
  await chooseEventFromSheet(page, "putin-assad-talks-damascus");
  await expect(popup(page)).toBeVisible();
  await waitForMapToSettle(page);
  await expectPopupOnScreen(page);
});

test("on a phone a place link opens the place's popup", async ({ page }) => {
  await load(page, "/?place=damascus");
  const content = popup(page);
  await expect(content).toBeVisible();
  await expect(content.getByRole("heading", { level: 2 })).toHaveText(/Damascus/);
  await waitForMapToSettle(page);
  await saveScreenshot(page, "phone-place-damascus");
});

// A regression test; this was once a bug: the popup is 371 px wide (maxWidth 340 + margins) and auto-pan padding puts it at x=24, so 20 px are cut off on the right; the zoom buttons also cover its heading.
test("on a phone a place link's popup fits across the screen, above the sheet", async ({ page }) => {
  await load(page, "/?place=damascus");
  await expect(popup(page)).toBeVisible();
  await waitForMapToSettle(page);
  await expectPopupOnScreen(page);
  const heading = await popup(page).getByRole("heading", { level: 2 }).boundingBox();
  const zoom = await page.locator(".leaflet-control-zoom").boundingBox();
  const overlap =
    heading &&
    zoom &&
    heading.x < zoom.x + zoom.width &&
    zoom.x < heading.x + heading.width &&
    heading.y < zoom.y + zoom.height &&
    zoom.y < heading.y + heading.height;
  expect(overlap, "the zoom buttons do not cover the popup's heading").toBeFalsy();
});

test("on a phone the timeline is folded into one bar that says which dates the filter keeps", async ({ page }) => {
  await load(page, "/?from=2020-01-07&to=2020-01-08");
  const toggle = timelineToggle(page);
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toContainText("7 to 8 January 2020");
  await expect(toggle).toBeInViewport();
  await expect(page.getByRole("slider", { name: "Start of the date range" })).toBeHidden();
  expect(await uncoveredMapHeight(page), "the map's height that nothing covers").toBeGreaterThanOrEqual(PHONE.height * 0.55);

  // The folded bar clears the filter too, and leaves the keyboard on the bar.
  await page.getByRole("button", { name: "Clear the date filter" }).click();
  await expectQueryParam(page, "from", null);
  await expectQueryParam(page, "to", null);
  await expect(toggle).toContainText("All dates");
  await expect(toggle).toBeFocused();
  await expect(page.getByRole("button", { name: "Clear the date filter" })).toHaveCount(0);
});

test("on a phone the folded timeline looks the same before the app has started as after", async ({ page }) => {
  await page.goto("/");
  const toggle = page.locator(".timeline-toggle");
  // What the reader sees: the chevron's turn and the summary beside the name.
  const look = () =>
    toggle.evaluate((button) => ({
      chevron: getComputedStyle(button, "::before").transform,
      summary: button.querySelector(".timeline-summary")?.getBoundingClientRect().width ?? 0,
    }));
  expect(await page.evaluate(() => document.documentElement.hasAttribute("data-hydrated")), "before the app").toBe(false);
  const before = await look();
  await appStarted(page);
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  expect(await look()).toStrictEqual(before);
  expect(before.summary, "the summary shows").toBeGreaterThan(20);
});

test("on a phone the timeline unfolds over the map and folds again with the keyboard alone", async ({ page }) => {
  await load(page, "/");
  await waitForMapToSettle(page);
  const mapBefore = await page.locator(".leaflet-container").boundingBox();
  const toggle = timelineToggle(page);
  await tabTo(page, ".timeline-toggle");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const start = page.getByRole("slider", { name: "Start of the date range" });
  await expect(start).toBeInViewport();
  await expect(page.getByRole("button", { name: "Week of the story" })).toBeInViewport();
  await saveScreenshot(page, "phone-timeline-open");
  // It lies over the map, above its bar: the map keeps its size, the sheet stays where it was.
  expect(await page.locator(".leaflet-container").boundingBox(), "the map's box").toEqual(mapBefore);
  const body = await page.locator(".timeline-body").boundingBox();
  const bar = await toggle.boundingBox();
  expect(body && bar && body.y + body.height <= bar.y + 1, "the open timeline sits above its bar").toBe(true);

  // Tab goes from the button into what it opened; Escape folds it and gives the button the focus back.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Everything" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toBeFocused();
  await expect(start).toBeHidden();

  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(start).toBeVisible();
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(start).toBeHidden();
});

test("on a phone every control of the sheet and the open timeline is at least 24 by 24 px", async ({ page }) => {
  await load(page, "/?from=2020-01-02&to=2020-01-08");
  await timelineToggle(page).click();
  await expect(page.getByRole("slider", { name: "Start of the date range" })).toBeVisible();
  const controls = ".panel-header :is(button, a, input), .timeline :is(button, a, input)";
  const small = await page.locator(controls).evaluateAll((els) =>
    els
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${el.getAttribute("aria-label") ?? el.textContent?.trim()}" ${box.width}x${box.height}`,
      ),
  );
  expect(small, "controls smaller than 24 by 24 px").toEqual([]);
});

test("on a phone a share page shows its map under the title, before the text", async ({ page }) => {
  for (const [path, placeIds] of [
    ["/places/latakia", ["latakia"]],
    // An event at several places: the map frames them all, the bases and where the missiles came from.
    ["/events/iran-missiles-iraq-bases", ["ain-al-asad", "erbil", "iran"]],
  ] as const) {
    await page.goto(path);
    // Before any script has run on the map: what the page's HTML draws (the first view).
    const map = page.getByRole("region", { name: "Map" });
    const mapBox = await map.boundingBox();
    const titleBox = await page.getByRole("heading", { level: 1 }).boundingBox();
    const introBox = await page.locator(".share-intro").boundingBox();
    expect(mapBox && titleBox && introBox, `${path}: map, title and text are drawn`).toBeTruthy();
    if (!mapBox || !titleBox || !introBox) continue;
    expect(mapBox.y, `${path}: the map starts under the title`).toBeGreaterThanOrEqual(titleBox.y + titleBox.height - 1);
    expect(mapBox.y, `${path}: the map starts in the top third of the screen`).toBeLessThan(PHONE.height / 3);
    expect(mapBox.height, `${path}: the map is at least half the screen tall`).toBeGreaterThanOrEqual(PHONE.height / 2 - 1);
    expect(introBox.y, `${path}: the text follows the map`).toBeGreaterThanOrEqual(mapBox.y + mapBox.height - 1);
    for (const placeId of placeIds)
      await expect(map.locator(`[data-place="${placeId}"]`).first(), `${path}: ${placeId} is on screen`).toBeInViewport();
  }
});
