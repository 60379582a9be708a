import type { Page } from "@playwright/test";
import { expect, test, waitForMap } from "./fixtures";
import { expectMarkers, expectQueryParam, queryParam, summary, waitForMapToSettle } from "./helpers";

function timeline(page: Page) {
  return page.getByRole("region", { name: "Filter by date" });
}

/**
 * Presses a key on the focused handle and waits for the map to stop moving, so that each step is
 * checked against a still map.
 */
async function press(page: Page, key: string) {
  await page.keyboard.press(key);
  await waitForMapToSettle(page);
}

async function openHome(page: Page, query = "") {
  await page.goto(`/${query}`);
  await waitForMap(page);
  await expect(timeline(page)).toBeVisible();
}

test.describe("presets and date inputs", () => {
  // A regression test; this was once a bug: a filter change resizes the map, ViewController takes that moveend for a user move and writes view= from the old state, undoing the change.
  test('"Week of the story" selects 2 to 8 January 2020 and "Everything" clears the range', async ({ page }) => {
    await openHome(page);
    await timeline(page).getByRole("button", { name: "Week of the story" }).click();
    await expectQueryParam(page, "from", "2020-01-02");
    await expectQueryParam(page, "to", "2020-01-08");
    await expectMarkers(page, { shown: ["damascus", "ain-al-asad", "erbil", "baghdad-airport"], hidden: ["khmeimim", "latakia"] });
    await expect(timeline(page).getByRole("button", { name: "Week of the story" })).toHaveAttribute("aria-pressed", "true");
    await expect(summary(page)).toHaveText("11 of 13 events");

    await timeline(page).getByRole("button", { name: "Everything" }).click();
    await expectQueryParam(page, "from", null);
    await expectQueryParam(page, "to", null);
    await expectMarkers(page, { shown: ["khmeimim", "latakia", "damascus", "erbil"] });
    await expect(summary(page)).toHaveText("13 of 13 events");

    await page.goBack();
    await expectQueryParam(page, "from", "2020-01-02");
    await expectMarkers(page, { hidden: ["khmeimim"] });
  });

  // A regression test; this was once a bug: a filter change resizes the map, ViewController takes that moveend for a user move and writes view= from the old state, undoing the change.
  test("the date inputs set from and to", async ({ page }) => {
    await openHome(page);
    const from = timeline(page).getByLabel("From", { exact: true });
    const to = timeline(page).getByLabel("To", { exact: true });

    await from.fill("2020-01-08");
    await expectQueryParam(page, "from", "2020-01-08");
    await expectMarkers(page, { shown: ["ain-al-asad", "erbil"], hidden: ["khmeimim", "damascus"] });

    await to.fill("2020-01-08");
    await expectQueryParam(page, "to", "2020-01-08");
    await expect(summary(page)).toHaveText("6 of 13 events");

    await from.fill("");
    await expectQueryParam(page, "from", null);
    await expectQueryParam(page, "to", "2020-01-08");
    await expectMarkers(page, { shown: ["khmeimim", "damascus", "erbil"] });
  });

  test("the date inputs show the range of a link", async ({ page }) => {
    await openHome(page, "?from=2017-03-01&to=2017-03-31");
    await expect(timeline(page).getByLabel("From", { exact: true })).toHaveValue("2017-03-01");
    await expect(timeline(page).getByLabel("To", { exact: true })).toHaveValue("2017-03-31");
    await expectMarkers(page, { shown: ["khmeimim", "latakia"], hidden: ["erbil"] });
  });
});

test.describe("the brush with the keyboard", () => {
  // These start from a link that already has a range, so that the timeline keeps its height, and let the map settle
  // after each key; the first step on a fresh page is tested at the end of this block.
  test("arrow keys on the start handle move the start of the range by a year; Home takes it back to the beginning", async ({ page }) => {
    await openHome(page, "?to=2019-12-31");
    const start = timeline(page).getByRole("slider", { name: "Start of the date range" });
    await start.focus();
    await expect(start).toHaveAttribute("aria-valuetext", "the beginning");
    for (const year of [2012, 2013, 2014, 2015, 2016, 2017, 2018]) {
      await press(page, "ArrowRight");
      await expectQueryParam(page, "from", `${year}-01-01`);
      await expect(start).toHaveAttribute("aria-valuetext", String(year));
    }
    await expectQueryParam(page, "to", "2019-12-31");
    await expect(start).toBeFocused();
    await expectMarkers(page, { shown: ["syria"], hidden: ["khmeimim", "latakia", "erbil"] });

    await press(page, "Home");
    await expectQueryParam(page, "from", null);
    await expectMarkers(page, { shown: ["khmeimim", "damascus"] });

    await page.goBack();
    await expectQueryParam(page, "from", "2018-01-01");
    await expectMarkers(page, { hidden: ["khmeimim"] });
  });

  test("arrow keys on the end handle bring the end of the range back", async ({ page }) => {
    await openHome(page, "?from=2012-01-01");
    const end = timeline(page).getByRole("slider", { name: "End of the date range" });
    await end.focus();
    await expect(end).toHaveAttribute("aria-valuetext", "the end");
    await press(page, "ArrowLeft");
    await expectQueryParam(page, "to", "2019-12-31");
    await expect(end).toHaveAttribute("aria-valuetext", "2019");
    await expectQueryParam(page, "from", "2012-01-01");
    await expectMarkers(page, { shown: ["khmeimim", "damascus", "syria"], hidden: ["erbil", "ain-al-asad", "washington"] });

    await page.goBack();
    await expectQueryParam(page, "to", null);
    await expectMarkers(page, { shown: ["erbil"] });
  });

  test("on the scale of days the handles move by a day", async ({ page }) => {
    await openHome(page, "?to=2020-01-08");
    await timeline(page).getByRole("button", { name: "Days" }).click();
    const start = timeline(page).getByRole("slider", { name: "Start of the date range" });
    await start.focus();
    await press(page, "ArrowRight");
    await expectQueryParam(page, "from", "2020-01-02");
    await press(page, "ArrowRight");
    await expectQueryParam(page, "from", "2020-01-03");
    await expect(start).toHaveAttribute("aria-valuetext", "3 January 2020");
    await expectQueryParam(page, "to", "2020-01-08");
    await expectMarkers(page, { shown: ["baghdad-airport", "damascus"], hidden: ["khmeimim"] });
  });

  // A regression test; this was once a bug: ViewController takes the moveend that map.invalidateSize() fires (useInvalidateOnResize, when the timeline changes height) for a user move and writes view= from the state before the change, undoing it.
  test("the first brush step on a fresh page is kept, and no view= appears", async ({ page }) => {
    await openHome(page);
    await waitForMapToSettle(page);
    await timeline(page).getByRole("slider", { name: "Start of the date range" }).focus();
    await page.keyboard.press("ArrowRight");
    await expectQueryParam(page, "from", "2012-01-01");
    await waitForMapToSettle(page);
    expect(queryParam(page, "from")).toBe("2012-01-01");
    expect(queryParam(page, "view"), "the user did not move the map").toBeNull();
  });
});

test.describe("playback", () => {
  // A regression test; this was once a bug: a filter change resizes the map, ViewController takes that moveend for a user move and writes view= from the old state, undoing the change (fails about half the time).
  test("Next step on a fresh page shows what had happened by the first step", async ({ page }) => {
    await openHome(page);
    await timeline(page).getByRole("button", { name: "Next step" }).click();
    await expectQueryParam(page, "to", "2011-01-01");
    expect(queryParam(page, "from")).toBeNull();
    await expect(timeline(page)).toContainText("Up to 2011: step 1 of 6");
    await expectMarkers(page, { shown: ["syria"], hidden: ["damascus", "khmeimim", "erbil"] });
    await waitForMapToSettle(page);
    await expectQueryParam(page, "to", "2011-01-01");
  });

  test("Next and Previous step show what had happened by each step", async ({ page }) => {
    await openHome(page, "?to=2011-01-01");
    await expect(timeline(page)).toContainText("Up to 2011: step 1 of 6");
    await expectMarkers(page, { shown: ["syria"], hidden: ["damascus", "khmeimim", "erbil"] });
    await expect(timeline(page).getByRole("button", { name: "Previous step" })).toBeDisabled();
    await waitForMapToSettle(page);

    await timeline(page).getByRole("button", { name: "Next step" }).click();
    await expectQueryParam(page, "to", "2012-01-01");
    await expect(timeline(page)).toContainText("Up to 2012: step 2 of 6");
    await expectMarkers(page, { shown: ["syria", "damascus"], hidden: ["khmeimim"] });
    await waitForMapToSettle(page);

    await timeline(page).getByRole("button", { name: "Next step" }).click();
    await expectQueryParam(page, "to", "2017-01-01");
    await expectMarkers(page, { shown: ["khmeimim", "latakia"], hidden: ["erbil"] });
    await waitForMapToSettle(page);

    await timeline(page).getByRole("button", { name: "Previous step" }).click();
    await expectQueryParam(page, "to", "2012-01-01");
    await expectMarkers(page, { hidden: ["khmeimim"] });
  });

  test("the last step shows everything and Next step is then disabled", async ({ page }) => {
    await openHome(page, "?to=2020-01-07");
    await expect(timeline(page)).toContainText("Up to 7 January 2020: step 5 of 6");
    const next = timeline(page).getByRole("button", { name: "Next step" });
    await next.click();
    await expectQueryParam(page, "to", "2020-01-08");
    await expect(summary(page)).toHaveText("13 of 13 events");
    await expect(next).toBeDisabled();
  });

  test("playback starts and pauses with the keyboard alone", async ({ page }) => {
    await openHome(page);
    let reached = false;
    for (let i = 0; i < 250 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.tagName === "BUTTON" && el.textContent?.trim() === "Play" && el.closest('[aria-label="Playback"]') !== null;
      });
    }
    expect(reached, "Tab reaches the Play button").toBe(true);

    await page.keyboard.press("Enter");
    await expectQueryParam(page, "to", "2011-01-01");
    const button = timeline(page).getByRole("button", { name: "Pause" });
    await expect(button).toBeFocused();
    // Playback advances on its own, one step at a time.
    await expectQueryParam(page, "to", "2012-01-01");
    await expectMarkers(page, { shown: ["damascus"], hidden: ["khmeimim"] });

    await page.keyboard.press("Enter");
    await expect(timeline(page).getByRole("button", { name: "Play" })).toBeFocused();
    const paused = queryParam(page, "to");
    await page.waitForTimeout(2500);
    expect(queryParam(page, "to"), "paused playback stays where it was").toBe(paused);
  });
});

test.describe("folding", () => {
  test("on a wide screen the timeline is open, says what it keeps, and folds and unfolds with its button", async ({ page }) => {
    await openHome(page, "?from=2020-01-07&to=2020-01-08");
    const toggle = timeline(page).getByRole("button", { name: /^Dates/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(toggle).toContainText("7 to 8 January 2020");
    const start = timeline(page).getByRole("slider", { name: "Start of the date range" });
    await expect(start).toBeVisible();
    const mapOpen = await page.locator(".leaflet-container").boundingBox();

    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(start).toBeHidden();
    // Folded, it still says that a date filter applies, and the map takes the room.
    await expect(toggle).toContainText("7 to 8 January 2020");
    await expect
      .poll(async () => (await page.locator(".leaflet-container").boundingBox())?.height)
      .toBeGreaterThan((mapOpen?.height ?? 0) + 50);
    // Escape folds only the phone's overlay: here the timeline stays as the reader left it.
    await page.keyboard.press("Space");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Escape");
    await expect(start).toBeVisible();
  });
});
