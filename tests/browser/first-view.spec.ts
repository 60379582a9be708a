import type { Browser, Page } from "@playwright/test";
import { expectNoBlockingViolations } from "./axe";
import { expect, appStarted, reachForMap, test } from "./fixtures";
import { marker, popup, queryParam } from "./helpers";

// The map's first view is in the page's HTML (components/map/FirstView.tsx): the story's markers
// and names, where Leaflet's first fit then draws them, until the map has laid out its own.

const PLACES = 10; // the front-page story's places, Washington among them (off the view, as on the map)

/**
 * The centre of each marker on the page, by place id: the first view's, or the map's. On the page,
 * not on screen: reaching for the map may scroll it into view.
 */
function centres(page: Page, selector: string): Promise<Record<string, { x: number; y: number }>> {
  return page.locator(selector).evaluateAll((elements) =>
    Object.fromEntries(
      elements.map((element) => {
        const face = (element.querySelector(".place-marker-count") ?? element).getBoundingClientRect();
        return [(element as HTMLElement).dataset.place, { x: face.x + face.width / 2 + scrollX, y: face.y + face.height / 2 + scrollY }];
      }),
    ),
  );
}

/**
 * Where each basemap name that shows in `container` is, by its text: its dot's centre (a city's),
 * or its own centre (a country's), on the page. A name whose point is outside the container is cut
 * off there, and left out.
 */
function namePoints(page: Page, container: string): Promise<Record<string, { x: number; y: number }>> {
  return page.locator(`${container} .basemap-label`).evaluateAll((labels, container) => {
    const frame = document.querySelector(container)!.getBoundingClientRect();
    return Object.fromEntries(
      labels
        .filter((label) => getComputedStyle(label).visibility === "visible")
        .map((label) => [label.textContent, (label.querySelector(".basemap-label-dot") ?? label).getBoundingClientRect()] as const)
        .map(([name, box]) => [name, { x: box.x + box.width / 2, y: box.y + box.height / 2 }] as const)
        .filter(([, p]) => p.x >= frame.left && p.x <= frame.right && p.y >= frame.top && p.y <= frame.bottom)
        .map(([name, p]) => [name, { x: p.x + scrollX, y: p.y + scrollY }]),
    );
  }, container);
}

/** An element's box on the page (an SVG path's: the box of its shape, as drawn). */
async function pageBox(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not drawn`);
  return box;
}

/** The first view's land reaches each of its edges: no strip of bare sea where the map then draws land. */
async function expectLandToCover(page: Page) {
  const [land, frame] = [await pageBox(page, ".first-view-land"), await pageBox(page, ".first-view")];
  expect(land.x, "land's left edge").toBeLessThanOrEqual(frame.x);
  expect(land.y, "land's top edge").toBeLessThanOrEqual(frame.y);
  expect(land.x + land.width, "land's right edge").toBeGreaterThanOrEqual(frame.x + frame.width);
  expect(land.y + land.height, "land's bottom edge").toBeGreaterThanOrEqual(frame.y + frame.height);
}

/** The first view alone, as the HTML draws it with no script at all. */
async function htmlOnly(browser: Browser, size: { width: number; height: number }) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: size });
  const page = await context.newPage();
  await page.route(/^(?!http:\/\/localhost)/, (route) => route.abort());
  return { page, close: () => context.close() };
}

/**
 * Holds back the map's code (the chunk with Leaflet in it) until the test lets it go, so that the
 * test can act on the first view while the map has not started. Returns the release.
 */
async function holdTheMap(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    // Leaflet's DivIcon names its element's class: only Leaflet's chunk has it.
    if (body.includes("leaflet-div-icon")) await released;
    await route.fulfill({ response, body });
  });
  return release;
}

for (const size of [
  { width: 375, height: 667 },
  { width: 412, height: 823 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}x${size.height} the HTML draws each marker where the map then draws it`, async ({ browser, page }) => {
    const html = await htmlOnly(browser, size);
    await html.page.goto("/");
    const drawn = await centres(html.page, ".first-view [data-place]");
    const named = await html.page
      .locator(".first-view .place-label")
      .evaluateAll((labels) =>
        labels.filter((label) => getComputedStyle(label).visibility === "visible").map((label) => label.textContent),
      );
    const names = await namePoints(html.page, ".first-view");
    await expectLandToCover(html.page);
    // Latakia Governorate is drawn as its outline, as the map draws it, and so are the countries
    // that stand for a place (Syria, Iran).
    const area = await pageBox(html.page, ".first-view-outlines path:nth-child(2)");
    await expect(html.page.locator(".first-view-outlines path")).toHaveCount(2);
    await html.close();
    expect(Object.keys(drawn)).toHaveLength(PLACES);
    // Countries and cities are named around the story before any script runs, as the map names them.
    expect(Object.keys(names).length, "basemap names in the first view").toBeGreaterThanOrEqual(5);
    // The article's own places are named before any script runs.
    expect(named).toEqual(expect.arrayContaining(["Damascus", "Khmeimim Air Base", "Erbil Air Base"]));

    await page.setViewportSize(size);
    await page.goto("/");
    await reachForMap(page);
    await expect(page.locator(".leaflet-marker-icon[data-place]")).toHaveCount(PLACES);
    await expect(page.locator(".first-view")).toHaveCount(0);
    const mapped = await centres(page, ".leaflet-marker-icon[data-place]");
    // On a phone, each of the article's places that the map names is named in the first view too
    // (its labels are placed for a map of 360 px or more; they may still differ elsewhere).
    if (size.width < 500) {
      const mapNamed = await page
        .locator(".leaflet-marker-icon[data-place] .place-label:not([hidden])")
        .evaluateAll((labels) => labels.map((label) => label.textContent ?? ""));
      const articlePlaces = ["Damascus", "Latakia Governorate", "Khmeimim Air Base", "Ain al-Asad Air Base", "Erbil Air Base"];
      expect(named).toEqual(expect.arrayContaining(mapNamed.filter((name) => articlePlaces.includes(name))));
    }
    for (const [id, point] of Object.entries(drawn)) {
      expect(Math.abs(point.x - mapped[id]!.x), `${id}'s x`).toBeLessThanOrEqual(2);
      expect(Math.abs(point.y - mapped[id]!.y), `${id}'s y`).toBeLessThanOrEqual(2);
    }
    const mapArea = await pageBox(page, ".leaflet-container path.area-outline");
    for (const edge of ["x", "y", "width", "height"] as const)
      expect(Math.abs(area[edge] - mapArea[edge]), `Latakia's outline, ${edge}`).toBeLessThanOrEqual(2);
    // The map names most of them too (its layout measures the names, where the server estimates
    // their widths), each at the same point, once its basemap has arrived.
    await expect(page.locator(".leaflet-container .basemap-label").first()).toBeVisible();
    const mapNames = await namePoints(page, ".leaflet-container");
    const shared = Object.keys(names).filter((name) => name in mapNames);
    expect(shared.length, `names in both of ${Object.keys(names).join(", ")}`).toBeGreaterThanOrEqual(Object.keys(names).length * 0.75);
    for (const name of shared) {
      expect(Math.abs(names[name]!.x - mapNames[name]!.x), `${name}'s x`).toBeLessThanOrEqual(2);
      expect(Math.abs(names[name]!.y - mapNames[name]!.y), `${name}'s y`).toBeLessThanOrEqual(2);
    }
  });
}

test("the first view's land reaches its edges on phones, tablets and wide screens", async ({ browser }) => {
  for (const size of [
    { width: 360, height: 800 },
    { width: 390, height: 844 },
    { width: 412, height: 915 },
    { width: 820, height: 1180 },
    { width: 2560, height: 1440 },
  ]) {
    const html = await htmlOnly(browser, size);
    await html.page.goto("/");
    await expectLandToCover(html.page);
    await html.close();
  }
});

test("no place id is ever on two elements while the map takes over from the first view", async ({ page }) => {
  await page.addInitScript(() => {
    const seen = { most: 0, atStart: 0 };
    (window as unknown as { __ids: typeof seen }).__ids = seen;
    const count = () => {
      const ids = [...document.querySelectorAll<HTMLElement>("[data-place]")].map((element) => element.dataset.place);
      const most = Math.max(0, ...ids.map((id) => ids.filter((other) => other === id).length));
      seen.most = Math.max(seen.most, most);
    };
    new MutationObserver(count).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-place"] });
    document.addEventListener("DOMContentLoaded", () => (seen.atStart = document.querySelectorAll("[data-place]").length));
  });
  await page.goto("/");
  await reachForMap(page);
  await expect(page.locator(".leaflet-marker-icon[data-place]")).toHaveCount(PLACES);
  const seen = await page.evaluate(() => (window as unknown as { __ids: { most: number; atStart: number } }).__ids);
  expect(seen.atStart, "markers in the HTML").toBe(PLACES);
  expect(seen.most, "the most elements one id was on at once").toBe(1);
});

test("a marker of the first view opens its place on the map, before the map has started", async ({ page }) => {
  const release = await holdTheMap(page);
  // Not until "load": the held chunk may be one the load event waits for.
  await page.goto("/", { waitUntil: "domcontentloaded" });
  await appStarted(page);
  await page.locator('.first-view [data-place="khmeimim"]').click();
  await expect.poll(() => queryParam(page, "place")).toBe("khmeimim");
  // Until the map has started, the first view stays and says the map is on its way.
  await expect(page.locator(".first-view [role=status]")).toHaveText("Loading the map…");
  release();
  await expect(page.locator(".first-view")).toHaveCount(0);
  await expect(popup(page)).toContainText("Khmeimim");
  await expect(marker(page, "khmeimim")).toHaveCount(1);
});

test("the keyboard focus on a first view's marker moves to the map's marker of that place", async ({ page }) => {
  const release = await holdTheMap(page);
  // Not until "load": the held chunk may be one the load event waits for.
  await page.goto("/", { waitUntil: "domcontentloaded" });
  await appStarted(page);
  await page.locator('.first-view [data-place="damascus"]').focus();
  release();
  await expect(marker(page, "damascus")).toBeFocused();
  await expect(page.locator(".first-view")).toHaveCount(0);
});

test("without JavaScript, a first view's marker is a link to its place's page", async ({ browser }) => {
  const html = await htmlOnly(browser, { width: 1280, height: 800 });
  const khmeimim = html.page.locator('[data-place="khmeimim"]');
  await html.page.goto("/");
  await expect(khmeimim).toHaveAttribute("aria-label", /^Khmeimim Air Base, 1 event: Russia \(RU\)$/);
  await khmeimim.click();
  await expect(html.page).toHaveURL(/\/places\/khmeimim$/);
  await html.close();
});

test("a link to a place or a filter never shows the first view", async ({ page }) => {
  await page.goto("/?place=erbil");
  await expect(popup(page)).toContainText("Erbil");
  await expect(page.locator(".first-view")).toHaveCount(0);
  await page.goto("/?actors=iran");
  await expect(marker(page, "erbil")).toHaveCount(1);
  await expect(page.locator(".first-view")).toHaveCount(0);
  await expect(marker(page, "latakia")).toHaveCount(0);
});

test("the page while the map starts, its first view showing, passes every axe rule", async ({ page }) => {
  const release = await holdTheMap(page);
  // Not until "load": the held chunk may be one the load event waits for.
  await page.goto("/", { waitUntil: "domcontentloaded" });
  await appStarted(page);
  await expectNoBlockingViolations(page, "/ before the map has started");
  release();
});

/** Records where the map's markers are on the page when they first carry their data-place: the map's opening view, before any popup pans it. */
async function recordOpeningMarkers(page: Page) {
  await page.addInitScript(() => {
    const record = () => {
      const markers = [...document.querySelectorAll<HTMLElement>(".leaflet-marker-icon[data-place]")];
      if (markers.length === 0 || "__opening" in window) return;
      (window as unknown as { __opening: Record<string, { x: number; y: number }> }).__opening = Object.fromEntries(
        markers.map((element) => {
          const face = element.querySelector(".place-marker-count")!.getBoundingClientRect();
          return [element.dataset.place, { x: face.x + face.width / 2 + scrollX, y: face.y + face.height / 2 + scrollY }];
        }),
      );
    };
    new MutationObserver(record).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-place"] });
  });
}

for (const size of [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
]) {
  test(`at ${size.width}x${size.height} a share page's HTML draws its map centred on its place, as the map then opens`, async ({
    browser,
    page,
  }) => {
    const html = await htmlOnly(browser, size);
    await html.page.goto("/places/khmeimim");
    const drawn = await centres(html.page, ".first-view [data-place]");
    await expect(html.page.locator('.first-view [data-place="khmeimim"]')).toHaveClass(/is-selected/);
    await expect(html.page.locator('.first-view [data-place="khmeimim"] .place-label')).toBeVisible();
    await html.close();

    await recordOpeningMarkers(page);
    await page.setViewportSize(size);
    await page.goto("/places/khmeimim");
    await reachForMap(page);
    await expect(popup(page)).toBeVisible();
    const opening = await page.evaluate(() => (window as unknown as { __opening: Record<string, { x: number; y: number }> }).__opening);
    expect(Object.keys(opening).sort()).toEqual(Object.keys(drawn).sort());
    for (const [id, point] of Object.entries(drawn)) {
      expect(Math.abs(point.x - opening[id]!.x), `${id}'s x`).toBeLessThanOrEqual(2);
      expect(Math.abs(point.y - opening[id]!.y), `${id}'s y`).toBeLessThanOrEqual(2);
    }
  });
}

test("an embed's HTML draws its first view, whose links open outside the frame, and the map takes over", async ({ browser, page }) => {
  const html = await htmlOnly(browser, { width: 600, height: 700 });
  await html.page.goto("/embed/putin-visits-syria-2020");
  await expect(html.page.locator(".first-view [data-place]")).toHaveCount(PLACES);
  await expect(html.page.locator('.first-view [data-place="damascus"]')).toHaveAttribute("target", "_blank");
  await html.close();

  await page.setViewportSize({ width: 600, height: 700 });
  await page.goto("/embed/putin-visits-syria-2020");
  await reachForMap(page);
  await expect(page.locator(".leaflet-marker-icon[data-place]")).toHaveCount(PLACES);
  await expect(page.locator(".first-view")).toHaveCount(0);
});

test("the map's code waits for the reader to reach for the map, and a pointer over it starts it", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  const leafletLoaded = () => page.evaluate(() => "L" in window || document.querySelector(".leaflet-container") !== null);
  await page.goto("/", { waitUntil: "networkidle" });
  await appStarted(page);
  const before = scripts.length;
  expect(await leafletLoaded(), "Leaflet before the reader reached for the map").toBe(false);
  await expect(page.locator(".first-view [data-place]")).toHaveCount(PLACES);
  // Reading the article, or using the page's other controls, does not load it either.
  await page.locator("#event-list").hover();
  expect(scripts.length, "scripts loaded by a pointer outside the map").toBe(before);

  await reachForMap(page);
  await expect(page.locator(".leaflet-marker-icon[data-place]")).toHaveCount(PLACES);
  await expect(page.locator(".first-view")).toHaveCount(0);
  expect(scripts.length).toBeGreaterThan(before);
  // A pointer passing over the map is not told the map is loading; only a press, a wheel or the focus is.
  await expect(page.locator(".first-view-status")).toHaveCount(0);
});

test("an embed whose address holds only Pym's childId waits for the reader too", async ({ page }) => {
  const scripts = new Set<string>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.add(new URL(response.url()).pathname);
  });
  // What a bare embed loads before the reader reaches for its map...
  await page.goto("/embed/putin-visits-syria-2020", { waitUntil: "networkidle" });
  await appStarted(page);
  const bare = [...scripts].sort();
  // ...is all that one with Pym's childId loads: no early request for the map's chunk.
  scripts.clear();
  await page.goto("/embed/putin-visits-syria-2020?childId=dateline-map", { waitUntil: "networkidle" });
  await appStarted(page);
  expect([...scripts].sort()).toEqual(bare);
  await reachForMap(page);
  await expect(page.locator(".leaflet-marker-icon[data-place]")).toHaveCount(PLACES);
});

test("the first view stays until the map can show its names and outlines, and the land's image is fetched once", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/basemap.svg") fetched.push(request.url());
  });
  let releaseBasemap!: () => void;
  const basemapHeld = new Promise<void>((resolve) => (releaseBasemap = resolve));
  await page.route("**/basemap.json", async (route) => {
    await basemapHeld;
    await route.continue();
  });
  await page.goto("/", { waitUntil: "networkidle" });
  await reachForMap(page);
  // The map has drawn its markers, and the land's image under them, but not yet its basemap...
  await expect(page.locator(".leaflet-marker-icon")).toHaveCount(PLACES);
  await expect(page.locator(".leaflet-image-layer")).toHaveJSProperty("complete", true);
  // ...so the first view, with its names and outlines, still shows, and holds the places' ids.
  await expect(page.locator(".first-view")).toBeVisible();
  await expect(page.locator(".first-view .first-view-name").first()).toBeAttached();
  await expect(page.locator(".leaflet-marker-icon[data-place]")).toHaveCount(0);
  releaseBasemap();
  await expect(page.locator(".first-view")).toHaveCount(0);
  await expect(page.locator(".leaflet-marker-icon[data-place]")).toHaveCount(PLACES);
  await expect(page.locator(".leaflet-container .basemap-label").first()).toBeVisible();
  await expect(page.locator(".leaflet-container path.area-outline")).toHaveCount(1);
  // The map drew the first view's land image while its basemap was on its way, from the browser's cache.
  expect(fetched).toHaveLength(1);
});
