import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectQueryParam, marker, popup, queryParam, summary, waitForMapToSettle } from "./helpers";

/**
 * The front-page story of a generated data folder of thousands of events at thousands of places
 * (the `scale` project: DATELINE_SCALE_DATA_DIR, built into DATELINE_SCALE_DIST_DIR). The checks
 * do not name generated ids: they read them from the story's data file and from the page.
 */

/** The story's data file, as the page names it, and its places. */
async function storyData(page: Page): Promise<{ url: string; places: { id: string; properties: { name: string } }[] }> {
  const html = await (await page.request.get("/")).text();
  const url = /\/stories\/[a-z0-9-]+\/events\.json/.exec(html)?.[0];
  if (!url) throw new Error("the page names no events file: is this a build of a large story?");
  const file = (await (await page.request.get(url)).json()) as { places: { id: string; properties: { name: string } }[] };
  return { url, places: file.places };
}

/** Opens `path` and waits until every event is in ("N of N events", no loading notice). */
async function openLoaded(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.locator(".events-loading")).toBeEmpty({ timeout: 20_000 });
  await expect(summary(page)).toHaveText(/^(\d+) of (\d+) events$/);
}

const counts = async (page: Page) => {
  const text = (await summary(page).textContent()) ?? "";
  const [, shown = "0", total = "0"] = /^(\d+) of (\d+) events$/.exec(text) ?? [];
  return { shown: Number(shown), total: Number(total) };
};

/** The events the clusters on screen hold, summed. */
const clusteredEvents = (page: Page) =>
  page.locator("[data-cluster]").evaluateAll((els) => els.reduce((sum, el) => sum + Number(el.getAttribute("data-events")), 0));

test("a story of thousands of events opens with clusters, a short page and a short list", async ({ page }) => {
  await openLoaded(page);
  const { total } = await counts(page);
  expect(total).toBeGreaterThan(1000);
  await expect(page.locator("[data-cluster]").first()).toBeVisible();
  // Only what the view needs is in the page: a few dozen markers, a screenful of list rows.
  expect(await page.locator("[data-place], [data-cluster]").count()).toBeLessThan(200);
  const rows = page.locator("li[data-event]");
  expect(await rows.count()).toBeLessThan(60);
  await expect(rows.first()).toHaveAttribute("aria-setsize", String(total));
  // A cluster says in words what it holds.
  await expect(page.locator("[data-cluster]").first()).toHaveAttribute("aria-label", /^A cluster of \d+ places, [\d,]+ events/);
});

test("a cluster opens into its places when clicked, and the URL follows the zoom", async ({ page }) => {
  await openLoaded(page);
  await waitForMapToSettle(page);
  const zoomBefore = Number(queryParam(page, "view")?.split("/")[0] ?? 0);
  // Clusters are drawn by their own chunk, fetched when the first one renders: wait for them.
  await expect(page.locator("[data-cluster]").first()).toBeVisible();
  // The cluster with the most events among those a reader can click: its centre not under another marker or label.
  const biggest = await page.locator("[data-cluster]").evaluateAll((els) => {
    const clickable = els.filter((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit !== null && el.contains(hit);
    });
    clickable.sort((a, b) => Number(b.getAttribute("data-events")) - Number(a.getAttribute("data-events")));
    return clickable[0]?.getAttribute("data-cluster");
  });
  expect(biggest, "a cluster that is not covered by another marker").toBeDefined();
  await page.locator(`[data-cluster="${biggest}"]`).click({ timeout: 10_000 });
  await expect.poll(() => Number(queryParam(page, "view")?.split("/")[0] ?? 0)).toBeGreaterThan(zoomBefore);
  await waitForMapToSettle(page);
  // Zoomed in, it has opened: it is drawn no more (supercluster's ids are unique across zooms), and
  // its places are drawn apart, as lone places or smaller clusters, around the map's centre.
  await expect(page.locator(`[data-cluster="${biggest}"]`)).toHaveCount(0);
  const nearCentre = await page.locator("[data-place], [data-cluster]").evaluateAll((els) => {
    const map = document.querySelector(".leaflet-container")!.getBoundingClientRect();
    const [cx, cy] = [map.x + map.width / 2, map.y + map.height / 2];
    return els.filter((el) => {
      const box = el.getBoundingClientRect();
      return Math.hypot(box.x + box.width / 2 - cx, box.y + box.height / 2 - cy) < Math.min(map.width, map.height) / 2;
    }).length;
  });
  expect(nearCentre, "markers where the cluster was").toBeGreaterThanOrEqual(2);
});

test("an actor filter changes the count and what the clusters hold, at once", async ({ page }) => {
  await openLoaded(page);
  // The clustering code is fetched when the story first clusters: the crowd is drawn once it is here.
  await expect.poll(() => clusteredEvents(page), { timeout: 20_000 }).toBeGreaterThan(0);
  const before = await counts(page);
  const heldBefore = await clusteredEvents(page);
  await page.locator("[data-actor]").first().click();
  await expect.poll(async () => (await counts(page)).shown).toBeLessThan(before.shown);
  expect((await counts(page)).total).toBe(before.total);
  await expect.poll(() => clusteredEvents(page)).toBeLessThan(heldBefore);
  await page.goBack();
  await expect.poll(async () => (await counts(page)).shown).toBe(before.shown);
});

test("a link to a place inside a cluster opens that place's popup", async ({ page }) => {
  const { places } = await storyData(page);
  await openLoaded(page);
  const drawn = new Set(await page.locator("[data-place]").evaluateAll((els) => els.map((el) => el.getAttribute("data-place"))));
  const hidden = places.find((p) => !drawn.has(p.id));
  if (!hidden) throw new Error("every place has its own marker at the opening view: nothing is clustered");
  await openLoaded(page, `/?place=${hidden.id}`);
  await expect(marker(page, hidden.id)).toBeVisible();
  await expect(popup(page)).toContainText(hidden.properties.name);
  // No notice: the id was kept while the events were on their way, not dropped as unknown.
  await expect(page.locator('[role="status"].notice:not(.notice-empty)')).toHaveCount(0);
  await expectQueryParam(page, "place", hidden.id);
});

test("the long list is reachable with the keyboard, row after row past the first screen", async ({ page }) => {
  await openLoaded(page);
  const rows = page.locator("li[data-event]");
  const first = rows.first();
  await first.locator(".event-button").focus();
  // Each row has its button, "Read in article" where it applies, and "Copy link": walk 40 rows.
  const seen = new Set<string>();
  for (let i = 0; i < 120 && seen.size < 40; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement?.closest("li[data-event]")?.getAttribute("data-event"));
    if (id) seen.add(id);
  }
  expect(seen.size).toBe(40);
  const position = await page.evaluate(() => document.activeElement?.closest("li[data-event]")?.getAttribute("aria-posinset"));
  expect(Number(position)).toBeGreaterThanOrEqual(40);
});

test("a place of a hundred events opens its popup on the first twenty, and shows twenty more at a time", async ({ page }) => {
  const { url } = await storyData(page);
  const file = (await (await page.request.get(url)).json()) as { events: [string, string, string, string, unknown, [string][]][] };
  const perPlace = new Map<string, number>();
  for (const event of file.events) for (const [place] of event[5]) perPlace.set(place, (perPlace.get(place) ?? 0) + 1);
  const [busiest, count] = [...perPlace].sort((a, b) => b[1] - a[1])[0]!;
  expect(count, "the generated story has a place of more than two steps of events").toBeGreaterThan(40);

  await openLoaded(page, `/?place=${busiest}`);
  const events = popup(page).locator("[data-popup-event]");
  await expect(events).toHaveCount(20);
  await expect(popup(page)).toContainText(`20 of ${count} events shown`);
  await expect(popup(page).getByRole("link", { name: /^every event at / })).toHaveAttribute("href", `/places/${busiest}`);

  const more = popup(page).getByRole("button", { name: "Show 20 more" });
  await more.click();
  await expect(events).toHaveCount(40);
  await expect(popup(page)).toContainText(`40 of ${count} events shown`);
  await expect(more, "the focus stays on the button, for the next twenty").toBeFocused();
});

test("a phone opens on the article's own places, not on the whole crowd around them", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await openLoaded(page);
  await waitForMapToSettle(page);
  const map = (await page.locator(".leaflet-container").boundingBox())!;
  const centre = async (placeId: string) => {
    const box = (await marker(page, placeId).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  // Two of the article's places, 15 degrees of longitude apart (these ids are the story's own).
  const damascus = await centre("damascus");
  const tehran = await centre("tehran");
  for (const point of [damascus, tehran]) {
    expect(point.x).toBeGreaterThan(map.x);
    expect(point.x).toBeLessThan(map.x + map.width);
    expect(point.y).toBeGreaterThan(map.y);
    expect(point.y).toBeLessThan(map.y + map.height);
  }
  // Their true places are 86 px apart at zoom 3, where framing the whole crowd opened the phone
  // (143 px as drawn, pushed apart by the crowd's clusters), and 172 px at zoom 4, where framing
  // the article's own places opens it (184 px as drawn).
  expect(Math.hypot(tehran.x - damascus.x, tehran.y - damascus.y)).toBeGreaterThan(160);
  // Every place of the article's events keeps its own marker in view, those the article does not
  // name too: Erbil and Ain al-Asad, where its missiles fell, were clustered into the crowd.
  for (const placeId of ["latakia", "khmeimim", "ain-al-asad", "erbil"]) {
    const box = (await marker(page, placeId).boundingBox())!;
    expect(box.x, placeId).toBeGreaterThan(map.x);
    expect(box.x + box.width, placeId).toBeLessThan(map.x + map.width);
  }
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
]) {
  test(`at ${viewport.width}x${viewport.height} the article's five places are named among the crowd's clusters`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openLoaded(page);
    await waitForMapToSettle(page);
    // Latakia's and Khmeimim's names gave way to the clusters on a desktop; the clusters now keep off them.
    for (const placeId of ["damascus", "latakia", "khmeimim", "ain-al-asad", "erbil"])
      await expect(marker(page, placeId).locator(".place-label"), placeId).toBeVisible();
  });

  test(`at ${viewport.width}x${viewport.height} no cluster covers a place's marker, its marks or its label, nor another cluster`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openLoaded(page);
    await waitForMapToSettle(page);
    const overlapping = await page.evaluate(() => {
      const boxes = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)]
          .filter((el) => !el.hidden && el.getClientRects().length > 0)
          .map((el) => ({ what: `${selector} ${el.textContent?.slice(0, 30)}`, box: el.getBoundingClientRect() }));
      const clusters = [...boxes(".cluster-disc"), ...boxes(".cluster-actors")];
      const places = [...boxes("[data-place] .place-marker"), ...boxes("[data-place] .place-label")];
      const meet = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      const found: string[] = [];
      for (const c of clusters) for (const p of places) if (meet(c.box, p.box)) found.push(`${c.what} over ${p.what}`);
      const discs = boxes(".cluster-disc");
      for (let a = 0; a < discs.length; a++)
        for (let b = a + 1; b < discs.length; b++)
          if (meet(discs[a]!.box, discs[b]!.box)) found.push(`${discs[a]!.what} over ${discs[b]!.what}`);
      return found;
    });
    expect(overlapping).toEqual([]);
  });
}
