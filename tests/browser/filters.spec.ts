import { expect, test, waitForMap } from "./fixtures";
import { expectMarkers, expectQueryParam, marker, popup, queryParam, shownPlaces, summary, waitForMapToSettle } from "./helpers";

/** Every place the story's events are at: what `/` shows with no filter. */
const ALL_PLACES = ["ain-al-asad", "baghdad-airport", "damascus", "erbil", "iran", "khmeimim", "latakia", "syria", "tehran", "washington"];

test.describe("links with filters", () => {
  test("/?actors=iran shows Ain al-Asad and Erbil and not Khmeimim", async ({ page }) => {
    await page.goto("/?actors=iran");
    await waitForMap(page);
    await expectMarkers(page, { shown: ["ain-al-asad", "erbil"], hidden: ["khmeimim", "damascus", "latakia"] });
    await expect(page.locator('button[data-actor="iran"]')).toHaveAttribute("aria-pressed", "true");
    await expect(summary(page)).toHaveText("6 of 13 events");
  });

  test("/?from=2020-01-07&to=2020-01-07 shows Damascus and neither base in Iraq", async ({ page }) => {
    await page.goto("/?from=2020-01-07&to=2020-01-07");
    await waitForMap(page);
    await expectMarkers(page, { shown: ["damascus"], hidden: ["ain-al-asad", "erbil", "khmeimim"] });
    await expect(summary(page)).toHaveText("8 of 13 events");
  });

  test("/?place=khmeimim opens centred on Khmeimim with its popup open", async ({ page }) => {
    await page.goto("/?place=khmeimim");
    await waitForMap(page);
    await expect(popup(page).getByRole("heading", { level: 2 })).toHaveText(/Khmeimim/);

    const map = await page.locator(".leaflet-container").boundingBox();
    const pin = await marker(page, "khmeimim").boundingBox();
    if (!map || !pin) throw new Error("the map or the marker has no box");
    const dx = pin.x + pin.width / 2 - (map.x + map.width / 2);
    const dy = pin.y + pin.height / 2 - (map.y + map.height / 2);
    // Markers that overlap are nudged apart a little (Latakia is next door), and the popup may pan the map to fit.
    expect(Math.abs(dx), `marker ${Math.round(dx)} px right of the map's centre`).toBeLessThan(map.width * 0.15);
    expect(Math.abs(dy), `marker ${Math.round(dy)} px below the map's centre`).toBeLessThan(map.height * 0.3);
  });

  test("/?event=<id> opens that event's popup with the event marked current", async ({ page }) => {
    await page.goto("/?event=putin-assad-talks-damascus");
    await waitForMap(page);
    const content = popup(page);
    await expect(content.getByRole("heading", { level: 2 })).toHaveText(/Damascus/);
    const event = content.locator('article[data-popup-event="putin-assad-talks-damascus"]');
    await expect(event).toHaveClass(/\bfocused\b/);
    await expect(event).toHaveAttribute("aria-current", "true");
    await expect(content.locator("article[aria-current]")).toHaveCount(1);
    await expect(event.getByRole("heading", { name: "Putin meets Assad at the Russian command post in Damascus" })).toBeVisible();
  });
});

test.describe("the actor filter", () => {
  // These let the map settle after each change, so that each step starts from a still map, as a reader sees it.
  test("clicking an actor filters the map and pushes a history entry: Back, Forward and reload follow", async ({ page }) => {
    await page.goto("/");
    await waitForMap(page);
    await expect.poll(() => shownPlaces(page)).toEqual(ALL_PLACES);
    await waitForMapToSettle(page);
    await expect(summary(page)).toHaveText("13 of 13 events");

    await page.locator('button[data-actor="iran"]').click();
    await expectQueryParam(page, "actors", "iran");
    await expectMarkers(page, { shown: ["ain-al-asad", "erbil"], hidden: ["khmeimim", "damascus"] });
    await waitForMapToSettle(page);
    await expect(summary(page)).toHaveText("6 of 13 events");

    await page.goBack();
    await expectQueryParam(page, "actors", null);
    await expect.poll(() => shownPlaces(page)).toEqual(ALL_PLACES);
    await waitForMapToSettle(page);
    await expect(summary(page)).toHaveText("13 of 13 events");
    await expect(page.locator('button[data-actor="iran"]')).toHaveAttribute("aria-pressed", "false");

    await page.goForward();
    await expectQueryParam(page, "actors", "iran");
    await expectMarkers(page, { shown: ["ain-al-asad", "erbil"], hidden: ["khmeimim", "damascus"] });
    await waitForMapToSettle(page);

    await page.reload();
    await waitForMap(page);
    await expectQueryParam(page, "actors", "iran");
    await expectMarkers(page, { shown: ["ain-al-asad", "erbil"], hidden: ["khmeimim", "damascus"] });
    await waitForMapToSettle(page);
    await expect(summary(page)).toHaveText("6 of 13 events");
  });

  test("a second actor adds to the selection and clicking it again removes it", async ({ page }) => {
    await page.goto("/?actors=usa");
    await waitForMap(page);
    await expect(summary(page)).toHaveText("3 of 13 events");
    await expectMarkers(page, { shown: ["washington", "erbil"], hidden: ["damascus", "khmeimim"] });
    await waitForMapToSettle(page);

    await page.locator('button[data-actor="rebels"]').click();
    await expectQueryParam(page, "actors", "usa,rebels");
    await expectMarkers(page, { shown: ["washington", "damascus"], hidden: ["khmeimim"] });
    await waitForMapToSettle(page);

    await page.locator('button[data-actor="usa"]').click();
    await expectQueryParam(page, "actors", "rebels");
    await expectMarkers(page, { shown: ["damascus", "syria"], hidden: ["washington", "erbil"] });
  });

  test("'only' keeps one actor in one click and 'Clear actor filter' shows everything again", async ({ page }) => {
    await page.goto("/?actors=iran,usa");
    await waitForMap(page);
    await page.getByRole("button", { name: "Only Russia" }).click();
    await expectQueryParam(page, "actors", "russia");
    await expectMarkers(page, { shown: ["damascus", "khmeimim", "latakia"], hidden: ["ain-al-asad", "erbil", "washington"] });
    await waitForMapToSettle(page);
    await expect(page.locator('button[data-actor="russia"]')).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator('button[data-actor="iran"]')).toHaveAttribute("aria-pressed", "false");

    await page.getByRole("button", { name: "Clear actor filter" }).click();
    await expectQueryParam(page, "actors", null);
    await expect.poll(() => shownPlaces(page)).toEqual(ALL_PLACES);
    await waitForMapToSettle(page);
    await expect(summary(page)).toHaveText("13 of 13 events");
    await expect(page.getByRole("button", { name: "Clear actor filter" })).toHaveCount(0);
  });

  test("two toggles in one task are both drawn and make two history entries, in order", async ({ page }) => {
    await page.goto("/");
    await waitForMap(page);
    await waitForMapToSettle(page);
    // The second click comes before the history has the first's address: it must build on it all the same.
    await page.evaluate(() => {
      for (const id of ["iran", "usa"]) document.querySelector<HTMLButtonElement>(`button[data-actor="${id}"]`)?.click();
    });
    await expectQueryParam(page, "actors", "iran,usa");
    await expect(page.locator('button[data-actor="iran"]')).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator('button[data-actor="usa"]')).toHaveAttribute("aria-pressed", "true");
    await waitForMapToSettle(page);

    await page.goBack();
    await expectQueryParam(page, "actors", "iran");
    await expect(summary(page)).toHaveText("6 of 13 events");
    await page.goBack();
    await expectQueryParam(page, "actors", null);
    await expect(summary(page)).toHaveText("13 of 13 events");
  });

  test("the open popup follows the filter", async ({ page }) => {
    await page.goto("/?place=damascus");
    await waitForMap(page);
    const content = popup(page);
    await expect(content.getByRole("article")).toHaveCount(5);
    await page.getByRole("button", { name: "Only Syrian rebels" }).click();
    await expectQueryParam(page, "actors", "rebels");
    await expect(content.getByRole("article")).toHaveCount(1);
    await expect(content.getByRole("heading", { name: "Armed rebels reach the capital, Damascus" })).toBeVisible();
  });
});

// The view fits the events near the story's centre (coreBoundsOf): Washington, half a world away, is left out by
// design so that the Iraqi bases stay readable; it stays in the list.
test("after a filter change the map still fits the next filter's events, and no view= appears", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  await waitForMapToSettle(page);
  await page.getByRole("button", { name: "Only Russia" }).click();
  await expectQueryParam(page, "actors", "russia");
  await waitForMapToSettle(page);
  expect(queryParam(page, "view"), "the user did not move the map").toBeNull();

  await page.getByRole("button", { name: "Only United States" }).click();
  await expectQueryParam(page, "actors", "usa");
  await waitForMapToSettle(page);
  const map = await page.locator(".leaflet-container").boundingBox();
  if (!map) throw new Error("the map has no box");
  for (const id of ["erbil", "ain-al-asad", "tehran"]) {
    const box = await marker(page, id).boundingBox();
    const inside =
      !!box && box.x >= map.x && box.x + box.width <= map.x + map.width && box.y >= map.y && box.y + box.height <= map.y + map.height;
    expect(inside, `${id}'s marker is on the map`).toBe(true);
  }
});

// A regression test; this was once a bug: a filter change resizes the map, ViewController takes that moveend for a user move and writes view= from the old state, undoing the change.
test("a filter that leaves nothing says so and one click shows every event again", async ({ page }) => {
  // The US takes part only in January 2020.
  await page.goto("/?actors=usa&from=2019-01-01&to=2019-12-31");
  await page.locator(".leaflet-container").waitFor();
  await expect(summary(page)).toHaveText("0 of 13 events");
  await expect(page.getByText("No event matches these filters.")).toBeVisible();
  await expect.poll(() => shownPlaces(page)).toEqual([]);

  await page.getByRole("button", { name: "Show all events" }).click();
  await expect(summary(page)).toHaveText("13 of 13 events");
  await expect.poll(() => shownPlaces(page)).toEqual(ALL_PLACES);
  for (const name of ["actors", "from", "to"]) await expectQueryParam(page, name, null);
  await expect(page.locator("li[data-event]")).toHaveCount(13);
});
