import { expect, test, waitForMap } from "./fixtures";
import { popup, saveScreenshot, waitForBasemap, waitForMapToSettle } from "./helpers";

// Screenshots for a human reviewer, at the default desktop viewport (1280×800): test-results/screenshots/desktop-*.png.

test("desktop screenshot of the home page", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  await waitForBasemap(page);
  await expect(page.locator("li[data-event]").first()).toBeVisible();
  await waitForMapToSettle(page);
  await saveScreenshot(page, "desktop-home");
});

test("desktop screenshot of Damascus's popup", async ({ page }) => {
  await page.goto("/?place=damascus");
  await waitForMap(page);
  await waitForBasemap(page);
  await expect(popup(page).getByRole("heading", { level: 2 })).toContainText("Damascus");
  await waitForMapToSettle(page);
  await saveScreenshot(page, "desktop-place-damascus");
});
