import type { APIResponse, Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test, waitForMap } from "./fixtures";
import { expectMarkers, expectQueryParam, listItem, queryParam, shownPlaces, summary, waitForMapToSettle } from "./helpers";

const LOCAL = /^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|data:|blob:)/;

/** Aborts requests that leave localhost in a context the fixture does not guard, and collects console errors. */
async function guard(context: BrowserContext) {
  const problems: string[] = [];
  await context.route(
    (url) => !LOCAL.test(url.toString()),
    (route) => {
      problems.push(`offsite request ${route.request().url()}`);
      return route.abort("blockedbyclient");
    },
  );
  context.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  context.on("weberror", (error) => problems.push(`page error: ${error.error().message}`));
  return problems;
}

/** A page that runs no JavaScript at all, as a crawler or a reader with scripts off sees the site. */
async function pageWithoutJavaScript(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  await guard(context);
  return context.newPage();
}

/** The `content` of a `<meta>` in raw HTML, by its property or name. */
function meta(html: string, key: string): string | undefined {
  const tag = html.match(new RegExp(`<meta[^>]+(?:property|name)="${key}"[^>]*>`))?.[0];
  return tag?.match(/content="([^"]*)"/)?.[1]?.replace(/&amp;/g, "&");
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script[^>]*\stype="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? "null"));
}

async function html(response: APIResponse): Promise<string> {
  expect(response.headers()["content-type"]).toContain("text/html");
  return response.text();
}

test.describe("Copy link", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  });

  test("copies the current view; the link opened in a new page shows the same markers and filters", async ({ page, context }) => {
    await page.goto("/?from=2020-01-02&to=2020-01-08");
    await waitForMap(page);
    await page.locator('button[data-actor="iran"]').click();
    await expectQueryParam(page, "actors", "iran");
    await expectMarkers(page, { shown: ["erbil"], hidden: ["khmeimim", "damascus"] });
    await waitForMapToSettle(page);
    const markers = await shownPlaces(page);
    const count = await summary(page).innerText();

    const button = page.getByRole("button", { name: "Copy link to this view" });
    await button.click();
    await expect(button).toContainText("Copied");
    await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    const query = new URL(copied).searchParams;
    expect([query.get("actors"), query.get("from"), query.get("to")]).toEqual(["iran", "2020-01-02", "2020-01-08"]);

    const problems = await guard(context);
    const other = await context.newPage();
    await other.goto(copied);
    await waitForMap(other);
    await expect.poll(() => shownPlaces(other)).toEqual(markers);
    await expect(summary(other)).toHaveText(count);
    await expect(other.locator('button[data-actor="iran"]')).toHaveAttribute("aria-pressed", "true");
    await expect(other.getByRole("region", { name: "Filter by date" }).getByLabel("From", { exact: true })).toHaveValue("2020-01-02");
    expect(problems).toEqual([]);
  });

  test("copies an event's share link from the list, and that link answers", async ({ page, request }) => {
    await page.goto("/");
    await waitForMap(page);
    const item = listItem(page, "iran-missiles-iraq-bases");
    await item.getByRole("button", { name: /^Copy link to the event/ }).click();
    await expect(item.getByRole("status")).toHaveText("Link copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).pathname).toBe("/events/iran-missiles-iraq-bases");
    expect((await request.get(new URL(copied).pathname)).status()).toBe(200);
  });
});

test.describe("a link full of bad values", () => {
  const BAD = "/?place=nowhere&actors=iran,martians&from=2020-02-30&to=12abc&view=99/0/0&event=%3Cscript%3E";

  test("shows a notice naming each bad value, a working map with the good ones applied, and no error", async ({ page, problems }) => {
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs += 1;
      return dialog.dismiss();
    });
    await page.goto(BAD);
    await waitForMap(page);

    const notice = page.getByRole("status").filter({ hasText: "Part of this link was ignored" });
    await expect(notice).toBeVisible();
    for (const shown of ["place=nowhere", "actors=martians", "from=2020-02-30", "to=12abc", "view=99/0/0", "event=<script>"]) {
      await expect(notice, `the notice names ${shown}`).toContainText(shown);
    }
    await expect(notice).not.toContainText("actors=iran,");
    await expect(notice.locator("script, img, iframe, svg")).toHaveCount(0);

    // actors=iran is good and applies; the map works.
    await expectMarkers(page, { shown: ["ain-al-asad", "erbil"], hidden: ["khmeimim"] });
    await expect(page.locator('button[data-actor="iran"]')).toHaveAttribute("aria-pressed", "true");
    await expect(summary(page)).toHaveText("6 of 13 events");
    await page.locator('.leaflet-marker-icon[data-place="erbil"]').click();
    await expect(page.locator(".leaflet-popup-content").getByRole("heading", { level: 2 })).toHaveText(/Erbil/);

    expect(dialogs).toBe(0);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  test("an id that is markup is shown as text and never becomes an element", async ({ page, request }) => {
    const payload = '<img src="/x.png" onerror="document.title=\'pwned\'">';
    const url = `/?place=${encodeURIComponent(payload)}&event=${encodeURIComponent("</script><script>document.title='pwned'</script>")}`;
    await page.goto(url);
    await waitForMap(page);
    const notice = page.getByRole("status").filter({ hasText: "Part of this link was ignored" });
    await expect(notice).toContainText("<img");
    await expect(notice.locator("img, script")).toHaveCount(0);
    await expect(page.locator('img[src="/x.png"]')).toHaveCount(0);
    expect(await page.title()).not.toBe("pwned");

    // The server's HTML escapes it too.
    const body = await html(await request.get(url));
    expect(body).not.toContain('<img src="/x.png"');
    expect(body).not.toContain("<script>document.title");
  });
});

test("a link to an event at several places frames them all, with the popup on the place it names", async ({ page }) => {
  await page.goto("/?event=iran-missiles-iraq-bases");
  await waitForMap(page);
  await expect(page.locator(".leaflet-popup")).toBeVisible();
  await waitForMapToSettle(page);
  const map = await page.locator(".leaflet-container").boundingBox();
  expect(map, "the map's box").not.toBeNull();
  for (const placeId of ["ain-al-asad", "erbil", "iran"]) {
    const marker = await page.locator(`.leaflet-marker-icon[data-place="${placeId}"]`).boundingBox();
    expect(marker, `${placeId}'s marker is drawn`).not.toBeNull();
    if (!map || !marker) continue;
    const centre = { x: marker.x + marker.width / 2, y: marker.y + marker.height / 2 };
    expect(centre.x, `${placeId} is inside the map`).toBeGreaterThan(map.x);
    expect(centre.x, `${placeId} is inside the map`).toBeLessThan(map.x + map.width);
    expect(centre.y, `${placeId} is inside the map`).toBeGreaterThan(map.y);
    expect(centre.y, `${placeId} is inside the map`).toBeLessThan(map.y + map.height);
  }
  await expect(page.locator(".leaflet-popup")).toContainText("Ain al-Asad Air Base");
  expect(queryParam(page, "view"), "the frame is the app's move, not written to the URL").toBeNull();
});

test("panning and zooming replace the URL's view without adding history entries", async ({ page }) => {
  await page.goto("/?actors=russia");
  await waitForMap(page);
  await waitForMapToSettle(page);
  const entries = await page.evaluate(() => history.length);
  expect(queryParam(page, "view")).toBeNull();

  await page.locator(".leaflet-control-zoom-in").click();
  await expect.poll(() => queryParam(page, "view")).toMatch(/^\d+\/-?\d+(\.\d+)?\/-?\d+(\.\d+)?$/);
  await waitForMapToSettle(page);
  const zoomed = queryParam(page, "view") ?? "";

  const map = await page.locator(".leaflet-container").boundingBox();
  if (!map) throw new Error("the map has no box");
  const [x, y] = [map.x + map.width / 2, map.y + map.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 60, y - 40, { steps: 8 });
  await page.mouse.move(x - 120, y - 80, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => queryParam(page, "view")).not.toBe(zoomed);
  const panned = queryParam(page, "view") ?? "";
  expect(panned.split("/")[0], "a pan keeps the zoom").toBe(zoomed.split("/")[0]);

  expect(await page.evaluate(() => history.length), "no history entry was added").toBe(entries);
  await expectQueryParam(page, "actors", "russia");

  // The view is part of the link: reloading keeps it.
  await page.reload();
  await waitForMap(page);
  await waitForMapToSettle(page);
  expect(queryParam(page, "view")).toBe(panned);
  await expectMarkers(page, { shown: ["khmeimim"] });
});

test.describe("share pages, without a browser", () => {
  test("/places/khmeimim has a title, Open Graph tags, a canonical link and schema.org Place", async ({ request }) => {
    const response = await request.get("/places/khmeimim");
    expect(response.status()).toBe(200);
    const body = await html(response);
    expect(body.match(/<title>([^<]*)<\/title>/)?.[1]).toContain("Khmeimim");
    expect(meta(body, "og:title")).toContain("Khmeimim");
    expect(meta(body, "og:description")).toBeTruthy();
    expect(meta(body, "description")).toBeTruthy();
    expect(meta(body, "twitter:card")).toBe("summary_large_image");
    expect(body).toMatch(/<link rel="canonical" href="[^"]*\/places\/khmeimim"/);

    const places = jsonLd(body).filter((ld) => ld["@type"] === "Place");
    expect(places).toHaveLength(1);
    expect(places[0]).toMatchObject({
      "@context": "https://schema.org",
      name: "Khmeimim Air Base",
      geo: { latitude: 35.4011, longitude: 35.9486 },
    });
  });

  test("the place's preview image answers with a PNG", async ({ request }) => {
    const image = meta(await html(await request.get("/places/khmeimim")), "og:image");
    expect(image, "og:image").toBeTruthy();
    const url = new URL(image ?? "", "http://localhost");
    const response = await request.get(`${url.pathname}${url.search}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const bytes = await response.body();
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  test("/events/iran-missiles-iraq-bases has schema.org Event with its dates and a PNG preview", async ({ request }) => {
    const response = await request.get("/events/iran-missiles-iraq-bases");
    expect(response.status()).toBe(200);
    const body = await html(response);
    expect(body.match(/<title>([^<]*)<\/title>/)?.[1]).toContain("Iran fires ballistic missiles");
    expect(body).toMatch(/<link rel="canonical" href="[^"]*\/events\/iran-missiles-iraq-bases"/);
    const events = jsonLd(body).filter((ld) => ld["@type"] === "Event");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      name: "Iran fires ballistic missiles at two bases hosting US forces in Iraq",
      startDate: "2020-01-08",
      endDate: "2020-01-08",
    });

    const image = new URL(meta(body, "og:image") ?? "", "http://localhost");
    const png = await request.get(`${image.pathname}${image.search}`);
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
  });

  test("the event page's title, quote and places are readable with JavaScript off", async ({ browser, baseURL }) => {
    const page = await pageWithoutJavaScript(browser, baseURL);
    const response = await page.goto("/events/iran-missiles-iraq-bases");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Iran fires ballistic missiles at two bases hosting US forces in Iraq",
    );
    await expect(page.getByText("Iran launched at least ten ballistic missiles against two military bases").first()).toBeVisible();
    await expect(page.getByText("8 January 2020").first()).toBeVisible();
    await expect(page.getByText(/Ain al-Asad/).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Open in the full map" })).toHaveAttribute("href", "/?event=iran-missiles-iraq-bases");
    await page.context().close();
  });

  test("the place page's name and events are readable with JavaScript off", async ({ browser, baseURL }) => {
    const page = await pageWithoutJavaScript(browser, baseURL);
    await page.goto("/places/khmeimim");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Khmeimim Air Base");
    await expect(page.getByText("his last visit to the Khmeimim airbase in Latakia province in 2017").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Open in the full map" })).toHaveAttribute("href", "/?place=khmeimim");
    await page.context().close();
  });

  for (const path of ["/places/nowhere", "/events/nowhere"]) {
    test(`${path} answers 404 with the site's page and a link back to the map`, async ({ page, request, problems }) => {
      expect((await request.get(path)).status()).toBe(404);
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const home = page.getByRole("link", { name: /map/i }).and(page.locator('a[href="/"]'));
      await expect(home).toBeVisible();
      // Chromium logs the document's own 404 as a console error; that one is expected here.
      const expected = problems.consoleErrors.filter((m) => /status of 404/.test(m));
      problems.consoleErrors.splice(0, problems.consoleErrors.length, ...problems.consoleErrors.filter((m) => !expected.includes(m)));

      await home.click();
      await waitForMap(page);
      expect(new URL(page.url()).pathname).toBe("/");
    });

    // A regression test; this was once a bug: for an unknown id under /places/ or /events/ the server sends an empty <body> (the 404 page is only drawn by client JS); /nope is fine.
    test(`${path}'s 404 page is readable without JavaScript`, async ({ browser, baseURL }) => {
      const page = await pageWithoutJavaScript(browser, baseURL);
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator('a[href="/"]').first()).toBeVisible();
      await page.context().close();
    });
  }
});
