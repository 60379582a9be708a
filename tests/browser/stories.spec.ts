/**
 * The site built from tests/fixtures/stories-two: geo/data's story (on the front page) and a newer
 * second story of fixture text that shares Damascus, Ain al-Asad, Erbil and Tehran with it. The
 * story index, both story pages, and a place page that gathers both stories' events.
 * Runs as the Playwright project "stories" against the .next-stories build (tests/run-all.sh).
 */
import { expect, test, waitForMap } from "./fixtures";
import { expectMarkers, expectQueryParam, listItem, popup, shownPlaces, summary } from "./helpers";

const FIRST = { id: "putin-visits-syria-2020", title: "Putin makes a rare visit to Assad in Damascus", events: 13, places: 10 };
const SECOND = { id: "rockets-hit-ain-al-asad-2021", title: "Rockets hit Iraqi base hosting US troops", events: 5, places: 5 };
const SECOND_PLACES = ["abu-kamal", "ain-al-asad", "damascus", "erbil", "tehran"];

test.beforeAll(async ({ request }) => {
  const answer = await request.get("/api/places").catch((error: Error) => {
    throw new Error(
      `no two-story server (${error.message}): build it first with ` +
        "DATELINE_DATA_DIR=tests/fixtures/stories-two DATELINE_DIST_DIR=.next-stories npx next build",
    );
  });
  const ids = ((await answer.json()) as { features: { id: string }[] }).features.map((f) => f.id);
  expect(ids, "the server serves the two-story data").toContain("abu-kamal");
});

test.describe("/stories", () => {
  test("lists both stories, newest first, with byline, counts and a map, each linking to its page", async ({ page }) => {
    await page.goto("/stories");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stories");
    const cards = page.locator(".story-card");
    await expect(cards).toHaveCount(2);
    expect(await cards.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.story))).toEqual([SECOND.id, FIRST.id]);

    const second = cards.nth(0);
    await expect(second).toContainText(SECOND.title);
    await expect(second).toContainText("Test fixture, not a real article · 3 March 2021");
    await expect(second).toContainText(`${SECOND.events} events · ${SECOND.places} places`);
    const first = cards.nth(1);
    await expect(first).toContainText("Wire report · 8 January 2020");
    await expect(first).toContainText(`${FIRST.events} events · ${FIRST.places} places · on the front page`);

    await expect(second.getByRole("link")).toHaveAttribute("href", `/stories/${SECOND.id}`);
    await expect(first.getByRole("link")).toHaveAttribute("href", `/stories/${FIRST.id}`);
    // Each small map is an image the browser could draw.
    for (const card of [first, second]) {
      const image = card.locator("img.story-card-map");
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    }

    await second.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/stories/${SECOND.id}$`));
    await waitForMap(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(SECOND.title);
  });

  test("each story's map is an SVG made at build, and an unknown story's is a 404", async ({ request }) => {
    const svg = await request.get(`/stories/${SECOND.id}/map.svg`);
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
    const text = await svg.text();
    expect(text.startsWith("<svg")).toBe(true);
    expect(text.match(/<circle[^>]* r="5"/g)).toHaveLength(SECOND.places);
    expect((await request.get("/stories/nowhere/map.svg")).status()).toBe(404);
  });
});

test.describe("/stories/<id>", () => {
  test("the second story: its own markers, events, article and byline", async ({ page }) => {
    await page.goto(`/stories/${SECOND.id}`);
    await waitForMap(page);
    await expect.poll(() => shownPlaces(page)).toEqual(SECOND_PLACES);
    await expect(page.locator("li[data-event]")).toHaveCount(SECOND.events);
    await expect(summary(page)).toContainText(`${SECOND.events}`);
    await expect(page.locator(".panel-header")).toContainText("Test fixture, not a real article · 3 March 2021");
    // At desktop width the article is beside the map, with its own quotes highlighted.
    const article = page.locator(".article-panel");
    await expect(article).toContainText("At least ten rockets struck the Ain al-Asad air base");
    await expect(article).not.toContainText("Vladimir Putin");

    // "Download" gives the events this page shows, not every story's.
    const geojson = page.locator(".downloads").getByRole("link", { name: "GeoJSON" });
    const href = (await geojson.getAttribute("href")) ?? "";
    expect(new URLSearchParams(href.split("?")[1]).get("story")).toBe(SECOND.id);
    const body = (await (await page.request.get(href)).json()) as { features: { properties: { eventId: string } }[] };
    expect(new Set(body.features.map((f) => f.properties.eventId)).size).toBe(SECOND.events);
  });

  test("takes the same URL state as /, with Back and Forward", async ({ page }) => {
    await page.goto(`/stories/${SECOND.id}?place=damascus`);
    await waitForMap(page);
    await expect(popup(page).getByRole("heading", { level: 2 })).toHaveText(/Damascus/);
    // Only this story's event at Damascus, not the first story's five.
    await expect(popup(page).locator("[data-popup-event]")).toHaveCount(1);
    await expect(popup(page).locator('[data-popup-event="syria-condemns-us-strikes"]')).toBeVisible();

    await page.locator('button[data-actor="iran"]').click();
    await expectQueryParam(page, "actors", "iran");
    expect(new URL(page.url()).pathname).toBe(`/stories/${SECOND.id}`);
    await expectMarkers(page, { shown: ["tehran"], hidden: ["abu-kamal", "erbil"] });

    await page.goBack();
    await expectQueryParam(page, "actors", null);
    await expectMarkers(page, { shown: ["abu-kamal", "erbil", "tehran"] });
    await page.goForward();
    await expectQueryParam(page, "actors", "iran");

    await page.goto(`/stories/${SECOND.id}?from=2021-02-25&to=2021-02-26`);
    await waitForMap(page);
    await expect(page.locator("li[data-event]")).toHaveCount(2);
    await expect(listItem(page, "us-strikes-militias-abu-kamal")).toBeVisible();
  });

  test("an event of the other story is a bad value there, with a notice", async ({ page }) => {
    await page.goto(`/stories/${SECOND.id}?event=putin-assad-talks-damascus&actors=usa`);
    await waitForMap(page);
    await expect(page.getByRole("status").filter({ hasText: "putin-assad-talks-damascus" })).toBeVisible();
    await expectQueryParam(page, "actors", "usa");
  });

  test("copies a link to the view at the story's own address", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto(`/stories/${SECOND.id}?place=erbil`);
    await waitForMap(page);
    await page.getByRole("button", { name: "Copy link to this view" }).click();
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.pathname).toBe(`/stories/${SECOND.id}`);
    expect(copied.searchParams.get("place")).toBe("erbil");
  });

  test("the first story is at its own address and on the front page", async ({ page }) => {
    for (const url of [`/stories/${FIRST.id}`, "/"]) {
      await page.goto(url);
      await waitForMap(page);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(FIRST.title);
      await expect(page.locator("li[data-event]")).toHaveCount(FIRST.events);
      expect(await shownPlaces(page)).not.toContain("abu-kamal");
    }
    await page.getByRole("link", { name: "All stories" }).click();
    await expect(page).toHaveURL(/\/stories$/);
  });

  test("an unknown story is the site's 404 page, readable without JavaScript", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    const response = await page.goto("/stories/nowhere");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("There is nothing at this address");
    await context.close();
  });
});

test.describe("/places/<id> shared by both stories", () => {
  test("lists Damascus's events by story, newest story first, each with its story's links", async ({ page }) => {
    await page.goto("/places/damascus");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Damascus");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(/The events \(6\) in 2 stories/i);
    const groups = page.locator(".share-story");
    expect(await groups.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.story))).toEqual([SECOND.id, FIRST.id]);
    await expect(groups.nth(0).locator("[data-popup-event]")).toHaveCount(1);
    await expect(groups.nth(1).locator("[data-popup-event]")).toHaveCount(5);
    await expect(groups.nth(0).getByRole("heading", { level: 3 })).toContainText(SECOND.title);
    await expect(groups.nth(0).getByRole("link", { name: SECOND.title })).toHaveAttribute("href", `/stories/${SECOND.id}`);
    await expect(groups.nth(0).getByRole("link", { name: "Open in this story's map" })).toHaveAttribute(
      "href",
      `/stories/${SECOND.id}?place=damascus`,
    );
    await expect(groups.nth(1).getByRole("link", { name: "Open in this story's map" })).toHaveAttribute("href", "/?place=damascus");
    // "Read in the article" goes to the event's own story; a date "since 2011" is read against its own story's dateline.
    await expect(groups.nth(0).getByRole("link", { name: "Read in the article" })).toHaveAttribute(
      "href",
      `/stories/${SECOND.id}?event=syria-condemns-us-strikes`,
    );
    await expect(groups.nth(1).getByRole("link", { name: "Read in the article" }).first()).toHaveAttribute("href", /^\/\?event=/);
    await expect(page.getByRole("link", { name: "Open in the full map" })).toHaveAttribute("href", `/stories/${SECOND.id}?place=damascus`);

    // The map's popup holds both stories' events at Damascus.
    await waitForMap(page);
    await expect(popup(page).locator("[data-popup-event]")).toHaveCount(6);

    await groups.nth(0).getByRole("link", { name: "Open in this story's map" }).click();
    await waitForMap(page);
    await expect(popup(page).locator('[data-popup-event="syria-condemns-us-strikes"]')).toBeVisible();
  });

  test("an event page of the second story names its story and opens its map", async ({ page }) => {
    await page.goto("/events/us-strikes-militias-abu-kamal");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("US warplanes strike Iran-backed militias near Abu Kamal");
    await expect(page.locator(".share-from-story").getByRole("link")).toHaveAttribute("href", `/stories/${SECOND.id}`);
    await expect(page.getByRole("link", { name: "Open in the full map" })).toHaveAttribute(
      "href",
      `/stories/${SECOND.id}?event=us-strikes-militias-abu-kamal`,
    );
    await waitForMap(page);
  });
});
