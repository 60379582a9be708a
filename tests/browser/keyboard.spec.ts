import type { Page } from "@playwright/test";
import { expect, test, waitForMap } from "./fixtures";
import { expectQueryParam, popup } from "./helpers";

/** Presses Tab until a map marker has the focus (at most `limit` presses) and returns its place id. */
async function tabToFirstMarker(page: Page, limit = 60): Promise<string> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const placeId = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.place);
    if (placeId) return placeId;
  }
  throw new Error(`no marker took the focus after ${limit} presses of Tab`);
}

/** Loads the page, tabs to a marker and opens its popup with Enter; returns the marker's place id and name. */
async function openPopupWithKeyboard(page: Page) {
  await page.goto("/");
  await waitForMap(page);
  const placeId = await tabToFirstMarker(page);
  const focused = page.locator(`.leaflet-marker-icon[data-place="${placeId}"]`);
  await expect(focused).toBeFocused();
  const name = (await focused.getAttribute("aria-label")) ?? "";
  expect(name, "the focused marker's accessible name").not.toBe("");

  await page.keyboard.press("Enter");
  await expect(popup(page)).toBeVisible();
  // The marker's name starts with the place's name, which heads the popup.
  const heading = (await popup(page).getByRole("heading", { level: 2 }).textContent()) ?? "";
  expect(heading).not.toBe("");
  expect(name.startsWith(`${heading}, `), `"${name}" starts with the popup's heading "${heading}"`).toBe(true);
  await expectQueryParam(page, "place", placeId);
  return { placeId, name };
}

test("a marker reached with Tab opens its popup on Enter", async ({ page }) => {
  await openPopupWithKeyboard(page);
  await expect(popup(page).locator("q").first()).toBeVisible();
});

test("Escape closes the popup opened from the keyboard and the URL loses place", async ({ page }) => {
  await openPopupWithKeyboard(page);
  await page.keyboard.press("Escape");
  await expect(popup(page)).toHaveCount(0);
  await expectQueryParam(page, "place", null);
});

test("the popup's close button closes it and the URL loses place", async ({ page }) => {
  await openPopupWithKeyboard(page);
  await page.getByRole("button", { name: /close popup/i }).click();
  await expect(popup(page)).toHaveCount(0);
  await expectQueryParam(page, "place", null);
});
